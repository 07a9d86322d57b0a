// The explore view: a manager builds a question from the model's members (no words to misread), sees their region's
// figures, saves it under a name shared with the org and certifies it; a rep in another region opens it from the
// shared list and counts only their own, and the copilot answers it, asked as it stands, as the certified question.
import { expect, test, users } from "./fixtures";
import { CopilotPage } from "./pages/copilot-page";

test("a manager builds, saves, shares and certifies a question; a rep opens it and asks the copilot for it", async ({
  signInAs,
}) => {
  const title = `In-person calls by territory ${Date.now()}`;
  const manager = await signInAs(users.northwindNortheastManager);
  const page = manager.page;
  await page.goto("/analytics");
  await page.getByTestId("open-explore").click();
  const explore = page.getByTestId("analytics-explore");
  const builder = explore.getByTestId("explore-builder");
  const table = explore.getByTestId("analytics-table");
  await expect(table).toBeVisible({ timeout: 30_000 });

  await builder.getByLabel("By", { exact: true }).selectOption({ label: "Territory" });
  await builder.getByLabel("HCPs reached", { exact: true }).check();
  await builder.getByTestId("explore-add-filter").click();
  await builder.getByLabel("Condition 1: what").selectOption({ label: "Channel" });
  await builder.getByTestId("filter-values").click();
  await builder.getByLabel("In person", { exact: true }).check();
  await builder.getByTestId("filter-values").click();
  await builder.getByLabel("Period", { exact: true }).selectOption("last quarter");

  await expect(explore.getByTestId("analytics-understood")).toContainText("Channel is In person");
  await expect(table.locator("thead")).toContainText(/Territory\s*Calls\s*HCPs reached/);
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(table).toContainText("Boston");
  await expect(table).toContainText("New York");
  // The question is in the URL: a reload keeps it.
  expect(new URL(page.url()).searchParams.get("q")).toContain('"Calls.channel"');
  await page.reload();
  await expect(explore.getByTestId("analytics-understood")).toContainText("Channel is In person", { timeout: 30_000 });

  const save = explore.getByTestId("explore-save");
  await save.getByLabel("Name").fill(title);
  await save.getByText(/Share with/).click();
  await save.getByTestId("explore-save-button").click();
  await expect(save.getByTestId("explore-saved")).toContainText("and shared with Northwind");
  const shared = explore.getByTestId("shared-question").filter({ hasText: title });
  await shared.getByTestId("certify-question").click();
  await expect(shared).toContainText("Certified");

  // A rep in the West opens it: the same question, their own territory's figures only.
  const rep = await signInAs(users.northwindSanFranciscoRep);
  await rep.page.goto("/analytics/explore");
  const theirs = rep.page.getByTestId("shared-question").filter({ hasText: title });
  await expect(theirs).toContainText("certified by David Okafor", { timeout: 30_000 });
  await expect(theirs.getByTestId("certify-question")).toHaveCount(0);
  await theirs.getByRole("button", { name: "Open" }).click();
  const repCard = rep.page.getByTestId("analytics-card");
  await expect(repCard).toContainText(title);
  await expect(repCard.getByTestId("analytics-understood")).toContainText("Channel is In person");
  await expect(repCard).not.toContainText(/Boston|New York/);

  // Asked in the chat as it stands, the copilot runs the certified question.
  const copilot = new CopilotPage(rep.page);
  await copilot.goto();
  await copilot.ask(`show me ${title.toLowerCase()}`);
  await expect(copilot.lastAnswer()).toContainText(`Your organisation's certified question ${title}, counted`, {
    timeout: 30_000,
  });

  // The manager removes it from their dashboard, which takes it off the shared list (and the next run starts clean).
  await page.goto("/analytics");
  const pinned = page.getByTestId("pinned-question").filter({ hasText: title });
  await expect(pinned).toContainText("Certified", { timeout: 30_000 });
  await pinned.getByTestId("pin-remove").click();
  await expect(pinned).toHaveCount(0);
});
