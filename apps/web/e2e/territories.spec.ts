// An admin's territory set-up, end to end: a region and a territory created, its ZIPs aligned through a dry run,
// a rep assigned on the users screen, and the rep's physicians change at their next request; closing the territory
// gives them back. Acme's rep is used: no other spec counts that rep's physicians in Washington state.
import { expect, test, users } from "./fixtures";

test("an admin creates a territory, aligns its ZIPs after a dry run, assigns a rep who then sees its physicians, and closes it", async ({
  signInAs,
}) => {
  // Names unique per run: regions stay (they have no close), and a retry must not collide with the first attempt.
  const stamp = Date.now().toString(36).slice(-5).toUpperCase();
  const regionName = `Pacific Northwest ${stamp}`;
  const territoryName = `Seattle ${stamp}`;
  const rep = await signInAs(users.acmeBostonRep);
  const renton = { mine: true, state: "WA", city: "Renton", limit: 25 } as const;
  expect((await rep.api.searchPhysicians(renton)).total).toBe(0);

  const { page } = await signInAs("admin@acme.demo");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Territories" }).click();
  await expect(page.getByRole("heading", { name: "Territories", level: 1 })).toBeVisible();
  await expect(page.getByTestId("territory-AC-BOS")).toContainText("Boston Metro");

  const newRegion = page.getByRole("form", { name: "New region" });
  await newRegion.getByLabel("Name").fill(regionName);
  await newRegion.getByRole("button", { name: "Create region" }).click();
  await expect(page.getByTestId("territories-notice")).toHaveText(
    `${regionName} is created. Add its territories next.`,
  );
  await newRegion.getByLabel("Name").fill(regionName.toLowerCase());
  await newRegion.getByRole("button", { name: "Create region" }).click();
  await expect(page.getByTestId("territories-notice")).toHaveText(
    `There is already a region named ${regionName.toLowerCase()}.`,
  );

  const newTerritory = page.getByRole("form", { name: "New territory" });
  await newTerritory.getByLabel("Code").fill("ac-bos");
  await newTerritory.getByLabel("Name").fill(territoryName);
  await newTerritory.getByLabel("Region").selectOption({ label: regionName });
  await newTerritory.getByRole("button", { name: "Create territory" }).click();
  await expect(page.getByTestId("territories-notice")).toHaveText("The code AC-BOS is already used by Boston Metro.");
  await newTerritory.getByLabel("Code").fill(`sea-${stamp}`);
  await newTerritory.getByRole("button", { name: "Create territory" }).click();
  await expect(page).toHaveURL(/\/admin\/territories\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole("heading", { name: territoryName, level: 1 })).toBeVisible();
  await expect(page.getByTestId("territory-notice")).toContainText("List its ZIP codes below");

  const zips = page.getByRole("textbox", { name: "ZIP codes" });
  await zips.fill("98059, 9804O");
  await page.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByRole("form", { name: "ZIP alignment" })).toContainText(
    'Not a 5-digit ZIP code: "9804O" (item 2).',
  );
  await zips.fill("98059\n98040-1234");
  await page.getByRole("button", { name: "Dry run" }).click();
  const dryRun = page.getByTestId("dry-run");
  await expect(dryRun).toContainText(/\d+ physicians move in, 0 physicians move out/);
  await expect(dryRun).toContainText("Added: 98040, 98059");
  const moved = Number((await dryRun.textContent())!.match(/(\d+) physicians move in/)![1]);
  expect(moved).toBeGreaterThan(1);
  await page.getByRole("button", { name: `Apply: ${moved} physicians in, 0 out` }).click();
  await expect(page.getByTestId("territory-notice")).toHaveText(
    `${territoryName} now covers 2 ZIP codes: ${moved} physicians moved in, 0 physicians out. Its reps see the change at their next page.`,
  );
  await expect(page.getByRole("heading", { name: `2 ZIP codes · ${moved} physicians` })).toBeVisible();
  await expect(page.getByTestId("locations-map")).toBeVisible();

  await page.goto("/admin/users");
  const row = page.getByTestId(`user-${users.acmeBostonRep}`);
  await row.getByRole("button", { name: /Change .*territories/ }).click();
  await row
    .getByRole("group", { name: /Territories of/ })
    .getByRole("checkbox", { name: territoryName })
    .check();
  await row.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("users-notice")).toContainText("territories are saved");

  // The rep, already signed in, sees the territory's physicians at the next request.
  const assigned = await rep.api.searchPhysicians(renton);
  expect(assigned.total).toBeGreaterThan(0);
  await rep.page.goto("/physicians?state=WA&city=Renton");
  await expect(rep.page.getByText(`${assigned.total} physicians in your territories`)).toBeVisible();

  await page.goto("/admin/territories");
  await page.getByTestId(`region-${regionName}`).getByRole("link", { name: territoryName }).click();
  await page.getByRole("button", { name: "Close…" }).click();
  await page.getByRole("button", { name: "Close territory" }).click();
  await expect(page.getByTestId("territory-notice")).toHaveText(
    `${territoryName} is closed: 2 ZIP codes and 1 rep released.`,
  );
  await expect(page.getByText("This territory was closed on")).toBeVisible();
  expect((await rep.api.searchPhysicians(renton)).total).toBe(0);
});
