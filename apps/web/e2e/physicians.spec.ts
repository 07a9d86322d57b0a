import { expect, hcpSlot, test, users } from "./fixtures";

test("a rep searches physicians by name and specialty and opens one from their territory", async ({ signInAs }) => {
  const { page, api, physicians, hcp } = await signInAs(users.northwindBostonRep);

  // The search starts limited to the rep's territory, with the count the API reports, in name order.
  await physicians.waitForResults();
  await expect(physicians.onlyMine).toBeChecked();
  const expected = await api.searchPhysicians({ mine: true, limit: 25 });
  expect(expected.total).toBeGreaterThan(0);
  expect(await physicians.total()).toBe(expected.total);
  await expect(physicians.names().first()).toHaveText(expected.items[0]!.name);

  // A surname: the URL carries it, and the closest names come first.
  const lastName = expected.items[0]!.lastName!;
  await physicians.search.fill(lastName.toLowerCase());
  await expect(page).toHaveURL(new RegExp(`[?&]q=${lastName.toLowerCase()}`));
  await expect(async () => {
    const names = await physicians.names().allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names[0]!.toLowerCase()).toContain(lastName.toLowerCase());
  }).toPass();

  // A specialty from the filters panel: every result has it.
  await physicians.search.fill("");
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect.poll(() => physicians.total()).toBe(expected.total);
  const specialty = expected.items.find((i) => i.specialty)!;
  const specialtyName = specialty.specialization ?? specialty.specialty!;
  await physicians.setFilter(physicians.specialty, specialtyName);
  await expect(page).toHaveURL(/[?&]specialty=/);
  await expect(async () => {
    const specialties = await physicians.specialties().allTextContents();
    expect(specialties.length).toBeGreaterThan(0);
    expect(await physicians.total()).toBeLessThanOrEqual(expected.total!);
    for (const s of await physicians.results.getByTestId("result-explanation").allTextContents())
      expect(s).toContain("matched:");
  }).toPass();

  // Back restores the unfiltered search.
  await page.goBack();
  await expect(physicians.specialty).toHaveValue("");
  await expect.poll(() => physicians.total()).toBe(expected.total);

  // Open an HCP of the territory who has calls, found by NPI.
  const profile = await api.territoryHcpWithCalls(hcpSlot.browse);
  await physicians.search.fill(profile.hcp.npi);
  await expect(physicians.results).toHaveCount(1);
  await expect(physicians.names()).toHaveText(profile.hcp.name);
  await expect(physicians.results.getByTestId("result-explanation")).toContainText("exact NPI");
  await physicians.open(profile.hcp.name);

  await expect(hcp.name).toContainText(profile.hcp.name);
  await expect(hcp.identity).toContainText(profile.hcp.npi);
  await expect(hcp.page.getByText("In your territory")).toBeVisible();
  expect(await hcp.count()).toBe(profile.interactions.length);
  await expect(hcp.interactions).toHaveCount(profile.interactions.length);
});

test("an unknown or malformed NPI shows not found", async ({ signInAs }) => {
  const { page } = await signInAs(users.northwindBostonRep);
  await page.goto("/physicians/0000000000");
  await expect(page.getByText("Physician not found")).toBeVisible();
  await page.goto("/physicians/not-an-npi");
  await expect(page.getByText("Physician not found")).toBeVisible();
});

test("more results follow the API's cursor, and the search lives in the URL", async ({ signInAs }) => {
  const { page, api, physicians } = await signInAs(users.northwindBostonRep);
  await physicians.goto("?mine=0&state=MA");
  const first = await api.searchPhysicians({ mine: false, state: "MA", limit: 25 });
  const second = await api.searchPhysicians({ mine: false, state: "MA", limit: 25, cursor: first.nextCursor! });
  await expect(physicians.names()).toHaveText(first.items.map((i) => i.name));
  await physicians.showMore.click();
  await expect(physicians.names()).toHaveText([...first.items, ...second.items].map((i) => i.name));
  await expect(physicians.onlyMine).not.toBeChecked();

  // A bad filter value gets a human message and is not sent.
  await physicians.state.fill("Massachusetts");
  await physicians.state.press("Enter");
  await expect(page.getByText("Use a two-letter state code, e.g. MA.")).toBeVisible();
  await expect(page).toHaveURL(/[?&]state=MA/);
});
