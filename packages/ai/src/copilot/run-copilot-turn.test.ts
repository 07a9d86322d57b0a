import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { conversation, conversationMessage, copilotPendingAction, copilotTurn, interaction, task } from "@pharmacrm/db";
import type { Viewer } from "@pharmacrm/domain";
import { NPIS, useWorld } from "@pharmacrm/domain/testing";

import { createOfflineEngine } from "../offline/engine";
import { answerAll, ask, pendingWrites, readTurn, textOf } from "./headless";
import { runCopilotTurn, type CopilotTurnInput } from "./run-copilot-turn";

const ctx = useWorld();
const now = new Date(2026, 10, 23, 10, 0);
const model = createOfflineEngine({ now: () => now });

const start = (input: Omit<CopilotTurnInput, "db" | "model" | "now">) =>
  runCopilotTurn({ db: ctx.database.db, model, now, ...input });
const turn = (input: Omit<CopilotTurnInput, "db" | "model" | "now">) => readTurn(start(input));
const countOf = async (table: typeof interaction | typeof task) =>
  (await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
const transcriptOf = async (conversationId: string) =>
  ctx.database.db
    .select()
    .from(conversationMessage)
    .where(eq(conversationMessage.conversationId, conversationId))
    .orderBy(conversationMessage.position);
const actionsOf = async (conversationId: string) =>
  ctx.database.db.select().from(copilotPendingAction).where(eq(copilotPendingAction.conversationId, conversationId));

describe("a copilot turn with the offline engine", () => {
  it("prepares a call brief from the tool, saves the conversation and records the turn", async () => {
    const viewer = ctx.world.viewers.repE1;
    const out = await turn({ viewer, request: ask(`Prep me for my call with ${NPIS.E1}`) });

    expect(out.status).toBe("finished");
    expect(out.toolCalls.map((c) => [c.name, c.input, c.state])).toEqual([
      ["prepareCallBrief", { npi: NPIS.E1 }, "output-available"],
    ]);
    const text = textOf(out.responseMessage);
    expect(text).toContain(`Call brief: [First0 Hcpe1, MD](/physicians/${NPIS.E1})`);
    expect(text).toContain("“call in E1” _(CRM interactions 2026-10-01)_");

    const db = ctx.database.db;
    const [record] = await db.select().from(copilotTurn).where(eq(copilotTurn.userId, viewer.userId));
    expect(record).toMatchObject({
      provider: "offline",
      modelId: "pharmacrm-offline-1",
      status: "finished",
      error: null,
      orgId: viewer.orgId,
    });
    expect(record!.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record!.finishedAt).toBeInstanceOf(Date);
    expect(record!.toolCalls).toEqual([
      expect.objectContaining({
        name: "prepareCallBrief",
        input: { npi: NPIS.E1 },
        output: expect.stringContaining(`brief for ${NPIS.E1}`),
      }),
    ]);
    expect(record!.confidences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ tool: "prepareCallBrief", npi: NPIS.E1, confidence: expect.any(Number) }),
      ]),
    );

    const [saved] = await db.select().from(conversation).where(eq(conversation.id, record!.conversationId!));
    expect(saved).toMatchObject({ userId: viewer.userId, title: `Prep me for my call with ${NPIS.E1}` });
    const rows = await transcriptOf(saved!.id);
    expect(rows.map((r) => r.role)).toEqual(["user", "assistant"]);
    expect(rows[1]!.id).toBe(out.responseMessage.id);
  });

  it("the same input hashes the same; a finished turn record cannot be changed or deleted", async () => {
    const viewer = ctx.world.viewers.repE2;
    const a = await start({ viewer, request: ask("help") });
    await readTurn(a);
    await turn({ viewer, request: ask("help", "other-id") });
    const rows = await ctx.database.db.select().from(copilotTurn).where(eq(copilotTurn.userId, viewer.userId));
    expect(rows).toHaveLength(2);
    expect(rows[0]!.inputHash).toBe(rows[1]!.inputHash);
    await expect(
      ctx.database.db.update(copilotTurn).set({ status: "error" }).where(eq(copilotTurn.id, a.turnId)),
    ).rejects.toThrow();
    await expect(ctx.database.db.delete(copilotTurn).where(eq(copilotTurn.id, a.turnId))).rejects.toThrow();
  });

  it("writes a logged call only after the rep approves it, from the input stored when it was proposed", async () => {
    const viewer = ctx.world.viewers.repE1;
    const before = await countOf(interaction);
    const asked = await turn({
      viewer,
      request: ask(`log a call with ${NPIS.E1} today, discussed Alphacor renal dosing`),
    });

    expect(asked.status).toBe("needs_approval");
    expect(asked.toolCalls).toEqual([
      expect.objectContaining({
        name: "logInteraction",
        state: "approval-requested",
        input: expect.objectContaining({
          npi: NPIS.E1,
          channel: "in_person",
          occurredAt: "2026-11-23",
          notes: "Discussed Alphacor renal dosing",
        }),
      }),
    ]);
    expect(await countOf(interaction)).toBe(before);
    const [waiting] = await actionsOf(asked.conversationId);
    expect(waiting).toMatchObject({
      status: "pending",
      userId: viewer.userId,
      orgId: viewer.orgId,
      toolName: "logInteraction",
      toolCallId: pendingWrites(asked.responseMessage)[0]!.toolCallId,
      messageId: asked.responseMessage.id,
      turnId: asked.turnId,
      input: expect.objectContaining({
        npi: NPIS.E1,
        notes: "Discussed Alphacor renal dosing",
        products: ["Alphacor"],
        samples: [],
      }),
    });
    expect(waiting!.expiresAt.getTime() - waiting!.createdAt.getTime()).toBeGreaterThan(23 * 3600_000);

    const approved = await turn({
      viewer,
      conversationId: asked.conversationId,
      request: answerAll(asked.responseMessage, true),
    });
    expect(approved.status).toBe("finished");
    expect(approved.toolCalls).toEqual([
      expect.objectContaining({
        name: "logInteraction",
        state: "output-available",
        approval: expect.objectContaining({ approved: true }),
      }),
    ]);
    expect(textOf(approved.responseMessage)).toContain("Logged the in person call of 2026-11-23.");
    expect(await countOf(interaction)).toBe(before + 1);
    const [logged] = await ctx.database.db
      .select()
      .from(interaction)
      .where(eq(interaction.notes, "Discussed Alphacor renal dosing"));
    expect(logged).toMatchObject({ hcpNpi: NPIS.E1, ownerId: viewer.userId });
    const [done] = await actionsOf(asked.conversationId);
    expect(done).toMatchObject({
      status: "executed",
      resultRef: logged!.id,
      decidedTurnId: approved.turnId,
      result: { status: "logged" },
    });
    // The approval continued the same assistant message; the transcript holds it once.
    expect((await transcriptOf(asked.conversationId)).map((r) => [r.role, r.id])).toEqual([
      ["user", expect.any(String)],
      ["assistant", asked.responseMessage.id],
    ]);
  });

  it("writes nothing when the rep rejects the task", async () => {
    const viewer = ctx.world.viewers.repE1;
    const before = await countOf(task);
    const asked = await turn({ viewer, request: ask("add a task to order brochures") });
    expect(asked.status).toBe("needs_approval");
    const rejected = await turn({
      viewer,
      conversationId: asked.conversationId,
      request: answerAll(asked.responseMessage, false, "not now"),
    });

    expect(rejected.toolCalls).toEqual([
      expect.objectContaining({
        name: "createTask",
        state: "output-denied",
        approval: expect.objectContaining({ approved: false, reason: "not now" }),
      }),
    ]);
    expect(textOf(rejected.responseMessage)).toContain("Nothing was written");
    expect(await countOf(task)).toBe(before);
    expect((await actionsOf(asked.conversationId))[0]).toMatchObject({
      status: "rejected",
      reason: "not now",
      executedAt: null,
    });
  });

  it("keeps each person's conversations to themselves", async () => {
    const id = await latestConversation(ctx.world.viewers.repE1.userId);
    await expect(start({ viewer: ctx.world.viewers.repE2, conversationId: id, request: ask("help") })).rejects.toThrow(
      "That conversation was not found.",
    );
  });
});

describe("an approval is single-use, bound to its person, org and conversation", () => {
  /** A call the rep asked for and approved: the row is written once. */
  async function approvedCall(viewer: Viewer, note: string) {
    const asked = await turn({ viewer, request: ask(`log a call with ${NPIS.E1} today, discussed Alphacor ${note}`) });
    const answer = answerAll(asked.responseMessage, true);
    await turn({ viewer, conversationId: asked.conversationId, request: answer });
    return { conversationId: asked.conversationId, answer };
  }
  const callsNoted = async (note: string) =>
    (
      await ctx.database.db
        .select()
        .from(interaction)
        .where(eq(interaction.notes, `Discussed Alphacor ${note}`))
    ).length;

  it("replayed in the same conversation, it is refused and writes nothing", async () => {
    const viewer = ctx.world.viewers.repE1;
    const { conversationId, answer } = await approvedCall(viewer, "replay same");
    expect(await callsNoted("replay same")).toBe(1);
    const messagesBefore = await transcriptOf(conversationId);

    await expect(start({ viewer, conversationId, request: answer })).rejects.toThrow(
      "That write was already approved and done; it is not done again.",
    );
    await expect(
      start({
        viewer,
        conversationId,
        request: { kind: "approvals", approvals: [{ ...answer.approvals[0]!, approved: false }] },
      }),
    ).rejects.toThrow("already approved and done");
    expect(await callsNoted("replay same")).toBe(1);
    expect(await transcriptOf(conversationId)).toEqual(messagesBefore);
  });

  it("replayed in a new conversation or another of the rep's conversations, it is refused and writes nothing", async () => {
    const viewer = ctx.world.viewers.repE1;
    const { answer } = await approvedCall(viewer, "replay elsewhere");
    const conversations = async () =>
      (await ctx.database.db.select().from(conversation).where(eq(conversation.userId, viewer.userId))).length;
    const before = await conversations();

    await expect(start({ viewer, conversationId: randomUUID(), request: answer })).rejects.toThrow(
      "That conversation was not found.",
    );
    expect(await conversations()).toBe(before);
    const other = await turn({ viewer, request: ask("help") });
    await expect(start({ viewer, conversationId: other.conversationId, request: answer })).rejects.toThrow(
      "No write is waiting for your approval under that id in this conversation",
    );
    expect(await callsNoted("replay elsewhere")).toBe(1);
  });

  it("replayed by a manager of the same org, or a rep of another org, it is refused and writes nothing in either org", async () => {
    const rep = ctx.world.viewers.repE1;
    const { conversationId, answer } = await approvedCall(rep, "replay by others");
    for (const someone of [ctx.world.viewers.managerEast, ctx.world.viewers.repB1]) {
      await expect(start({ viewer: someone, conversationId, request: answer })).rejects.toThrow(
        "That conversation was not found.",
      );
      const own = await turn({ viewer: someone, request: ask("help") });
      await expect(start({ viewer: someone, conversationId: own.conversationId, request: answer })).rejects.toThrow(
        "No write is waiting for your approval",
      );
    }
    expect(await callsNoted("replay by others")).toBe(1);
    const inOrgB = await ctx.database.db
      .select()
      .from(interaction)
      .where(and(eq(interaction.notes, "replay by others"), eq(interaction.orgId, ctx.world.viewers.repB1.orgId)));
    expect(inOrgB).toEqual([]);
  });

  it("approved twice at once (two windows), the call is written once and the other answer is refused", async () => {
    const viewer = ctx.world.viewers.repE1;
    const asked = await turn({
      viewer,
      request: ask(`log a call with ${NPIS.E1} today, discussed Alphacor twice at once`),
    });
    const answer = answerAll(asked.responseMessage, true);
    const results = await Promise.allSettled([
      start({ viewer, conversationId: asked.conversationId, request: answer }),
      start({ viewer, conversationId: asked.conversationId, request: answer }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect([won.length, lost.length]).toEqual([1, 1]);
    expect(String((lost[0] as PromiseRejectedResult).reason)).toMatch(/not done twice|already approved/);
    await readTurn((won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof start>>>).value);
    expect(await callsNoted("twice at once")).toBe(1);
  });

  it("an answer naming a tool call the server never proposed writes nothing; a correction is checked, then saved with the proposal kept", async () => {
    const viewer = ctx.world.viewers.repE1;
    const asked = await turn({ viewer, request: ask("add a task to call the pharmacy") });
    const before = await countOf(task);
    await expect(
      start({
        viewer,
        conversationId: asked.conversationId,
        request: { kind: "approvals", approvals: [{ toolCallId: "fabricated-call", approved: true }] },
      }),
    ).rejects.toThrow("No write is waiting");
    const corrected = (input: Record<string, unknown>) => ({
      kind: "approvals" as const,
      approvals: [{ ...answerAll(asked.responseMessage, true).approvals[0]!, input }],
    });
    // A correction the tool's schema refuses writes nothing and leaves the card open.
    await expect(
      start({ viewer, conversationId: asked.conversationId, request: corrected({ title: "x" }) }),
    ).rejects.toThrow("Not saved: Give the task a title of at least 3 characters. Nothing was written.");
    expect(await countOf(task)).toBe(before);
    // The person's correction is what runs; the proposal stays on the record.
    await readTurn(
      start({
        viewer,
        conversationId: asked.conversationId,
        request: corrected({ title: "Call the pharmacy at noon" }),
      }),
    );
    expect(await countOf(task)).toBe(before + 1);
    expect(
      await ctx.database.db.select({ title: task.title }).from(task).where(eq(task.title, "Call the pharmacy at noon")),
    ).toEqual([{ title: "Call the pharmacy at noon" }]);
    const [action] = await actionsOf(asked.conversationId);
    expect(action).toMatchObject({
      status: "executed",
      input: { title: "Call the pharmacy at noon" },
      proposedInput: { title: "Call the pharmacy" },
    });
  });

  it("an approval past its 24 hours, or left behind when the conversation moved on, is closed and writes nothing", async () => {
    const viewer = ctx.world.viewers.repE1;
    const before = await countOf(task);
    const stale = await turn({ viewer, request: ask("add a task to restock the samples cupboard") });
    await ctx.database.db
      .update(copilotPendingAction)
      .set({ expiresAt: new Date(now.getTime() - 1000) })
      .where(eq(copilotPendingAction.conversationId, stale.conversationId));
    await expect(
      start({ viewer, conversationId: stale.conversationId, request: answerAll(stale.responseMessage, true) }),
    ).rejects.toThrow("That approval is no longer open");
    expect((await actionsOf(stale.conversationId))[0]!.status).toBe("expired");

    const movedOn = await turn({ viewer, request: ask("add a task to book the lunch and learn") });
    await turn({ viewer, conversationId: movedOn.conversationId, request: ask("help") });
    expect((await actionsOf(movedOn.conversationId))[0]!.status).toBe("expired");
    // The card is settled in the transcript (the model never sees a call without a result).
    const card = (await transcriptOf(movedOn.conversationId))[1]!.parts as { type: string; state?: string }[];
    expect(card.find((p) => p.type === "tool-createTask")).toMatchObject({ state: "output-denied" });
    await expect(
      start({ viewer, conversationId: movedOn.conversationId, request: answerAll(movedOn.responseMessage, true) }),
    ).rejects.toThrow("no longer open");
    expect(await countOf(task)).toBe(before);
  });
});

describe("the transcript is the server's", () => {
  it("regenerate answers the last question again in place of the old answer", async () => {
    const viewer = ctx.world.viewers.repW1;
    const first = await turn({ viewer, request: ask("help") });
    const again = await turn({ viewer, conversationId: first.conversationId, request: { kind: "regenerate" } });
    expect(again.responseMessage.id).not.toBe(first.responseMessage.id);
    const rows = await transcriptOf(first.conversationId);
    expect(rows.map((r) => [r.role, r.id])).toEqual([
      ["user", expect.any(String)],
      ["assistant", again.responseMessage.id],
    ]);
  });

  it("edit and resend replaces the question and what followed it; a message id cannot be sent twice", async () => {
    const viewer = ctx.world.viewers.repW1;
    const first = await turn({ viewer, request: ask("help", "edit-me") });
    await turn({ viewer, conversationId: first.conversationId, request: ask("what should I do next?", "second") });
    const edited = await turn({
      viewer,
      conversationId: first.conversationId,
      request: { ...ask("what can you do?", "edit-me"), replaceFrom: "edit-me" },
    });
    const rows = await transcriptOf(first.conversationId);
    expect(rows.map((r) => r.role)).toEqual(["user", "assistant"]);
    expect(rows[0]).toMatchObject({ id: "edit-me", parts: [{ type: "text", text: "what can you do?" }] });
    expect(rows[1]!.id).toBe(edited.responseMessage.id);

    await expect(
      start({ viewer, conversationId: first.conversationId, request: ask("again", "edit-me") }),
    ).rejects.toThrow("That message was already sent");
    await expect(
      start({ viewer, conversationId: first.conversationId, request: { ...ask("x", "new-id"), replaceFrom: "nope" } }),
    ).rejects.toThrow("The message to edit is not one of yours");
  });
});

async function latestConversation(userId: string): Promise<string> {
  const [row] = await ctx.database.db
    .select({ id: conversation.id })
    .from(conversation)
    .where(eq(conversation.userId, userId))
    .orderBy(sql`${conversation.updatedAt} desc`)
    .limit(1);
  return row!.id;
}
