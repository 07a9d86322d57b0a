// Writes from chat other than calls, field by field, checked on the saved rows after the rep approves: consent,
// creating, completing and rescheduling tasks, account attributes.
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { consentRecord, hcpAttribute, product, task } from "@pharmacrm/db";

import { useChatWrites } from "./chat-writes-world";

const { ctx, E1, askAndApprove } = useChatWrites();

const CONSENTS: [string, { channel: string; product: string | null; status: string; source: string }][] = [
  [
    `record that ${E1} gave email consent for Eliquis`,
    { channel: "email", product: "Eliquis", status: "granted", source: "Verbal, recorded by the rep" },
  ],
  [
    `${E1} opted out of emails`,
    { channel: "email", product: null, status: "revoked", source: "Verbal, recorded by the rep" },
  ],
  [
    `${E1} signed the consent form for phone calls about Farxiga`,
    { channel: "phone", product: "Farxiga", status: "granted", source: "Signed form" },
  ],
  [
    `log that ${E1} withdrew consent for texts`,
    { channel: "sms", product: null, status: "revoked", source: "Verbal, recorded by the rep" },
  ],
  [
    `${E1} filled out the web form opting in to email for all products`,
    { channel: "email", product: null, status: "granted", source: "Web form" },
  ],
  [
    `${E1} asked to stop getting emails from us`,
    { channel: "email", product: null, status: "revoked", source: "Verbal, recorded by the rep" },
  ],
  [
    `note that ${E1} doesn't want any more faxes`,
    { channel: "fax", product: null, status: "revoked", source: "Verbal, recorded by the rep" },
  ],
  [
    `${E1} replied by email agreeing to receive Eliquis updates, record her consent`,
    { channel: "email", product: "Eliquis", status: "granted", source: "Email reply" },
  ],
  [
    `capture in-person consent for ${E1}, all products, verbal`,
    { channel: "in_person", product: null, status: "granted", source: "Verbal, recorded by the rep" },
  ],
  [
    `${E1} unsubscribed from Farxiga emails`,
    { channel: "email", product: "Farxiga", status: "revoked", source: "Verbal, recorded by the rep" },
  ],
];

describe("recording consent from one sentence", () => {
  it.each(CONSENTS)("%s", async (sentence, expected) => {
    const { proposed, answer, actions } = await askAndApprove(sentence);
    expect(proposed.map((p) => p.type)).toEqual(["tool-recordConsent"]);
    expect(answer).toMatch(/^Recorded: /);
    expect(actions).toEqual([{ status: "executed", resultRef: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
    const rows = await ctx.database.db
      .select({
        channel: consentRecord.channel,
        productId: consentRecord.productId,
        status: consentRecord.status,
        source: consentRecord.source,
        at: consentRecord.recordedAt,
      })
      .from(consentRecord)
      .where(eq(consentRecord.hcpNpi, E1));
    const latest = rows.sort((a, b) => b.at.getTime() - a.at.getTime())[0]!;
    const [named] = latest.productId
      ? await ctx.database.db.select({ name: product.name }).from(product).where(eq(product.id, latest.productId))
      : [];
    expect({
      channel: latest.channel,
      product: named?.name ?? null,
      status: latest.status,
      source: latest.source,
    }).toEqual(expected);
  });
});

// Their words are their own: the completions and moves below name tasks by words no other open task has.
const NEW_TASKS: [string, { title: string; dueDate: string | null; npi: string | null }][] = [
  [
    "remind me to send the formulary grid by Friday",
    { title: "Send the formulary grid", dueDate: "2026-11-27", npi: null },
  ],
  ["add a task to order leaflets", { title: "Order leaflets", dueDate: null, npi: null }],
  ["create a task to restock samples next Monday", { title: "Restock samples", dueDate: "2026-11-30", npi: null }],
  [
    `remind me to call ${E1} about the renal study tomorrow`,
    { title: `Call ${E1} about the renal study`, dueDate: "2026-11-24", npi: E1 },
  ],
  ["new task: book the journal club, due Dec 15", { title: "Book the journal club", dueDate: "2026-12-15", npi: null }],
  [
    "set a reminder to check the sample closet on the 30th",
    { title: "Check the sample closet", dueDate: "2026-11-30", npi: null },
  ],
  ["todo: update the call deck", { title: "Update the call deck", dueDate: null, npi: null }],
  [
    `add a follow-up task for ${E1} to bring the dosing guide on 12/3`,
    { title: `For ${E1} to bring the dosing guide`, dueDate: "2026-12-03", npi: E1 },
  ],
  [
    "please remind me to email the speaker bureau in 2 weeks",
    { title: "Email the speaker bureau", dueDate: "2026-12-07", npi: null },
  ],
  [
    "create task to review the Q4 call plan by December 18",
    { title: "Review the Q4 call plan", dueDate: "2026-12-18", npi: null },
  ],
];

describe("creating a task from one sentence", () => {
  it.each(NEW_TASKS)("%s", async (sentence, expected) => {
    const { proposed, actions } = await askAndApprove(sentence);
    expect(proposed.map((p) => p.type)).toEqual(["tool-createTask"]);
    expect(actions).toEqual([{ status: "executed", resultRef: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
    const [row] = await ctx.database.db.select().from(task).where(eq(task.id, actions[0]!.resultRef!));
    expect({ title: row!.title, dueDate: row!.dueDate, npi: row!.hcpNpi }).toEqual(expected);
  });
});

/** A fresh open task of the rep's, for one phrasing to complete or move. */
async function openTask(title: string) {
  const viewer = ctx.world.viewers.repE1;
  const [created] = await ctx.database.db
    .insert(task)
    .values({ orgId: viewer.orgId, ownerId: viewer.userId, createdById: viewer.userId, title, dueDate: "2026-11-25" })
    .returning();
  return created!.id;
}

const COMPLETIONS: [string, string][] = [
  ["Send the coverage grid", "mark the coverage task as done"],
  ["Restock brochures", "I finished the brochure task, check it off"],
  ["Book lunch with the office", "done with the lunch to-do"],
  ["Call pharmacy about prior auth", "close the prior auth task"],
  ["Drop off patient starter kits", "complete the starter kits task"],
  ["Email the renal slides", "tick off the renal slides task"],
  ["Confirm speaker program date", "the speaker program task is done"],
  ["Update the target list", "mark target list to-do complete"],
  ["Order savings cards", "finished the savings cards task"],
  ["Review the podcast invite", "check off the podcast reminder"],
];

describe("completing a task from one sentence", () => {
  it.each(COMPLETIONS)("%s ← %s", async (title, sentence) => {
    const id = await openTask(title);
    const { proposed, answer, actions } = await askAndApprove(sentence);
    expect(proposed.map((p) => p.type)).toEqual(["tool-completeTask"]);
    expect(actions).toEqual([{ status: "executed", resultRef: id }]);
    expect(answer).toBe(`Marked “${title}” done.`);
    const [row] = await ctx.database.db.select().from(task).where(eq(task.id, id));
    expect(row!.status).toBe("done");
  });
});

const MOVES: [string, string, string][] = [
  ["Send the access grid again", "move the access grid task to next Friday", "2026-12-04"],
  ["Restock the brochure rack", "push my brochure reminder to Dec 15", "2026-12-15"],
  ["Book the team lunch", "reschedule the lunch task to December 3", "2026-12-03"],
  ["Chase the prior auth form", "postpone the prior auth task until 12/10", "2026-12-10"],
  ["Bring the starter kits", "bump the starter kits to-do to tomorrow", "2026-11-24"],
  ["Share the renal outcome slides", "move the renal slides task to Wednesday", "2026-11-25"],
  ["Plan the speaker dinner", "defer the speaker dinner task to next Monday", "2026-11-30"],
  ["Refresh the target spreadsheet", "change the due date of the target spreadsheet task to 12/1", "2026-12-01"],
  ["Reorder the savings card stock", "push the savings card task to the 28th", "2026-11-28"],
  ["Send the webinar recording", "reschedule my webinar recording task for Dec 9", "2026-12-09"],
];

describe("rescheduling a task from one sentence", () => {
  it.each(MOVES)("%s ← %s", async (title, sentence, due) => {
    const id = await openTask(title);
    const { proposed, actions } = await askAndApprove(sentence);
    expect(proposed.map((p) => p.type)).toEqual(["tool-rescheduleTask"]);
    expect(actions).toEqual([{ status: "executed", resultRef: id }]);
    const [row] = await ctx.database.db.select().from(task).where(eq(task.id, id));
    expect(row!.dueDate).toBe(due);
    expect(row!.status).toBe("open");
  });
});

const ACCOUNTS: [string, { tier: string | null; segment: string | null; notes: string | null }][] = [
  [`set ${E1}'s tier to A`, { tier: "A", segment: null, notes: null }],
  [`change ${E1} segment to high potential`, { tier: "A", segment: "high potential", notes: null }],
  [`make ${E1} tier B`, { tier: "B", segment: "high potential", notes: null }],
  [`update the segment for ${E1} to growth`, { tier: "B", segment: "growth", notes: null }],
  [
    `add a note to ${E1}'s account: prefers morning visits before 9`,
    { tier: "B", segment: "growth", notes: "prefers morning visits before 9" },
  ],
  [`bump ${E1} to tier C`, { tier: "C", segment: "growth", notes: "prefers morning visits before 9" }],
  [`${E1} segment should be maintain`, { tier: "C", segment: "maintain", notes: "prefers morning visits before 9" }],
  [
    `account notes for ${E1}: office closed 12/24-1/2`,
    { tier: "C", segment: "maintain", notes: "office closed 12/24-1/2" },
  ],
  [`put ${E1} in tier 1`, { tier: "1", segment: "maintain", notes: "office closed 12/24-1/2" }],
  [
    `set ${E1} tier to D and segment to low priority`,
    { tier: "D", segment: "low priority", notes: "office closed 12/24-1/2" },
  ],
];

describe("updating an account from one sentence", () => {
  it.each(ACCOUNTS)("%s", async (sentence, expected) => {
    const { proposed, actions } = await askAndApprove(sentence);
    expect(proposed.map((p) => p.type)).toEqual(["tool-updateAccount"]);
    expect(actions).toEqual([{ status: "executed", resultRef: E1 }]);
    const [row] = await ctx.database.db
      .select({ tier: hcpAttribute.tier, segment: hcpAttribute.segment, notes: hcpAttribute.notes })
      .from(hcpAttribute)
      .where(and(eq(hcpAttribute.hcpNpi, E1), inArray(hcpAttribute.orgId, [ctx.world.viewers.repE1.orgId])));
    expect(row).toEqual(expected);
  });
});
