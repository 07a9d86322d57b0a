import { expect, test, users } from "./fixtures";

/** "Whitfield" → "Witfield": a letter dropped inside the name, the kind of slip reps make. */
const misspell = (name: string) => name.slice(0, 1) + name.slice(2);

test("a rep finds a cardiologist by a misspelt name and a lay specialty, and opens the profile", async ({
  signInAs,
}) => {
  const { page, api, physicians, hcp } = await signInAs(users.northwindBostonRep);
  await physicians.waitForResults();

  // A cardiologist anywhere in the registry with a surname long enough to misspell and still recognise.
  const cardiologists = await api.searchPhysicians({ specialty: ["heart doctor"], limit: 100 });
  const target = cardiologists.items.find(
    (i) => (i.lastName ?? "").length >= 6 && /^[A-Za-z]+$/.test(i.lastName ?? ""),
  );
  expect(target, "the demo registry has cardiologists").toBeDefined();
  const query = `dr ${misspell(target!.lastName!.toLowerCase())} heart doctor`;

  // The whole registry, not only the rep's territory.
  await physicians.goto("?mine=0");
  await expect(physicians.onlyMine).not.toBeChecked();
  await physicians.search.fill(query);
  await expect(page).toHaveURL(/[?&]q=dr\+/);
  await expect(physicians.understood).toContainText("heart doctor");
  await expect(async () => {
    const names = await physicians.names().allTextContents();
    expect(names.map((n) => n.toLowerCase())).toContain(target!.name.toLowerCase());
  }).toPass();
  const result = physicians.results.filter({ has: page.getByText(target!.name, { exact: true }) }).first();
  await expect(result.getByTestId("result-explanation")).toContainText("matched:");

  await result.getByRole("link").click();
  await page.waitForURL(new RegExp(`/physicians/${target!.npi}$`));
  await expect(hcp.name).toContainText(target!.name);
  await expect(hcp.identity).toContainText(target!.npi);
});

test("a search that matches nothing says so and offers to clear it", async ({ signInAs }) => {
  const { page, physicians } = await signInAs(users.northwindBostonRep);
  await physicians.waitForResults();
  await physicians.search.fill("zzqxv");
  await expect(page.getByText("No physicians match this search")).toBeVisible();
  await page.getByRole("button", { name: "Clear search" }).first().click();
  await expect(physicians.search).toHaveValue("");
  await expect(physicians.results.first()).toBeVisible();
});

test("an unknown specialty is explained, not an empty page", async ({ signInAs }) => {
  const { page } = await signInAs(users.northwindBostonRep);
  await page.goto("/physicians?specialty=Astrology");
  await expect(page.getByText("Could not search physicians")).toBeVisible();
  await expect(page.getByText(/No specialty called “Astrology”/)).toBeVisible();
});
