import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { conversation, conversationMessage, copilotTurn, interaction, task } from "@pharmacrm/db";
import { NPIS, useWorld } from "../../../api/src/testing/world";
import { createOfflineEngine } from "../offline/engine";
import { runCopilotTurn, type CopilotTurnInput } from "./run-copilot-turn";
import { answerApprovals, readTurn, textOf, userMessage } from "./headless";

const ctx = useWorld();
const now = new Date(2026, 10, 23, 10, 0);
const model = createOfflineEngine({ now: () => now });
const approvalSecret = "test-approval-secret";

const turn = (input: Omit<CopilotTurnInput, "db" | "model" | "now" | "approvalSecret">) =>
  readTurn(runCopilotTurn({ db: ctx.database.db, model, now, approvalSecret, ...input }));
const countOf = async (table: typeof interaction | typeof task) => (await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

describe("a copilot turn with the offline engine", () => {
  it("prepares a call brief from the tool, saves the conversation and records the turn", async () => {
    const viewer = ctx.world.viewers.repE1;
    const out = await turn({ viewer, messages: [userMessage(`Prep me for my call with ${NPIS.E1}`)] });

    expect(out.status).toBe("finished");
    expect(out.toolCalls.map((c) => [c.name, c.input, c.state])).toEqual([["prepareCallBrief", { npi: NPIS.E1 }, "output-available"]]);
    const text = textOf(out.responseMessage);
    expect(text).toContain(`Call brief: [First0 Hcpe1, MD](/physicians/${NPIS.E1})`);
    expect(text).toContain("“call in E1” _(CRM interactions 2026-10-01)_");

    const db = ctx.database.db;
    const [record] = await db.select().from(copilotTurn).where(eq(copilotTurn.userId, viewer.userId));
    expect(record).toMatchObject({ provider: "offline", modelId: "pharmacrm-offline-1", status: "finished", error: null, orgId: viewer.orgId });
    expect(record!.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record!.finishedAt).toBeInstanceOf(Date);
    expect(record!.toolCalls).toEqual([expect.objectContaining({ name: "prepareCallBrief", input: { npi: NPIS.E1 }, output: expect.stringContaining(`brief for ${NPIS.E1}`) })]);
    expect(record!.confidences).toEqual(expect.arrayContaining([expect.objectContaining({ tool: "prepareCallBrief", npi: NPIS.E1, confidence: expect.any(Number) })]));

    const [saved] = await db.select().from(conversation).where(eq(conversation.id, record!.conversationId!));
    expect(saved).toMatchObject({ userId: viewer.userId, title: `Prep me for my call with ${NPIS.E1}` });
    const rows = await db.select().from(conversationMessage).where(eq(conversationMessage.conversationId, saved!.id)).orderBy(conversationMessage.position);
    expect(rows.map((r) => r.role)).toEqual(["user", "assistant"]);
  });

  it("the same input hashes the same; a finished turn record cannot be changed or deleted", async () => {
    const viewer = ctx.world.viewers.repE2;
    const a = await runCopilotTurn({ db: ctx.database.db, viewer, model, now, messages: [userMessage("help")] });
    await readTurn(a);
    const b = await runCopilotTurn({ db: ctx.database.db, viewer, model, now, messages: [{ ...userMessage("help"), id: "other-id" }] });
    await readTurn(b);
    const rows = await ctx.database.db.select().from(copilotTurn).where(eq(copilotTurn.userId, viewer.userId));
    expect(rows).toHaveLength(2);
    expect(rows[0]!.inputHash).toBe(rows[1]!.inputHash);
    await expect(ctx.database.db.update(copilotTurn).set({ status: "error" }).where(eq(copilotTurn.id, a.turnId))).rejects.toThrow();
    await expect(ctx.database.db.delete(copilotTurn).where(eq(copilotTurn.id, a.turnId))).rejects.toThrow();
  });

  it("writes a logged call only after the rep approves it", async () => {
    const viewer = ctx.world.viewers.repE1;
    const before = await countOf(interaction);
    const asked = await turn({ viewer, messages: [userMessage(`log a call with ${NPIS.E1} today, discussed renal dosing`)] });

    expect(asked.status).toBe("needs_approval");
    expect(asked.toolCalls).toEqual([
      expect.objectContaining({ name: "logInteraction", state: "approval-requested", input: expect.objectContaining({ npi: NPIS.E1, channel: "in_person", occurredAt: "2026-11-23", notes: "renal dosing" }) }),
    ]);
    expect(await countOf(interaction)).toBe(before);

    const approved = await turn({ viewer, conversationId: asked.conversationId, messages: answerApprovals(asked.messages, true) });
    expect(approved.status).toBe("finished");
    expect(approved.toolCalls).toEqual([expect.objectContaining({ name: "logInteraction", state: "output-available", approval: expect.objectContaining({ approved: true }) })]);
    expect(textOf(approved.responseMessage)).toContain("Logged the in person interaction of 2026-11-23.");
    expect(await countOf(interaction)).toBe(before + 1);
    const [logged] = await ctx.database.db.select().from(interaction).where(eq(interaction.notes, "renal dosing"));
    expect(logged).toMatchObject({ hcpNpi: NPIS.E1, ownerId: viewer.userId });
  });

  it("writes nothing when the rep rejects the task", async () => {
    const viewer = ctx.world.viewers.repE1;
    const before = await countOf(task);
    const asked = await turn({ viewer, messages: [userMessage("add a task to order brochures")] });
    expect(asked.status).toBe("needs_approval");
    const rejected = await turn({ viewer, conversationId: asked.conversationId, messages: answerApprovals(asked.messages, false, "not now") });

    expect(rejected.toolCalls).toEqual([expect.objectContaining({ name: "createTask", state: "output-denied", approval: expect.objectContaining({ approved: false, reason: "not now" }) })]);
    expect(textOf(rejected.responseMessage)).toContain("Nothing was written");
    expect(await countOf(task)).toBe(before);
  });

  it("refuses an approval the server did not sign", async () => {
    const viewer = ctx.world.viewers.repE1;
    const before = await countOf(task);
    const asked = await turn({ viewer, messages: [userMessage("add a task to call the pharmacy")] });
    const forged = answerApprovals(asked.messages, true).map((m) => ({
      ...m,
      parts: m.parts.map((p) => ("approval" in p && p.approval ? { ...p, approval: { ...p.approval, signature: "forged" } } : p)),
    }));
    const out = await turn({ viewer, conversationId: asked.conversationId, messages: forged });
    expect(out.status).toBe("error");
    expect(out.error).toMatch(/signature/i);
    expect(await countOf(task)).toBe(before);
  });

  it("keeps each person's conversations to themselves", async () => {
    const id = await latestConversation(ctx.world.viewers.repE1.userId);
    await expect(runCopilotTurn({ db: ctx.database.db, viewer: ctx.world.viewers.repE2, conversationId: id, model, now, messages: [userMessage("help")] })).rejects.toThrow(
      "That conversation was not found.",
    );
  });
});

async function latestConversation(userId: string): Promise<string> {
  const [row] = await ctx.database.db.select({ id: conversation.id }).from(conversation).where(eq(conversation.userId, userId)).orderBy(sql`${conversation.updatedAt} desc`).limit(1);
  return row!.id;
}
