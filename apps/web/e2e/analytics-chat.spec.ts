// A manager asks for numbers in plain words and gets their region's figures with a chart, the table, how they were
// counted, a CSV of exactly the table, a pin to their dashboard and an Excel file from there; a rep asking the same
// sees only their own.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";

import { expect, test, users } from "./fixtures";
import { CopilotPage } from "./pages/copilot-page";

test("a manager's calls per rep: a chart and a table of their region's reps, the query shown, a CSV to take away", async ({
  signInAs,
}) => {
  const { page } = await signInAs(users.northwindNortheastManager);
  const copilot = new CopilotPage(page);
  await copilot.goto();
  // The manager's first suggestion is this question.
  await page.getByTestId("suggested-prompt").filter({ hasText: "Calls per rep in my region last quarter" }).click();
  const card = copilot.lastAnswer().getByTestId("analytics-card");
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card.getByTestId("analytics-chart")).toHaveAttribute("data-chart", "bar");
  const rows = card.getByTestId("analytics-table").locator("tbody tr");
  // The Northeast's reps (Boston and New York), and nobody from the West.
  await expect(rows).toHaveCount(2);
  await expect(card.getByTestId("analytics-table")).toContainText("Kevin Walsh");
  await expect(card.getByTestId("analytics-table")).not.toContainText(/Daniel Kim|Aisha Thompson/);
  await card.getByText("How this was counted").click();
  await expect(card.getByTestId("analytics-query")).toContainText('"Reps.name"');
  await expect(card.getByTestId("analytics-sql")).toHaveCount(0);

  // The breakdown changed on the card runs again: by territory, the region's two territories.
  await card.getByLabel("By", { exact: true }).selectOption({ label: "Territory" });
  await expect(card.getByTestId("analytics-table")).toContainText("Boston");
  await expect(card.getByTestId("analytics-table")).toContainText("New York");
  await expect(card.getByTestId("analytics-table").locator("thead")).toContainText("Territory");
  // Pinned as it stands: by territory, last quarter.
  await card.getByTestId("analytics-pin").click();
  await expect(card.getByTestId("analytics-pinned")).toContainText("Pinned to your dashboard");
  await card.getByLabel("By", { exact: true }).selectOption({ label: "Rep" });
  await expect(card.getByTestId("analytics-table")).toContainText("Kevin Walsh");

  const [download] = await Promise.all([page.waitForEvent("download"), card.getByTestId("analytics-csv").click()]);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("Rep,Calls");
  expect(csv.trim().split("\r\n")).toHaveLength(3);

  // Part D from the same layer: the region's Eliquis share by data year, a line over the years loaded.
  await copilot.newChat();
  await copilot.ask("show Eliquis market share trend for the Northeast");
  const share = copilot.lastAnswer().getByTestId("analytics-card");
  await expect(share.getByTestId("analytics-table")).toContainText("%", { timeout: 30_000 });
  await expect(share.getByTestId("analytics-chart")).toHaveAttribute("data-chart", "line");
  await expect(share.getByTestId("analytics-understood")).toContainText("Region is Northeast");
  await expect(share.getByTestId("analytics-understood")).toContainText("Product is Eliquis");

  // Part D for a month is not published: said, with no figure.
  await copilot.ask("eliquis trx last month");
  await expect(copilot.lastAnswer()).toContainText("I cannot give a number for Medicare Part D for last month");
  await expect(copilot.lastAnswer()).toContainText("once a year");
  await expect(copilot.lastAnswer().getByTestId("analytics-card")).toHaveCount(0);

  // The pinned question is on the dashboard, counted afresh, and exports as Excel.
  await page.goto("/analytics");
  const pinned = page.getByTestId("pinned-question").filter({ hasText: "Calls by territory, last quarter" }).first();
  const table = pinned.getByTestId("analytics-table");
  await expect(table.locator("tbody tr")).toHaveCount(2, { timeout: 30_000 });
  await expect(table).toContainText("Boston");
  const [excel] = await Promise.all([page.waitForEvent("download"), pinned.getByTestId("analytics-excel").click()]);
  expect(excel.suggestedFilename()).toBe("calls-by-territory-last-quarter.xlsx");
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await excel.path())!);
  const sheet = book.getWorksheet("Result")!;
  expect(sheet.getRow(1).values).toEqual([undefined, "Territory", "Calls"]);
  expect(sheet.rowCount).toBe(3);
  expect(typeof sheet.getRow(2).getCell(2).value).toBe("number");

  // Removed, it is gone (and the next run starts clean). Only this question is counted: the explore spec pins and
  // removes its own as the same manager, in parallel.
  const ours = page.getByTestId("pinned-question").filter({ hasText: "Calls by territory, last quarter" });
  const before = await ours.count();
  await pinned.getByTestId("pin-remove").click();
  await expect(ours).toHaveCount(before - 1);
});

test("a manager's 'where should I focus today?' is their team: each rep's biggest gap and the HCPs behind it", async ({
  signInAs,
}) => {
  const { page } = await signInAs(users.northwindNortheastManager);
  const copilot = new CopilotPage(page);
  await copilot.goto();
  await page.getByTestId("suggested-prompt").filter({ hasText: "Where should I focus today?" }).click();
  const card = copilot.lastAnswer().getByTestId("team-focus-card");
  await expect(card).toBeVisible({ timeout: 30_000 });
  const reps = card.getByTestId("team-focus-rep");
  await expect(reps).toHaveCount(2);
  await expect(card).toContainText("Kevin Walsh");
  await expect(card).toContainText("Sofia Alvarez");
  await expect(card).not.toContainText(/Daniel Kim|Aisha Thompson/);
  await expect(reps.first()).toContainText(/top-decile HCPs unseen in 60 days/);
});

test("a rep asking the same sees only their own numbers", async ({ signInAs }) => {
  const { page } = await signInAs(users.northwindSanFranciscoRep);
  const copilot = new CopilotPage(page);
  await copilot.goto();
  await copilot.ask("calls per rep last quarter");
  const table = copilot.lastAnswer().getByTestId("analytics-table");
  await expect(table.locator("tbody tr")).toHaveCount(1, { timeout: 30_000 });
});

test("the analytics screen: a manager's key figures and their reps; a rep's own figures, no team panel", async ({
  signInAs,
}) => {
  const manager = await signInAs(users.northwindNortheastManager);
  await manager.page.goto("/analytics");
  const dashboard = manager.page.getByTestId("analytics-dashboard");
  await expect(dashboard.getByTestId("kpi-calls").getByTestId("kpi-value")).toHaveText(/^\d[\d,]*$/, {
    timeout: 30_000,
  });
  await expect(dashboard.getByTestId("kpi-frequency").getByTestId("kpi-value")).toHaveText(/^\d+\.\d\d$/);
  const reps = dashboard.getByTestId("panel-leaderboard").getByTestId("analytics-table");
  await expect(reps.locator("tbody tr")).toHaveCount(2);
  await expect(reps).not.toContainText(/Daniel Kim|Aisha Thompson/);
  await expect(dashboard.getByTestId("panel-trend").getByTestId("analytics-chart")).toHaveAttribute(
    "data-chart",
    "line",
  );
  // The trend carries next month's forecast, its method named.
  await expect(dashboard.getByTestId("panel-trend").getByTestId("analytics-forecast")).toContainText(
    /Forecast for \w+ \d{4}: .*least squares/,
  );

  // Part D beside the calls: each product's share of its market in the latest data year, for the region's HCPs.
  const share = dashboard.getByTestId("panel-share").getByTestId("analytics-table");
  await expect(share.locator("tbody tr")).toHaveCount(2);
  await expect(share).toContainText("Eliquis");
  await expect(share).toContainText("%");
  await expect(dashboard.getByTestId("panel-share")).toContainText("Part D data year");

  // Coverage of the top deciles (10, 9, 8) this quarter, and consent coverage per channel, for the region's targets.
  const coverage = dashboard.getByTestId("panel-coverage").getByTestId("analytics-table");
  await expect(coverage.locator("tbody tr")).toHaveCount(3);
  await expect(coverage.locator("tbody tr").first()).toContainText(/^10\s*\d+\.\d %/);
  const consent = dashboard.getByTestId("panel-consent").getByTestId("analytics-table");
  await expect(consent).toContainText("In person");
  await expect(consent).toContainText("Email");
  await expect(dashboard.getByTestId("panel-tasks").getByTestId("analytics-table").locator("tbody tr")).toHaveCount(2);

  // The dashboard as a PDF report, named for the org and the day.
  const [pdf] = await Promise.all([
    manager.page.waitForEvent("download"),
    dashboard.page().getByTestId("analytics-pdf").click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/^analytics-northwind-therapeutics-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect((await readFile((await pdf.path())!)).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  const rep = await signInAs(users.northwindSanFranciscoRep);
  await rep.page.goto("/analytics");
  await expect(rep.page.getByTestId("panel-channels").getByTestId("analytics-table")).toBeVisible({ timeout: 30_000 });
  await expect(rep.page.getByTestId("panel-leaderboard")).toHaveCount(0);
  await expect(rep.page.getByTestId("panel-tasks")).toHaveCount(0);
  await expect(rep.page.getByTestId("panel-coverage").getByTestId("analytics-table")).toBeVisible();
});

test("a manager asks which top-decile targets nobody has seen: the HCPs, the condition and the period said", async ({
  signInAs,
}) => {
  const { page } = await signInAs(users.northwindNortheastManager);
  const copilot = new CopilotPage(page);
  await copilot.goto();
  await copilot.ask("which decile 10 targets havent we seen in the last 90 days?");
  const answer = copilot.lastAnswer();
  await expect(answer).toContainText("Targets not reached", { timeout: 30_000 });
  await expect(answer).toContainText("Decile is 10");
  await expect(answer.getByTestId("analytics-table").locator("tbody tr").first()).toContainText(/\(\d{10}\)/);
  await copilot.ask("email consent rate by territory");
  await expect(copilot.lastAnswer().getByTestId("analytics-table").locator("tbody tr")).toHaveCount(2, {
    timeout: 30_000,
  });
});

test("a manager asks how a rep is doing: the rep's figures beside the team's, and share in their territory", async ({
  signInAs,
}) => {
  const { page } = await signInAs(users.northwindNortheastManager);
  const copilot = new CopilotPage(page);
  await copilot.goto();
  await copilot.ask("how is Kevin Walsh doing?");
  const scorecard = copilot.lastAnswer().getByTestId("rep-scorecard-card");
  await expect(scorecard).toContainText("Kevin Walsh", { timeout: 30_000 });
  await expect(scorecard).toContainText("Boston");
  await expect(scorecard.getByTestId("scorecard-calls")).toContainText(/Calls\s*[\d,]+\s*[\d,.]+/);
  await expect(scorecard.getByTestId("scorecard-coverage")).toContainText("%");
  await expect(scorecard.getByTestId("scorecard-share").first()).toContainText("Eliquis market share");
  await copilot.ask("how is Daniel Kim doing?");
  await expect(copilot.lastAnswer()).toContainText("No rep named “Daniel Kim” works in the territories you see.", {
    timeout: 30_000,
  });
});
