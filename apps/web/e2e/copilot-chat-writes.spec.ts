// What a rep says is what gets saved: two call sentences end as calls with the right products, samples, notes and
// follow-up task (samples wait on the call report for their lot and the physician's signature); consent recorded
// from chat lets the next draft through.
import { expect, test, users } from "./fixtures";
import { CopilotPage } from "./pages/copilot-page";
import { HcpPage } from "./pages/hcp-page";

/** "Dr Jane Smith": how a rep names the physician. */
const doctor = (hcp: { firstName: string | null; lastName: string | null }) =>
  `Dr ${[hcp.firstName, hcp.lastName]
    .map((n) => (n ? n.charAt(0) + n.slice(1).toLowerCase() : ""))
    .join(" ")
    .trim()}`;

test("two call sentences are saved field by field, and consent recorded in chat lets a draft through", async ({
  signInAs,
}) => {
  // The New York rep: the Boston rep's copilot specs read their own conversation list in parallel.
  const { page, api } = await signInAs(users.northwindNewYorkRep);
  const profile = await api.territoryHcpWithCalls(0);
  const name = doctor(profile.hcp);
  const copilot = new CopilotPage(page);
  await copilot.goto();

  const approve = async () => {
    await copilot.approvalCard.last().getByRole("button", { name: "Approve" }).click();
    await expect(copilot.lastAnswer().getByTestId("write-result")).toBeVisible({ timeout: 30_000 });
    await copilot.settled();
  };

  await copilot.ask(`log a call with ${name} today, discussed Eliquis, left 2 samples`);
  await expect(copilot.approvalCard).toContainText("Eliquis");
  await expect(copilot.approvalCard).toContainText("2 × Eliquis");
  // The rep corrects the count on the card before approving: the corrected call is what is saved.
  await copilot.approvalCard.getByRole("button", { name: "Edit" }).click();
  await copilot.approvalCard.getByLabel("Eliquis samples").fill("3");
  await copilot.approvalCard.getByRole("button", { name: "Approve with changes" }).click();
  const saved = copilot.lastAnswer().getByTestId("write-result");
  await expect(saved).toBeVisible({ timeout: 30_000 });
  await copilot.settled();
  await expect(copilot.approvalCard).toContainText("3 × Eliquis");
  // Samples need a lot and a signature, which only the screen takes: the call waits as a draft.
  await expect(saved).toContainText("as a draft, not submitted");
  await saved.getByRole("link", { name: "Finish the call report" }).click();
  const report = new HcpPage(page);
  await expect(report.form).toBeVisible({ timeout: 30_000 });
  await expect(report.form.getByLabel("Sample 1 quantity")).toHaveValue("3");
  const lot = report.form.getByLabel("Sample 1 lot");
  await expect(lot.locator("option").nth(1)).toBeAttached();
  await lot.selectOption({ index: 1 });
  await report.sign();
  await report.save();
  await expect(page.getByText("Call submitted and locked.")).toBeVisible();
  await copilot.goto();
  let latest = (await api.profile(profile.hcp.npi)).interactions[0]!;
  expect(latest).toMatchObject({
    channel: "in_person",
    products: ["Eliquis"],
    samples: [{ name: "Eliquis", quantity: 3 }],
    notes: "Discussed Eliquis, left 2 samples",
  });

  await copilot.newChat();
  await copilot.ask(
    `log a phone call with ${name} yesterday about Farxiga, he asked for the formulary update; follow up next Tuesday`,
  );
  await expect(copilot.approvalCard).toContainText("Phone");
  await expect(copilot.approvalCard).toContainText("He asked for the formulary update");
  // Before the card, the words that became dates, each with the day it was read as.
  await expect(copilot.lastAnswer()).toContainText(
    /I read “yesterday” as \w+day \d{1,2} \w+ \d{4} and “next Tuesday” as Tuesday /,
  );
  await approve();
  const after = await api.profile(profile.hcp.npi);
  latest = after.interactions.find((i) => i.channel === "phone" && i.notes === "He asked for the formulary update")!;
  expect(latest).toMatchObject({ products: ["Farxiga"], samples: [], followUp: "Follow up" });
  const due = new Date(`${latest.followUpDate}T12:00:00Z`);
  expect(due.getUTCDay()).toBe(2);
  expect(due.getTime()).toBeGreaterThan(Date.now());
  expect(after.openTasks.map((t) => [t.title, t.dueDate])).toContainEqual(["Follow up", latest.followUpDate]);

  await copilot.newChat();
  await copilot.ask(`record that ${name} gave email consent for all products`);
  await expect(copilot.approvalCard).toContainText("Opt-in (granted)");
  await approve();
  await copilot.newChat();
  await copilot.ask(`draft a follow-up email to ${name} about Eliquis`);
  const draft = copilot.lastAnswer().getByTestId("email-draft-card");
  await expect(draft).toBeVisible();
  await expect(draft).toContainText("Eliquis");
  await expect(draft.getByTestId("compliance-result")).toContainText(/Compliance check passed|flagged/);
});

test("an answer to a card that the server refuses opens the card again with the reason", async ({ signInAs }) => {
  const { page } = await signInAs(users.northwindNewYorkRep);
  const copilot = new CopilotPage(page);
  await copilot.goto();
  await copilot.ask("remind me to order the formulary leaflets tomorrow");
  await expect(copilot.approvalCard).toContainText("Order the formulary leaflets");

  // The server turns the approval down (as it does a correction its tool will not accept): nothing is written.
  const refusal = { message: "Not saved: The due date is not a valid date. Nothing was written.", code: "BAD_REQUEST" };
  await page.route("**/api/chat", (route) =>
    (route.request().postDataJSON() as { approvals?: unknown }).approvals
      ? route.fulfill({ status: 400, json: refusal })
      : route.continue(),
  );
  await copilot.approvalCard.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("approval-refused")).toContainText(refusal.message);
  await expect(page.getByTestId("copilot-error")).toHaveCount(0);
  await page.unroute("**/api/chat");

  // The card is open again; rejecting it now reaches the server and closes it.
  await copilot.approvalCard.getByRole("button", { name: "Reject" }).click();
  await expect(copilot.lastAnswer()).toContainText("Nothing was written", { timeout: 30_000 });
  await expect(page.getByTestId("approval-refused")).toHaveCount(0);
});

test("every suggested prompt answers for the signed-in rep on the demo data", async ({ signInAs }) => {
  for (const email of [users.northwindNewYorkRep]) {
    const { page } = await signInAs(email);
    const copilot = new CopilotPage(page);
    await copilot.goto();
    const prompts = await page.getByTestId("suggested-prompt").allInnerTexts();
    expect(prompts.length).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < prompts.length; i++) {
      if (i > 0) await copilot.newChat();
      const answers = await copilot.assistant.count();
      await page.getByTestId("suggested-prompt").nth(i).click();
      await expect(copilot.assistant).toHaveCount(answers + 1, { timeout: 30_000 });
      await copilot.settled();
      const answer = copilot.lastAnswer();
      // A refusal or a question back would mean the suggestion was not one this person can ask.
      await expect(answer).not.toContainText(
        /I did not understand|no email consent|I found no physician|Several physicians match/,
      );
    }
  }
});
