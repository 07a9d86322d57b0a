// Call plans in the screens: the Northeast manager creates a plan for New York, sets its targets by tier, refuses a
// bad NPI, imports a file (a dry run listing the row set aside, then apply); the New York rep sees the same plan and
// attainment, read-only; the manager deletes it.
import { expect, test, users } from "./fixtures";

test("a manager sets a call plan by tier and from a file; the territory's rep sees its attainment", async ({
  signInAs,
}) => {
  const manager = await signInAs(users.northwindNortheastManager);
  const page = manager.page;
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Call plans" }).click();
  await expect(page.getByRole("heading", { name: "Call plans" })).toBeVisible();
  // The demo's running plans, per rep.
  const byRep = page.getByRole("table").first();
  await expect(byRep).toContainText("Kevin Walsh");
  await expect(byRep).toContainText("Sofia Alvarez");

  await page.getByRole("button", { name: "New plan" }).click();
  const form = page.getByRole("form", { name: "New call plan" });
  await form.getByLabel("Territory").selectOption({ label: "New York (NE-NYC)" });
  await form.getByLabel("Name").fill("March push");
  await form.getByLabel("Starts on").fill("2026-03-31");
  await form.getByLabel("Ends on").fill("2026-03-01");
  await form.getByRole("button", { name: "Create plan" }).click();
  await expect(form).toContainText("The cycle must end on or after its start.");
  await form.getByLabel("Starts on").fill("2026-03-01");
  await form.getByLabel("Ends on").fill("2026-03-31");
  await form.getByRole("button", { name: "Create plan" }).click();

  await page.waitForURL(/\/call-plans\/[0-9a-f-]{36}$/);
  const planUrl = page.url();
  await expect(page.getByRole("heading", { name: /March push/ })).toBeVisible();
  await expect(page.getByText("No targets yet")).toBeVisible();
  const tiers = page.getByRole("form", { name: "Set planned calls by tier" });
  await tiers.getByLabel(/Tier A/).fill("2");
  await tiers.getByRole("button", { name: "Apply to tiers" }).click();
  await expect(page.getByTestId("tier-result")).toContainText(/\d+ physicians matched: \d+ added/);
  const targets = page.getByTestId("plan-target");
  await expect(targets.first()).toBeVisible();
  const count = await targets.count();
  expect(count).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Add by NPI" }).click();
  const add = page.getByRole("form", { name: "Add a physician" });
  await add.getByLabel("NPI").fill("12345");
  await add.getByRole("button", { name: "Add to plan" }).click();
  await expect(add).toContainText("An NPI is 10 digits.");

  // A file: the first target to 3 calls, and a row with a short NPI set aside.
  const firstNpi = (await targets.first().getByRole("link").getAttribute("href"))!.split("/").pop()!;
  await page.getByRole("button", { name: "Import a file" }).click();
  await page.getByLabel("CSV file").setInputFiles({
    name: "march.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`NPI,Planned calls\n${firstNpi},3\n12345,2\n`),
  });
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("Dry run of march.csv: 2 rows — 0 added, 1 changed");
  await expect(report.getByRole("table", { name: "Rows set aside" })).toContainText(/3\s*NPI\s*An NPI is 10 digits\./);
  await report.getByRole("button", { name: "Apply 1 change" }).click();
  await expect(report).toContainText("Applied march.csv");
  await expect(page.getByRole("spinbutton", { name: /Planned calls for/ }).first()).toBeVisible();

  const attainment = await page.getByRole("meter").first().getAttribute("aria-valuenow");

  const rep = await signInAs(users.northwindNewYorkRep);
  await rep.page.goto("/call-plans?show=all");
  await rep.page.getByRole("link", { name: "March push" }).click();
  await expect(rep.page).toHaveURL(planUrl);
  await expect(rep.page.getByRole("meter").first()).toHaveAttribute("aria-valuenow", attainment!);
  await expect(rep.page.getByTestId("plan-target")).toHaveCount(count);
  // Read-only for the rep: no tools, no editable planned calls.
  await expect(rep.page.getByRole("group", { name: "Plan tools" })).toHaveCount(0);
  await expect(rep.page.getByRole("spinbutton")).toHaveCount(0);

  // The manager deletes the plan: gone from the list, the calls untouched.
  await page.getByRole("button", { name: "Plan settings" }).click();
  await page.getByRole("button", { name: "Delete this plan…" }).click();
  await page.getByRole("button", { name: "Delete plan" }).click();
  await page.waitForURL(/\/call-plans$/);
  await page.getByRole("button", { name: "All, ended included" }).click();
  await expect(page.getByRole("link", { name: "Q3 2026" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "March push" })).toHaveCount(0);
});
