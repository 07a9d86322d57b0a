import { expect, hcpSlot, test, users } from "./fixtures";

test("a rep finds physicians by name and specialty and opens one from their territory", async ({ signInAs }) => {
  const { page, api, physicians, hcp } = await signInAs(users.northwindBostonRep);

  // The list starts limited to the rep's territory, with the count the API reports.
  await physicians.waitForResults();
  await expect(physicians.onlyMine).toBeChecked();
  const expected = await api.listHcps({ mine: true, sort: "name", dir: "asc", page: 1, pageSize: 25 });
  expect(expected.total).toBeGreaterThan(0);
  expect(await physicians.total()).toBe(expected.total);
  await expect(physicians.nameCells().first()).toHaveText(expected.items[0]!.name);

  // Name fragment: every row matches, and the URL carries the filter.
  const lastName = expected.items[0]!.name.split(" ").at(-1)!;
  const fragment = lastName.slice(0, 4);
  await physicians.search.fill(fragment);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${fragment}`));
  await expect(async () => {
    const names = await physicians.nameCells().allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name.toLowerCase()).toContain(fragment.toLowerCase());
  }).toPass();

  // Specialty from the facets: every row has it.
  await physicians.search.fill("");
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect.poll(() => physicians.total()).toBe(expected.total);
  const specialty = expected.items.find((i) => i.specialty)!.specialty!;
  await physicians.specialty.selectOption(specialty);
  await expect(page).toHaveURL(/[?&]specialty=/);
  await expect(async () => {
    const specialties = await physicians.specialtyCells().allTextContents();
    expect(specialties.length).toBeGreaterThan(0);
    for (const s of specialties) expect(s.startsWith(specialty)).toBe(true);
    expect(await physicians.total()).toBeLessThan(expected.total);
  }).toPass();

  // Back restores the unfiltered list.
  await page.goBack();
  await expect(physicians.specialty).toHaveValue("");
  await expect.poll(() => physicians.total()).toBe(expected.total);

  // Open an HCP of the territory who has calls, found through the list by NPI.
  const profile = await api.territoryHcpWithCalls(hcpSlot.browse);
  await physicians.search.fill(profile.hcp.npi);
  await expect(physicians.rows).toHaveCount(1);
  await expect(physicians.nameCells()).toHaveText(profile.hcp.name);
  await physicians.open(profile.hcp.name);

  await expect(hcp.name).toContainText(profile.hcp.name);
  await expect(hcp.identity).toContainText(profile.hcp.npi);
  await expect(hcp.page.getByText("In your territory")).toBeVisible();
  expect(await hcp.count()).toBe(profile.interactions.length);
  await expect(hcp.interactions).toHaveCount(profile.interactions.length);
  const latest = profile.interactions[0]!;
  await expect(hcp.interactions.first()).toContainText(latest.ownerName);
  if (latest.notes) await expect(hcp.interactions.first()).toContainText(latest.notes);
});

test("an unknown or malformed NPI shows not found", async ({ signInAs }) => {
  const { page } = await signInAs(users.northwindBostonRep);
  await page.goto("/physicians/0000000000");
  await expect(page.getByText("Physician not found")).toBeVisible();
  await page.goto("/physicians/not-an-npi");
  await expect(page.getByText("Physician not found")).toBeVisible();
});

test("sorting and paging follow the API and live in the URL", async ({ signInAs }) => {
  const { page, api, physicians } = await signInAs(users.northwindBostonRep);
  await physicians.waitForResults();

  await page.getByRole("button", { name: "City" }).click();
  await expect(page).toHaveURL(/[?&]sort=city/);
  await expect(page.getByRole("columnheader", { name: "City" })).toHaveAttribute("aria-sort", "ascending");
  const byCity = await api.listHcps({ mine: true, sort: "city", dir: "asc", page: 1, pageSize: 25 });
  await expect(physicians.nameCells()).toHaveText(byCity.items.map((i) => i.name));

  await page.getByRole("button", { name: "City" }).click();
  await expect(page).toHaveURL(/[?&]dir=desc/);
  await expect(page.getByRole("columnheader", { name: "City" })).toHaveAttribute("aria-sort", "descending");

  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  const page2 = await api.listHcps({ mine: true, sort: "city", dir: "desc", page: 2, pageSize: 25 });
  await expect(physicians.nameCells()).toHaveText(page2.items.map((i) => i.name));
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(`26–${Math.min(50, page2.total)} of`);
});
