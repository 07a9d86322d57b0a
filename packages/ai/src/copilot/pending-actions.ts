// Writes the copilot proposes wait here (copilot_pending_action) for the person's answer. A row is bound to the user,
// org and conversation that proposed it, holds the exact input the tool's schema accepted, and is single-use: one
// conditional UPDATE … WHERE status = 'pending' moves it on, so an answer replayed — again, in another conversation,
// by someone else, or twice at once — finds nothing to claim and writes nothing. Executing runs the stored input only.
import { asSchema, isToolUIPart, type ToolSet } from "ai";
import { and, eq, gt, inArray, lte, sql } from "drizzle-orm";

import { copilotPendingAction, type Db } from "@pharmacrm/db";
import { DomainError, type Viewer } from "@pharmacrm/domain";

import type { CopilotUIMessage } from "./types";

/** How long a proposed write may wait for its answer. */
export const APPROVAL_TTL_MS = 24 * 60 * 60 * 1000;

export type PendingActionStatus = "pending" | "approved" | "rejected" | "executed" | "failed" | "expired";

export interface ApprovalAnswer {
  /** The pending action's id, or the tool call's id as the stream named it. */
  actionId?: string;
  toolCallId?: string;
  approved: boolean;
  reason?: string;
  /** The write as the person corrected it on the card before approving. */
  input?: Record<string, unknown>;
}

/** Checks a corrected write with its tool's schema: the accepted value, or why not in the schema's words. */
export type ValidateWrite = (
  toolName: string,
  input: unknown,
) => Promise<{ ok: true; value: unknown } | { ok: false; message: string }>;

/** Same JSON (key order aside): an input sent back unchanged is not a correction. */
const sameJson = (a: unknown, b: unknown): boolean => {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .filter(([, x]) => x !== undefined)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
};

export type ClaimedAction = typeof copilotPendingAction.$inferSelect;

type Part = CopilotUIMessage["parts"][number];
type ApprovalPart = Extract<Part, { state: "approval-requested" }>;

export const isAwaitingApproval = (part: Part): part is ApprovalPart =>
  isToolUIPart(part) && part.state === "approval-requested";

const toolNameOf = (part: ApprovalPart) => part.type.slice("tool-".length);

/** Tools that wait for the person: those that declare needsApproval. */
export function approvalToolNames(tools: ToolSet): string[] {
  return Object.entries(tools)
    .filter(([, t]) => Boolean(t.needsApproval))
    .map(([name]) => name);
}

/** Stores each write the answer asks approval for, with its input as the tool's schema accepts it. */
export async function recordPendingActions(
  db: Db,
  viewer: Viewer,
  values: { conversationId: string; turnId: string; message: CopilotUIMessage; tools: ToolSet; now: Date },
): Promise<void> {
  const rows = [];
  for (const part of values.message.parts.filter(isAwaitingApproval)) {
    const tool = values.tools[toolNameOf(part)];
    if (!tool?.needsApproval) continue;
    const checked = await asSchema(tool.inputSchema).validate?.(part.input);
    // An input the schema refuses never becomes approvable (the SDK does not ask for approval of one either).
    if (!checked?.success) continue;
    rows.push({
      orgId: viewer.orgId,
      userId: viewer.userId,
      conversationId: values.conversationId,
      turnId: values.turnId,
      messageId: values.message.id,
      toolName: toolNameOf(part),
      toolCallId: part.toolCallId,
      approvalId: part.approval.id,
      input: checked.value as object,
      createdAt: values.now,
      expiresAt: new Date(values.now.getTime() + APPROVAL_TTL_MS),
    });
  }
  if (rows.length > 0) await db.insert(copilotPendingAction).values(rows).onConflictDoNothing();
}

const ownedBy = (viewer: Viewer, conversationId: string) =>
  and(
    eq(copilotPendingAction.conversationId, conversationId),
    eq(copilotPendingAction.userId, viewer.userId),
    eq(copilotPendingAction.orgId, viewer.orgId),
  );

export const MOVED_ON = "Not answered before the conversation moved on; nothing was written.";

/**
 * The conversation moves on (a new question, an edit, a regenerate): writes still waiting are closed — their rows
 * expire and their cards become declined in the transcript, so the model sees them settled and none can be approved.
 */
export async function closeOpenApprovals<T extends { id: string; message: CopilotUIMessage }>(
  db: Db,
  viewer: Viewer,
  conversationId: string,
  transcript: T[],
  now: Date,
  replaceParts: (db: Db, conversationId: string, messageId: string, parts: Part[]) => Promise<void>,
): Promise<T[]> {
  await db
    .update(copilotPendingAction)
    .set({ status: "expired" satisfies PendingActionStatus, decidedAt: now, reason: MOVED_ON })
    .where(and(ownedBy(viewer, conversationId), eq(copilotPendingAction.status, "pending")));
  const out: T[] = [];
  for (const stored of transcript) {
    if (!stored.message.parts.some(isAwaitingApproval)) {
      out.push(stored);
      continue;
    }
    const parts = stored.message.parts.map((part) =>
      isAwaitingApproval(part)
        ? ({
            ...part,
            state: "output-denied",
            approval: { id: part.approval.id, approved: false, reason: MOVED_ON },
          } as Part)
        : part,
    );
    await replaceParts(db, conversationId, stored.id, parts);
    out.push({ ...stored, message: { ...stored.message, parts } });
  }
  return out;
}

const USED: Record<Exclude<PendingActionStatus, "pending">, string> = {
  approved: "That write is already being carried out; it is not done twice.",
  executed: "That write was already approved and done; it is not done again.",
  failed: "That write was already approved and tried; it is not tried again. Ask again to retry it.",
  rejected: "That write was already rejected; nothing was written.",
  expired:
    "That approval is no longer open (it expired or the conversation moved on); nothing was written. Ask again to write it.",
};

const matches = (answer: ApprovalAnswer) => (row: ClaimedAction) =>
  answer.actionId ? row.id === answer.actionId : row.toolCallId === answer.toolCallId;

/** Why an answer finds nothing to claim, in the person's words. */
async function refusal(db: Db, viewer: Viewer, conversationId: string, answer: ApprovalAnswer): Promise<DomainError> {
  const key = answer.actionId
    ? eq(copilotPendingAction.id, answer.actionId)
    : eq(copilotPendingAction.toolCallId, answer.toolCallId ?? "");
  const rows = await db
    .select()
    .from(copilotPendingAction)
    .where(and(ownedBy(viewer, conversationId), key))
    .orderBy(sql`${copilotPendingAction.createdAt} desc`)
    .limit(1);
  const row = rows[0];
  if (!row)
    return new DomainError(
      "NOT_FOUND",
      "No write is waiting for your approval under that id in this conversation; nothing was written.",
    );
  return new DomainError(
    "CONFLICT",
    row.status === "pending" ? USED.expired : (USED[row.status as keyof typeof USED] ?? USED.expired),
  );
}

/**
 * Claims the person's answers to the writes waiting in the conversation's last message: every one of them must be
 * answered, each by its owner, while still pending and unexpired. All or none: the claims share one transaction.
 */
export async function claimApprovals(
  db: Db,
  viewer: Viewer,
  conversationId: string,
  lastMessageId: string | undefined,
  answers: ApprovalAnswer[],
  now: Date,
  validate?: ValidateWrite,
): Promise<ClaimedAction[]> {
  // Waiting too long closes the write rather than letting a stale card through.
  await db
    .update(copilotPendingAction)
    .set({
      status: "expired" satisfies PendingActionStatus,
      decidedAt: now,
      reason: "Expired before it was answered; nothing was written.",
    })
    .where(
      and(
        ownedBy(viewer, conversationId),
        eq(copilotPendingAction.status, "pending"),
        lte(copilotPendingAction.expiresAt, now),
      ),
    );
  const pending = await db
    .select()
    .from(copilotPendingAction)
    .where(and(ownedBy(viewer, conversationId), eq(copilotPendingAction.status, "pending")));
  const waiting = pending.filter((row) => row.messageId === lastMessageId);

  const chosen: { row: ClaimedAction; answer: ApprovalAnswer; corrected?: unknown }[] = [];
  for (const answer of answers) {
    const row = waiting.find(matches(answer));
    if (!row) throw await refusal(db, viewer, conversationId, answer);
    if (chosen.some((c) => c.row.id === row.id)) throw new DomainError("BAD_REQUEST", "Answer each write once.");
    // Approved with corrections: what runs is the corrected write, if the tool's own schema accepts it.
    let corrected: unknown;
    if (answer.approved && answer.input && !sameJson(answer.input, row.input)) {
      if (!validate) throw new DomainError("BAD_REQUEST", "Corrections cannot be checked here; nothing was written.");
      const checked = await validate(row.toolName, answer.input);
      if (!checked.ok) throw new DomainError("BAD_REQUEST", `Not saved: ${checked.message} Nothing was written.`);
      corrected = checked.value;
    }
    chosen.push({ row, answer, corrected });
  }
  const unanswered = waiting.filter((row) => !chosen.some((c) => c.row.id === row.id));
  if (unanswered.length > 0) {
    throw new DomainError(
      "BAD_REQUEST",
      `Answer every write waiting in this message at once (${waiting.length} waiting: ${waiting.map((r) => r.toolCallId).join(", ")}).`,
    );
  }

  return db.transaction(async (tx) => {
    const claimed: ClaimedAction[] = [];
    for (const { row, answer, corrected } of chosen) {
      const [won] = await tx
        .update(copilotPendingAction)
        .set({
          status: (answer.approved ? "approved" : "rejected") satisfies PendingActionStatus,
          decidedAt: now,
          reason: answer.reason ?? null,
          ...(corrected !== undefined ? { input: corrected, proposedInput: row.input } : {}),
        })
        .where(
          and(
            eq(copilotPendingAction.id, row.id),
            ownedBy(viewer, conversationId),
            eq(copilotPendingAction.status, "pending"),
            gt(copilotPendingAction.expiresAt, now),
          ),
        )
        .returning();
      // Someone (another window, a replayed request) answered it between our read and this update.
      if (!won) throw new DomainError("CONFLICT", USED.approved);
      claimed.push(won);
    }
    return claimed;
  });
}

export async function noteDecidedTurn(db: Db, ids: string[], turnId: string): Promise<void> {
  if (ids.length > 0)
    await db.update(copilotPendingAction).set({ decidedTurnId: turnId }).where(inArray(copilotPendingAction.id, ids));
}

/** The statuses the write tools report when they wrote what was approved. */
const SUCCESS = new Set(["logged", "created", "completed", "rescheduled", "recorded", "updated"]);

/** The row a write tool created or changed, for the record (interaction, task, consent record; an account's NPI). */
function resultRefOf(output: unknown): string | null {
  const o = output as {
    interaction?: { id?: unknown };
    task?: { id?: unknown };
    consent?: { id?: unknown };
    account?: { npi?: unknown };
  } | null;
  const id = o?.interaction?.id ?? o?.task?.id ?? o?.consent?.id ?? o?.account?.npi;
  return typeof id === "string" ? id : null;
}

/**
 * Wraps each approval tool so that it can only run a claimed, approved action, and then runs that action's stored
 * input — never the input carried by a message. Its outcome moves the row approved → executed (or failed), once.
 */
export function gateWrites<TOOLS extends ToolSet>(
  db: Db,
  tools: TOOLS,
  approved: readonly ClaimedAction[],
  now: () => Date,
): TOOLS {
  const gated: ToolSet = { ...tools };
  for (const name of approvalToolNames(tools)) {
    const tool = tools[name]!;
    const execute = tool.execute;
    if (!execute) continue;
    gated[name] = {
      ...tool,
      execute: async (_input: unknown, options: Parameters<typeof execute>[1]) => {
        const action = approved.find(
          (a) => a.toolName === name && a.toolCallId === options.toolCallId && a.status === "approved",
        );
        if (!action)
          return {
            status: "invalid",
            message: "This write was not approved in this conversation, so nothing was written.",
          };
        const checked = await asSchema(tool.inputSchema).validate?.(action.input);
        if (!checked?.success) {
          await finish(db, action.id, "failed", { status: "invalid" }, null, now());
          return {
            status: "invalid",
            message: "The approved write no longer fits what this tool accepts, so nothing was written.",
          };
        }
        let output: unknown;
        try {
          output = await execute(checked.value, options);
        } catch (error) {
          await finish(db, action.id, "failed", { status: "error" }, null, now());
          throw error;
        }
        const status = (output as { status?: unknown } | null)?.status;
        const ok = typeof status === "string" && SUCCESS.has(status);
        const message = (output as { message?: unknown } | null)?.message;
        await finish(
          db,
          action.id,
          ok ? "executed" : "failed",
          { status, ...(!ok && typeof message === "string" ? { message } : {}) },
          resultRefOf(output),
          now(),
        );
        return output;
      },
    } as typeof tool;
  }
  return gated as TOOLS;
}

async function finish(
  db: Db,
  id: string,
  status: "executed" | "failed",
  result: object,
  resultRef: string | null,
  at: Date,
) {
  await db
    .update(copilotPendingAction)
    .set({ status, result, resultRef, executedAt: at })
    .where(and(eq(copilotPendingAction.id, id), eq(copilotPendingAction.status, "approved")));
}
