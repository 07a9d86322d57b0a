// Writes from chat, field by field, checked on the saved rows after the rep approves: calls (channel, when,
// products, samples, notes, follow-up task), consent, completing and rescheduling tasks, account attributes. The
// offline engine reads each sentence with the org's own vocabulary (its products, loaded from the database).
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import {
  consentRecord,
  copilotPendingAction,
  hcpAttribute,
  interaction,
  interactionProduct,
  interactionSample,
  product,
  task,
} from "@pharmacrm/db";
import { NPIS, useWorld } from "@pharmacrm/domain/testing";

import { createOfflineEngine } from "../offline/engine";
import { answerAll, ask, pendingWrites, readTurn, textOf } from "./headless";
import { runCopilotTurn } from "./run-copilot-turn";
import type { CopilotUIMessage } from "./types";

const ctx = useWorld();
// Monday 23 November 2026, mid-morning: the rep's "today".
const now = new Date(2026, 10, 23, 10, 0);
const model = createOfflineEngine({ now: () => now });
const E1 = NPIS.E1;

beforeAll(async () => {
  const orgId = ctx.world.viewers.repE1.orgId;
  await ctx.database.db.insert(product).values([
    { orgId, name: "Eliquis", genericName: "apixaban", sampleable: true },
    { orgId, name: "Farxiga", genericName: "dapagliflozin", sampleable: false },
  ]);
});

/** The text written after the message's last card: the answer to the approval, not what was said before it. */
const textAfterCards = (message: CopilotUIMessage) => {
  const last = message.parts.map((p) => p.type.startsWith("tool-")).lastIndexOf(true);
  return textOf({ ...message, parts: message.parts.slice(last + 1) });
};

/**
 * Asks, then approves (or rejects) every write the answer proposes; returns what was proposed, what the copilot said
 * it read before the card, and the answer.
 */
async function askAndApprove(text: string, approved = true) {
  const viewer = ctx.world.viewers.repE1;
  const db = ctx.database.db;
  const asked = await readTurn(runCopilotTurn({ db, model, now, viewer, request: ask(text) }));
  const proposed = pendingWrites(asked.responseMessage);
  const saidBack = textOf(asked.responseMessage);
  if (proposed.length === 0) return { proposed, saidBack, answer: saidBack, actions: [] };
  const done = await readTurn(
    runCopilotTurn({
      db,
      model,
      now,
      viewer,
      conversationId: asked.conversationId,
      request: answerAll(asked.responseMessage, approved),
    }),
  );
  // The server's record of each approved write says it was carried out, with the row it wrote.
  const actions = await db
    .select({ status: copilotPendingAction.status, resultRef: copilotPendingAction.resultRef })
    .from(copilotPendingAction)
    .where(eq(copilotPendingAction.conversationId, asked.conversationId));
  return { proposed, saidBack, answer: textAfterCards(done.responseMessage), actions };
}

interface SavedCall {
  channel: string;
  day: string;
  products: string[];
  samples: [string, number][];
  notes: string | null;
  followUp: string | null;
  followUpDate: string | null;
  followUpTask: string | null;
}

async function lastCall(): Promise<SavedCall> {
  const db = ctx.database.db;
  const [row] = await db
    .select()
    .from(interaction)
    .where(eq(interaction.ownerId, ctx.world.viewers.repE1.userId))
    .orderBy(asc(interaction.createdAt));
  const rows = await db.select().from(interaction).where(eq(interaction.ownerId, ctx.world.viewers.repE1.userId));
  const call = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0] ?? row!;
  const products = await db
    .select({ name: product.name })
    .from(interactionProduct)
    .innerJoin(product, eq(product.id, interactionProduct.productId))
    .where(eq(interactionProduct.interactionId, call.id))
    .orderBy(interactionProduct.position);
  const samples = await db
    .select({ name: product.name, quantity: interactionSample.quantity })
    .from(interactionSample)
    .innerJoin(product, eq(product.id, interactionSample.productId))
    .where(eq(interactionSample.interactionId, call.id));
  const [followUpTask] = call.followUp
    ? await db
        .select()
        .from(task)
        .where(and(eq(task.hcpNpi, call.hcpNpi), eq(task.title, call.followUp.slice(0, 200))))
        .orderBy(desc(task.createdAt))
        .limit(1)
    : [];
  const local = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  return {
    channel: call.channel,
    day: local(call.occurredAt),
    products: products.map((p) => p.name),
    samples: samples.map((s) => [s.name, s.quantity]),
    notes: call.notes,
    followUp: call.followUp,
    followUpDate: call.followUpDate,
    followUpTask: followUpTask ? `${followUpTask.title} · ${followUpTask.dueDate}` : null,
  };
}

const call = (fields: Partial<SavedCall>): SavedCall => ({
  channel: "in_person",
  day: "2026-11-23",
  products: [],
  samples: [],
  notes: null,
  followUp: null,
  followUpDate: null,
  followUpTask: null,
  ...fields,
});
const withTask = (c: SavedCall): SavedCall => ({ ...c, followUpTask: `${c.followUp} · ${c.followUpDate}` });

const CALLS: [string, SavedCall][] = [
  [
    `log a call with ${E1} today, discussed Eliquis, left 2 samples`,
    call({ products: ["Eliquis"], samples: [["Eliquis", 2]], notes: "Discussed Eliquis, left 2 samples" }),
  ],
  [
    `log a phone call with ${E1} yesterday about Farxiga, he asked for the formulary update; follow up next Tuesday`,
    withTask(
      call({
        channel: "phone",
        day: "2026-11-22",
        products: ["Farxiga"],
        notes: "He asked for the formulary update",
        followUp: "Follow up",
        followUpDate: "2026-12-01",
      }),
    ),
  ],
  [
    `zoom with ${E1} on Friday - went over apixaban bleeding data`,
    call({ channel: "video", day: "2026-11-20", products: ["Eliquis"], notes: "Went over apixaban bleeding data" }),
  ],
  [
    `I phoned ${E1} this morning re Farxiga CKD data, she wants the renal slides. circle back in 2 weeks`,
    withTask(
      call({
        channel: "phone",
        products: ["Farxiga"],
        notes: "Re Farxiga CKD data, she wants the renal slides",
        followUp: "Follow up",
        followUpDate: "2026-12-07",
      }),
    ),
  ],
  [
    `In-office visit with ${E1} today. Dropped off 3 boxes of Eliquis samples and discussed Farxiga for HF patients.`,
    call({
      products: ["Eliquis", "Farxiga"],
      samples: [["Eliquis", 3]],
      notes: "Dropped off 3 boxes of Eliquis samples and discussed Farxiga for HF patients",
    }),
  ],
  [
    `logged an email to ${E1} yesterday - sent the Eliquis dosing card`,
    call({ channel: "email", day: "2026-11-22", products: ["Eliquis"], notes: "Sent the Eliquis dosing card" }),
  ],
  [
    `video visit w ${E1} on 11/18, eliquis + farxiga, left 4 eliquis samples, f/u 12/2 with the KOL webinar invite`,
    withTask(
      call({
        channel: "video",
        day: "2026-11-18",
        products: ["Eliquis", "Farxiga"],
        samples: [["Eliquis", 4]],
        notes: "Eliquis + farxiga, left 4 eliquis samples",
        followUp: "Follow up: the KOL webinar invite",
        followUpDate: "2026-12-02",
      }),
    ),
  ],
  [
    `saw ${E1} today, quick chat about eliqus, gave her two samples, remind me to send the formulary grid by Friday`,
    withTask(
      call({
        products: ["Eliquis"],
        samples: [["Eliquis", 2]],
        notes: "Quick chat about eliquis, gave her two samples",
        followUp: "Follow up: send the formulary grid",
        followUpDate: "2026-11-27",
      }),
    ),
  ],
  [
    `had a lunch with ${E1} last Thursday, no samples, he prefers Xarelto for once daily dosing`,
    call({ day: "2026-11-19", notes: "No samples, he prefers Xarelto for once daily dosing" }),
  ],
  [
    `teams call with ${E1} yesterday to discuss dapagliflozin in CKD, follow up in a week`,
    withTask(
      call({
        channel: "video",
        day: "2026-11-22",
        products: ["Farxiga"],
        notes: "To discuss dapagliflozin in CKD",
        followUp: "Follow up",
        followUpDate: "2026-11-30",
      }),
    ),
  ],
  [
    `met with ${E1} today, discussed Eliquis dosing in elderly patients, dropped off 5 starter packs`,
    call({
      products: ["Eliquis"],
      samples: [["Eliquis", 5]],
      notes: "Discussed Eliquis dosing in elderly patients, dropped off 5 starter packs",
    }),
  ],
  [
    `record a meeting with ${E1} on Thursday. Notes: wants real world evidence on Farxiga`,
    call({ day: "2026-11-19", products: ["Farxiga"], notes: "Wants real world evidence on Farxiga" }),
  ],
];

describe("logging a call from one sentence", () => {
  it("says back what the words were read as before the card, and writes nothing until approved", async () => {
    const { saidBack, answer } = await askAndApprove(
      `log a phone call with ${E1} yest about dapagliflozin; follow up tmrw`,
      false,
    );
    expect(saidBack).toBe(
      "I read “yest” as Sunday 22 November 2026, “dapagliflozin” as Farxiga and “tmrw” as Tuesday 24 November 2026.",
    );
    expect(answer).toMatch(/^Nothing was written/);
  });

  it.each(CALLS)("%s", async (sentence, expected) => {
    const { proposed, answer } = await askAndApprove(sentence);
    expect(proposed.map((p) => p.type)).toEqual(["tool-logInteraction"]);
    expect(answer).toMatch(/^Logged the /);
    expect(await lastCall()).toEqual(expected);
  });

  it("asks instead of guessing: samples of a product that is not sampled, or of no product named", async () => {
    const before = await ctx.database.db.select().from(interaction);
    const notSampled = await askAndApprove(`log a call with ${E1} today, left 3 Farxiga samples`);
    expect(notSampled.proposed).toEqual([]);
    expect(notSampled.answer).toContain("Farxiga is not a sampleable product");
    const unnamed = await askAndApprove(`log a call with ${E1} today, left 2 samples`);
    expect(unnamed.proposed).toEqual([]);
    expect(unnamed.answer).toContain("Which product were the samples of (Alphacor, Eliquis)?");
    expect(await ctx.database.db.select().from(interaction)).toHaveLength(before.length);
  });

  it("a rejected card writes nothing", async () => {
    const db = ctx.database.db;
    const before = (await db.select().from(interaction)).length;
    const { proposed, answer } = await askAndApprove(`log a call with ${E1} today, discussed Eliquis`, false);
    expect(proposed).toHaveLength(1);
    expect(answer).toMatch(/^Nothing was written/);
    expect((await db.select().from(interaction)).length).toBe(before);
  });
});

describe("correcting a write on its card before approving", () => {
  it("saves the corrected write, keeps the proposal, and refuses a correction the tool would not accept", async () => {
    const db = ctx.database.db;
    const viewer = ctx.world.viewers.repE1;
    const asked = await readTurn(
      runCopilotTurn({ db, model, now, viewer, request: ask(`log a call with ${E1} today, discussed Eliquis`) }),
    );
    const [part] = pendingWrites(asked.responseMessage);
    const proposed = part!.input as Record<string, unknown>;
    const answer = (input: Record<string, unknown>) =>
      readTurn(
        runCopilotTurn({
          db,
          model,
          now,
          viewer,
          conversationId: asked.conversationId,
          request: { kind: "approvals", approvals: [{ toolCallId: part!.toolCallId, approved: true, input }] },
        }),
      );
    // A sample quantity of zero is refused in the tool's words; nothing is written and the card stays open.
    await expect(answer({ ...proposed, samples: [{ product: "Eliquis", quantity: 0 }] })).rejects.toThrow(
      /^Not saved: .*Nothing was written\.$/,
    );
    const [stillOpen] = await db
      .select()
      .from(copilotPendingAction)
      .where(eq(copilotPendingAction.conversationId, asked.conversationId));
    expect(stillOpen!.status).toBe("pending");

    const corrected = {
      ...proposed,
      channel: "phone",
      samples: [{ product: "Eliquis", quantity: 4 }],
      notes: "Discussed Eliquis; asked for the renal data",
    };
    const done = await answer(corrected);
    expect(done.status).toBe("finished");
    expect(await lastCall()).toMatchObject({
      channel: "phone",
      products: ["Eliquis"],
      samples: [["Eliquis", 4]],
      notes: "Discussed Eliquis; asked for the renal data",
    });
    const [action] = await db
      .select()
      .from(copilotPendingAction)
      .where(eq(copilotPendingAction.conversationId, asked.conversationId));
    expect(action).toMatchObject({ status: "executed", proposedInput: proposed });
    expect(action!.input).toMatchObject({ channel: "phone", notes: "Discussed Eliquis; asked for the renal data" });
    // The card in the saved conversation shows what was saved.
    const saved = done.messages.at(-1)!.parts.find((p) => p.type === "tool-logInteraction") as { input: unknown };
    expect(saved.input).toMatchObject({ channel: "phone" });
  });
});

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
