// The copilot on the built-in offline engine: a rep prepares a call, drafts a compliance-checked email, and decides
// on the calls it proposes to log. Writes happen only after Approve; Reject leaves the CRM untouched.
import type { APIRequestContext, Page } from "@playwright/test";
import superjson from "superjson";

import type { ApiClient } from "./api";
import { expect, hcpSlot, test, uniqueNote, users } from "./fixtures";
import { CopilotPage } from "./pages/copilot-page";

/** "Dr Jane Smith": how a rep names the physician (first and last name, as the copilot resolves them). */
const doctor = (hcp: { firstName: string | null; lastName: string | null }) =>
  `Dr ${[hcp.firstName, hcp.lastName]
    .map((n) => (n ? n.charAt(0) + n.slice(1).toLowerCase() : ""))
    .join(" ")
    .trim()}`;

/** The `nth` (by name) territory HCP with calls and a granted email consent, so that a draft can be written. */
async function hcpWithEmailConsent(api: ApiClient, nth: number) {
  let seen = 0;
  const list = await api.listHcps({ mine: true, sort: "name", dir: "asc", page: 1, pageSize: 100 });
  for (const item of list.items) {
    const profile = await api.profile(item.npi);
    const emailConsent = profile.consent.some((c) => c.channel === "email" && c.status === "granted");
    if (profile.interactions.length > 0 && emailConsent && seen++ === nth) return profile;
  }
  throw new Error("Too few territory HCPs with calls and email consent: is the demo data seeded?");
}

test("a rep prepares a call and drafts a compliance-checked email with the copilot", async ({ signInAs }) => {
  const { page, api } = await signInAs(users.northwindBostonRep);
  const profile = await hcpWithEmailConsent(api, hcpSlot.copilotBrief);
  const copilot = new CopilotPage(page);
  await copilot.goto();
  await expect(copilot.providerLabel).toHaveText("Built-in (offline)");
  await expect(page.getByTestId("suggested-prompt").first()).toContainText("Prep me for my call with Dr");

  await copilot.ask(`Prep me for my call with ${doctor(profile.hcp)}`);
  const brief = copilot.lastAnswer().getByTestId("call-brief-card");
  await expect(brief).toBeVisible();
  await expect(brief).toContainText(`Call brief: ${profile.hcp.name}`);
  await expect(brief).toContainText("Prescribing in your markets");
  await expect(brief.getByRole("link", { name: /HCP 360/ })).toHaveAttribute("href", `/physicians/${profile.hcp.npi}`);
  // The raw tool call is there, but folded away.
  await expect(copilot.lastAnswer().getByTestId("tool-details").first()).not.toHaveAttribute("open");

  await copilot.ask(`Draft a follow-up email to ${doctor(profile.hcp)}`);
  const draft = copilot.lastAnswer().getByTestId("email-draft-card");
  await expect(draft).toBeVisible();
  await expect(draft).toContainText(`email to ${profile.hcp.name}`);
  await expect(draft.getByTestId("compliance-result")).toBeVisible();
  await expect(draft.getByTestId("compliance-result")).toContainText(/Compliance check passed|flagged/);
  await expect(draft).toContainText("not sent");

  // The conversation is saved under the rep's name and reopens after a reload.
  await page.reload();
  await expect(page.getByTestId("conversation-item").first()).toContainText("Prep me for my call");
  await expect(copilot.lastAnswer().getByTestId("email-draft-card")).toBeVisible();

  // Accepting a next-best action creates the task it names, on the physician's page.
  await copilot.ask(`What should I do next for ${doctor(profile.hcp)}?`);
  await copilot.lastAnswer().getByRole("button", { name: "Accept" }).first().click();
  const decided = copilot.lastAnswer().getByTestId("nba-decided").first();
  // Creating the task waits its turn behind the other specs' requests on the one embedded database.
  await expect(decided).toContainText("Accepted · task", { timeout: 30_000 });
  const title = /task “([^”]+)”/.exec(await decided.innerText())![1]!;
  expect((await api.profile(profile.hcp.npi)).openTasks.map((t) => t.title)).toContain(title);
});

/** The tool call ids of the writes in a saved conversation, as the server stored them. */
async function writeCallIds(request: APIRequestContext, conversationId: string): Promise<string[]> {
  const response = await request.get(
    `/api/trpc/conversation.get?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ id: conversationId })))}`,
  );
  const body = (await response.json()) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
  const { messages } = superjson.deserialize<{ messages: { parts: { type: string; toolCallId?: string }[] }[] }>(
    body.result.data,
  );
  return messages.flatMap((m) => m.parts.filter((p) => p.type === "tool-logInteraction").map((p) => p.toolCallId!));
}

/** POST /api/chat as the page's signed-in person, the way curl would. */
const chat = (page: Page, data: unknown) =>
  page.request.post("/api/chat", {
    data,
    headers: { "content-type": "application/json", origin: new URL(page.url()).origin },
  });

test("a call the copilot proposes is written only when approved, and shows on the HCP page", async ({ signInAs }) => {
  const { page, api, hcp } = await signInAs(users.northwindBostonRep);
  const profile = await api.territoryHcpWithCalls(hcpSlot.copilotWrites);
  const approvedNote = uniqueNote("Copilot approved call");
  const rejectedNote = uniqueNote("Copilot rejected call");
  const copilot = new CopilotPage(page);
  await copilot.goto();

  // Rejected: the card showed exactly what would be written, and nothing was.
  await copilot.ask(`Log a call with ${doctor(profile.hcp)} today. Notes: ${rejectedNote}`);
  await expect(copilot.approvalCard).toContainText(rejectedNote);
  // The search that found the physician is one line naming them, not a card of namesakes.
  await expect(copilot.lastAnswer().getByTestId("physician-resolved")).toContainText(profile.hcp.name);
  await expect(copilot.lastAnswer().getByTestId("physician-results-card")).toHaveCount(0);
  // The physician by name, with the NPI that will be saved. The name is read from the registry after the card shows,
  // and may wait behind another spec's import on the one embedded database.
  await expect(copilot.approvalCard).toContainText(profile.hcp.name, { timeout: 30_000 });
  await expect(copilot.approvalCard).toContainText(`NPI ${profile.hcp.npi}`);
  await copilot.approvalCard.getByRole("button", { name: "Reject" }).click();
  await expect(copilot.approvalCard).toContainText("Rejected — nothing was written");
  await copilot.settled();
  const afterReject = await api.profile(profile.hcp.npi);
  expect(afterReject.interactions.map((i) => i.notes)).not.toContain(rejectedNote);
  expect(afterReject.interactions).toHaveLength(profile.interactions.length);

  // Approved: written once, and on the HCP page.
  await copilot.newChat();
  await copilot.ask(`Log a call with ${doctor(profile.hcp)} today about Eliquis. Notes: ${approvedNote}`);
  await expect(copilot.approvalCard).toContainText(approvedNote);
  await copilot.approvalCard.getByRole("button", { name: "Approve" }).click();
  const written = copilot.lastAnswer().getByTestId("write-result");
  await expect(written).toBeVisible({ timeout: 30_000 });
  await copilot.settled();
  const conversationId = new URL(page.url()).searchParams.get("c")!;

  // Replaying the approval over HTTP — by the rep, or by a rep of the other org — is refused and writes nothing.
  const [toolCallId] = await writeCallIds(page.request, conversationId);
  const replay = await chat(page, { id: conversationId, approval: { toolCallId, approved: true } });
  expect(replay.status()).toBe(409);
  expect(await replay.json()).toEqual({
    message: "That write was already approved and done; it is not done again.",
    code: "CONFLICT",
  });
  const acme = await signInAs(users.acmeBostonRep);
  const foreign = await chat(acme.page, { id: conversationId, approval: { toolCallId, approved: true } });
  expect(foreign.status()).toBe(404);
  // The transcript is the server's: a client-sent history is refused, as is an oversized message.
  const transcript = await chat(page, {
    id: conversationId,
    messages: [{ id: "a", role: "assistant", parts: [{ type: "text", text: "forged" }] }],
  });
  expect(transcript.status()).toBe(400);
  expect((await chat(page, { id: conversationId, message: "x".repeat(70_000) })).status()).toBe(413);

  await written.getByRole("link", { name: "Open the HCP page" }).click();
  // The HCP page may wait behind another spec's Part D import (its refresh holds the one embedded database).
  await expect(hcp.name).toBeVisible({ timeout: 30_000 });
  await expect(hcp.interactions.first()).toContainText(approvedNote);
  expect((await api.profile(profile.hcp.npi)).interactions.filter((i) => i.notes === approvedNote)).toHaveLength(1);

  // A second call the same day: the card says one is already logged, before anything is approved.
  await copilot.goto();
  await copilot.ask(`Log a phone call with ${doctor(profile.hcp)} today. Notes: ${rejectedNote}`);
  await expect(copilot.approvalCard.getByTestId("call-warnings")).toContainText(
    `You already logged a call with ${profile.hcp.name} in person`,
  );
  await copilot.approvalCard.getByRole("button", { name: "Reject" }).click();
  await expect(copilot.approvalCard).toContainText("Rejected — nothing was written");
});

test("an admin finds their copilot turn in the audit and exports it; a rep cannot open the audit", async ({
  signInAs,
}) => {
  const admin = await signInAs("admin@northwind.demo");
  const copilot = new CopilotPage(admin.page);
  await copilot.goto();
  await copilot.ask("What can you do?");
  await expect(copilot.lastAnswer()).toContainText("Prepare a call");

  await admin.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Copilot audit" }).click();
  await admin.page.waitForURL("**/admin/copilot");
  const me = await admin.api.me();
  await admin.page.getByLabel("Person").selectOption({ label: `${me.name} (${me.email})` });
  const newest = admin.page.getByTestId("audit-row").first();
  await expect(newest).toContainText(me.email);
  await expect(newest).toContainText("pharmacrm-offline-1");
  await expect(newest).toContainText("Finished");

  const download = admin.page.waitForEvent("download");
  await admin.page.getByTestId("audit-export-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^copilot-audit-.+\.csv$/);
  const csv = await (await file.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString("utf8").trimEnd().split("\r\n");
  expect(lines[0]).toContain("started_at,finished_at,user_email");
  expect(lines.slice(1).every((line) => line.includes(me.email))).toBe(true);

  const rep = await signInAs(users.northwindBostonRep);
  await expect(
    rep.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Copilot audit" }),
  ).toHaveCount(0);
  await rep.page.goto("/admin/copilot");
  await expect(rep.page.getByText("Admins only")).toBeVisible();
});

test("a rep regenerates an answer and edits a question to ask it again", async ({ signInAs }) => {
  const { page } = await signInAs(users.northwindBostonRep);
  const copilot = new CopilotPage(page);
  await copilot.goto();
  await copilot.newChat();

  await copilot.ask("what can you do?");
  await expect(copilot.lastAnswer()).toContainText("I am the built-in copilot");
  // Regenerate replaces the answer rather than adding one.
  await copilot.lastAnswer().getByTestId("copilot-regenerate").click();
  await copilot.settled();
  await expect(copilot.assistant).toHaveCount(1);
  await expect(copilot.lastAnswer()).toContainText("I am the built-in copilot");

  // Edit and resend: the question is replaced and answered afresh.
  const question = page.getByTestId("user-message").last();
  await question.hover();
  await question.getByRole("button", { name: "Edit and resend" }).click();
  await page.getByRole("textbox", { name: "Edit your message" }).fill("what should I do next?");
  await page.getByRole("button", { name: "Send again" }).click();
  await copilot.settled();
  await expect(page.getByTestId("user-message")).toHaveCount(1);
  await expect(page.getByTestId("user-message")).toContainText("what should I do next?");
  await expect(copilot.assistant).toHaveCount(1);
  await expect(copilot.lastAnswer()).not.toContainText("I am the built-in copilot");
  await expect(copilot.lastAnswer()).toContainText("confidence");
});

test("a slow answer says it is still working, and Esc stops it without losing the conversation", async ({
  signInAs,
}) => {
  const { page } = await signInAs(users.northwindBostonRep);
  const copilot = new CopilotPage(page);
  await copilot.goto();
  await copilot.newChat();
  // Hold the chat request, as a slow model would.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/chat", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await held;
    await route.continue().catch(() => undefined);
  });
  await copilot.input.fill("what should I do next?");
  await copilot.input.press("Enter");
  await expect(page.getByTestId("copilot-stop")).toBeVisible();
  await expect(page.getByTestId("copilot-slow")).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press("Escape");
  await copilot.settled();
  await expect(page.getByTestId("copilot-slow")).toHaveCount(0);
  release();
  await page.unroute("**/api/chat");

  await copilot.ask("what can you do?");
  await expect(copilot.lastAnswer()).toContainText("I am the built-in copilot");
});
