// My accounts, as Acme's Boston rep (no other spec edits Acme's account fields): one account edited in its row, a
// refusal first; the list filtered by the new tag, kept in the address; three accounts tagged together and the
// change undone from the toast; the physician's page showing the edit with next/previous from the list; and the
// account put back as it was from the page's own editor.
import { expect, test, users } from "./fixtures";

test("a rep edits one account, bulk-tags three and undoes it, and walks the list from a physician's page", async ({
  signInAs,
}) => {
  test.slow(); // a long walk through several screens
  const { page } = await signInAs(users.acmeBostonRep);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts" }).click();
  await expect(page.getByRole("heading", { name: "My accounts", level: 1 })).toBeVisible();
  const rows = page.getByTestId("account");
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(/1–50 of \d/);

  // The first account, edited in place: a refusal, then a tier, a tag and a preferred channel.
  const first = rows.first();
  const name = (await first.getByRole("link").first().innerText()).split(",")[0]!.trim();
  await first.getByRole("button", { name: `Edit ${name}` }).click();
  const editor = page.getByRole("form", { name: `Edit ${name}` });
  const originalTier = await editor.getByLabel("Tier").inputValue();
  await editor.getByLabel("Tier").fill("Platinum plus");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor).toContainText("A tier is at most 10 characters.");
  await editor.getByLabel("Tier").fill("A");
  await editor.getByLabel("Add a tag").fill("KOL");
  await editor.getByLabel("Add a tag").press("Enter");
  await editor.getByLabel("Preferred channel").selectOption("video");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`${name} saved · 1 account updated`)).toBeVisible();
  await expect(editor).toHaveCount(0);
  await expect(first).toContainText("KOL");
  await expect(first).toContainText("Video");

  // Filtered by the tag: only that account, and the filter survives a reload (it is in the address).
  await page.getByLabel("Tag", { exact: true }).selectOption("KOL");
  await expect(rows).toHaveCount(1);
  await expect(page).toHaveURL(/tag=KOL/);
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(name);
  await page.getByLabel("Tag", { exact: true }).selectOption("");
  await expect(rows).not.toHaveCount(1);

  // Three accounts tagged together, then undone from the toast.
  for (const i of [0, 1, 2]) await rows.nth(i).getByRole("checkbox").check();
  const bulk = page.getByRole("region", { name: "Change the selected accounts" });
  await expect(bulk).toContainText("3 accounts selected");
  await bulk.getByLabel("Add a tag").fill("Speaker");
  await bulk.getByRole("button", { name: "Apply to 3" }).click();
  await expect(page.getByText("Tagged Speaker · 3 accounts updated")).toBeVisible();
  for (const i of [0, 1, 2]) await expect(rows.nth(i)).toContainText("Speaker");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone: 3 accounts put back")).toBeVisible();
  for (const i of [0, 1, 2]) await expect(rows.nth(i)).not.toContainText("Speaker");
  await expect(rows.first()).toContainText("KOL");

  // The physician's page: the edit shows, and the list's next account is one click away.
  const second = (await rows.nth(1).getByRole("link").first().innerText()).split(",")[0]!.trim();
  await first.getByRole("link").first().click();
  const profile = page.getByTestId("attributes");
  await expect(profile).toContainText("KOL");
  await expect(profile).toContainText("Prefers Video");
  const trail = page.getByRole("navigation", { name: "Accounts" });
  await expect(trail).toContainText("1 of 50 on that page");
  await trail.getByRole("link", { name: `Next account: ${second}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(second);
  await page
    .getByRole("navigation", { name: "Accounts" })
    .getByRole("link", { name: `Previous account: ${name}` })
    .click();

  // Put back from the page's own editor.
  await expect(profile).toContainText("KOL");
  await profile.getByRole("button", { name: "Edit account profile" }).click();
  await profile.getByLabel("Tier").fill(originalTier);
  await profile.getByRole("button", { name: "Remove tag KOL" }).click();
  await profile.getByLabel("Preferred channel").selectOption("");
  await profile.getByRole("button", { name: "Save" }).click();
  await expect(profile.getByRole("button", { name: "Edit account profile" })).toBeVisible();
  await expect(profile).not.toContainText("KOL");
  await expect(profile).not.toContainText("Prefers");
  await page.getByRole("navigation", { name: "Accounts" }).getByRole("link", { name: "My accounts" }).click();
  await expect(page).toHaveURL(/\/accounts/);
  await expect(rows.first()).not.toContainText("KOL");
});

test("a rep drags a physician to Trial on the adoption board, moves another with its list, and undoes it", async ({
  signInAs,
}) => {
  const { page } = await signInAs(users.acmeBostonRep);
  await page.goto("/accounts");
  await page.getByRole("link", { name: "Adoption board" }).click();
  await expect(page.getByRole("heading", { name: "Adoption board", level: 1 })).toBeVisible();
  const unaware = page.getByTestId("stage-unaware");
  const trial = page.getByTestId("stage-trial");
  await expect(unaware.getByTestId("adoption-card").first()).toBeVisible();
  await expect(trial).toContainText("Nobody here yet.");

  // Dragged by its handle into Trial.
  const card = unaware.getByTestId("adoption-card").first();
  const name = (await card.getByRole("link").innerText()).split(",")[0]!.trim();
  const from = (await card.locator("[data-drag-handle]").boundingBox())!;
  const to = (await trial.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 100, { steps: 15 });
  await page.mouse.up();
  await expect(page.getByText(new RegExp(`${name}.*: Trial for `))).toBeVisible();
  await expect(trial.getByTestId("adoption-card")).toHaveCount(1);
  await expect(trial).toContainText(name);

  // In My accounts the stage shows beside the physician.
  await page.goto("/accounts");
  await page.getByLabel("Name or NPI").fill(name.split(" ").at(-1)!);
  await expect(page.getByTestId("account").filter({ hasText: name })).toContainText("Trial");
  await page.goBack();

  // Moved back with the card's own list, then that move undone from the toast: it is in Trial again.
  const moved = page.getByTestId("stage-trial").getByTestId("adoption-card").filter({ hasText: name });
  await moved.getByRole("combobox", { name: `Move ${name} to` }).selectOption("unaware");
  await expect(page.getByTestId("stage-trial")).toContainText("Nobody here yet.");
  await page.getByRole("button", { name: "Undo" }).last().click();
  await expect(page.getByTestId("stage-trial")).toContainText(name);
  // Left as found.
  await page
    .getByTestId("stage-trial")
    .getByRole("combobox", { name: `Move ${name} to` })
    .selectOption("unaware");
  await expect(page.getByTestId("stage-trial")).toContainText("Nobody here yet.");
});

test("a rep imports account fields from a CSV file: a dry run with a row set aside, then apply", async ({
  signInAs,
}) => {
  const { page } = await signInAs(users.acmeBostonRep);
  await page.goto("/accounts");
  const row = page.getByTestId("account").nth(4);
  const npi = (await row.getByRole("link").first().getAttribute("href"))!.split("/").pop()!;
  await page.getByRole("button", { name: "Import from a file" }).click();
  const csv = ["NPI,Segment,Tags", `${npi},Imported segment,Imported; Q3 focus`, "12345,Growth,"].join("\n");
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "accounts.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const report = page.getByTestId("accounts-import-report");
  await expect(report).toContainText(
    "Dry run of accounts.csv: 2 rows — 1 account would change, 0 already so, 1 set aside.",
  );
  await expect(page.getByRole("table", { name: "Rows set aside" })).toContainText("An NPI is 10 digits.");
  await expect(row).not.toContainText("Imported segment");
  await report.getByRole("button", { name: "Apply 1 change" }).click();
  await expect(report).toContainText("Applied accounts.csv");
  await expect(row).toContainText("Imported segment");
  await expect(row).toContainText("Q3 focus");
});
