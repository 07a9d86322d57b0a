// Calls logged from one sentence, field by field, checked on the saved rows after the rep approves: channel, when,
// products, samples, notes and the follow-up task; and a write corrected on its card before approving. The offline
// engine reads each sentence with the org's own vocabulary (its products, loaded from the database).
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { callDraft, copilotPendingAction, interaction, task } from "@pharmacrm/db";
import { getCall, scopeFor } from "@pharmacrm/domain";

import { useChatWrites } from "./chat-writes-world";
import { ask, pendingWrites } from "./headless";

const { ctx, E1, turn, askAndApprove } = useChatWrites();

interface SavedCall {
  /** Submitted when it names a product and leaves no samples (those need a lot and a signature on the screen). */
  state: "submitted" | "draft";
  channel: string;
  day: string;
  products: string[];
  samples: [string, number][];
  notes: string | null;
  followUp: string | null;
  followUpDate: string | null;
  followUpTask: string | null;
}

/** The rep's newest call, submitted or kept as a draft, as its page reads it. */
async function lastCall(): Promise<SavedCall> {
  const db = ctx.database.db;
  const owner = ctx.world.viewers.repE1.userId;
  const newest = [
    ...(await db
      .select({ id: interaction.id, at: interaction.createdAt })
      .from(interaction)
      .where(eq(interaction.ownerId, owner))),
    ...(await db
      .select({ id: callDraft.id, at: callDraft.updatedAt })
      .from(callDraft)
      .where(eq(callDraft.ownerId, owner))),
  ].sort((a, b) => b.at.getTime() - a.at.getTime())[0]!;
  const view = await getCall(db, await scopeFor(db, ctx.world.viewers.repE1), { id: newest.id });
  const { report } = view;
  const [followUpTask] = report.followUp
    ? await db
        .select()
        .from(task)
        .where(and(eq(task.hcpNpi, report.npi), eq(task.title, report.followUp.slice(0, 200))))
        .orderBy(desc(task.createdAt))
        .limit(1)
    : [];
  const local = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  return {
    state: view.status,
    channel: report.channel,
    day: local(report.occurredAt),
    products: view.products.map((p) => p.name),
    samples: view.samples.map((s) => [s.product, s.quantity]),
    notes: report.notes ?? null,
    followUp: report.followUp ?? null,
    followUpDate: report.followUpDate ?? null,
    followUpTask: followUpTask ? `${followUpTask.title} · ${followUpTask.dueDate}` : null,
  };
}

const call = (fields: Partial<SavedCall>): SavedCall => ({
  state: fields.products?.length && !fields.samples?.length ? "submitted" : "draft",
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
// The follow-up task is made when the call is submitted.
const withTask = (c: SavedCall): SavedCall => ({
  ...c,
  followUpTask: c.state === "submitted" ? `${c.followUp} · ${c.followUpDate}` : null,
});

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
    expect(answer).toMatch(
      expected.state === "submitted" ? /^Logged the / : /^Saved the .+ as a draft, not submitted: /,
    );
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
    const asked = await turn(ask(`log a call with ${E1} today, discussed Eliquis`));
    const [part] = pendingWrites(asked.responseMessage);
    const proposed = part!.input as Record<string, unknown>;
    const answer = (input: Record<string, unknown>) =>
      turn(
        { kind: "approvals", approvals: [{ toolCallId: part!.toolCallId, approved: true, input }] },
        asked.conversationId,
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
