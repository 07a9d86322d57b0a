// How a copilot_turn row reads in the audit screen and its exports. The row's JSON columns are written by the turn
// runner; they are read leniently here (unknown keys kept, odd entries shown as they are) because an audit view
// must never hide a record it cannot fully parse.
import { z } from "zod";
import type { copilotTurn } from "@pharmacrm/db";
import { csvDocument } from "./csv";

export const EXPORT_LIMIT = 10_000;

// As the turn runner records it: { toolCallId, name, input, state, output (a one-line summary), approval }.
const toolCallSchema = z.looseObject({
  name: z.string().optional(),
  input: z.unknown().optional(),
  state: z.string().nullish(),
  output: z.string().nullish(),
  approval: z.looseObject({ approved: z.boolean().nullish(), reason: z.string().nullish() }).nullish(),
});

const confidenceSchema = z.looseObject({ confidence: z.number().nullish() });

export interface AuditToolCall {
  name: string;
  input: unknown;
  /** true / false when the user answered an approval request; null when none was needed (or it is still open). */
  approved: boolean | null;
  /** Whether an approval was asked for at all. */
  needsApproval: boolean;
  /** The part's state at the end of the turn, e.g. output-available, approval-requested, output-denied. */
  state: string | null;
  /** One line on what the tool returned. */
  output: string | null;
  /** The entry as recorded (output summary and anything else the runner kept). */
  recorded: unknown;
}

export interface AuditTurn {
  id: string;
  startedAt: Date;
  finishedAt: Date | null;
  userId: string;
  userName: string;
  userEmail: string;
  conversationId: string | null;
  provider: string;
  modelId: string;
  inputHash: string;
  status: string;
  error: string | null;
  tools: AuditToolCall[];
  confidences: unknown[];
}

function toolCallOf(entry: unknown): AuditToolCall {
  const parsed = toolCallSchema.safeParse(entry);
  if (!parsed.success) return { name: "(unreadable entry)", input: null, approved: null, needsApproval: false, state: null, output: null, recorded: entry };
  const { name, input, state, output, approval } = parsed.data;
  return {
    name: name ?? "(unnamed)",
    input: input ?? null,
    approved: approval?.approved ?? null,
    needsApproval: Boolean(approval),
    state: state ?? null,
    output: output ?? null,
    recorded: entry,
  };
}

export function auditTurnOf(row: { turn: typeof copilotTurn.$inferSelect; userName: string; userEmail: string }): AuditTurn {
  const { turn } = row;
  return {
    id: turn.id,
    startedAt: turn.startedAt,
    finishedAt: turn.finishedAt,
    userId: turn.userId,
    userName: row.userName,
    userEmail: row.userEmail,
    conversationId: turn.conversationId,
    provider: turn.provider,
    modelId: turn.modelId,
    inputHash: turn.inputHash,
    status: turn.status,
    error: turn.error,
    tools: Array.isArray(turn.toolCalls) ? turn.toolCalls.map(toolCallOf) : [],
    confidences: Array.isArray(turn.confidences) ? turn.confidences : [],
  };
}

/** "logInteraction (approved)", "createTask (rejected)", "createTask (awaiting approval)", "searchPhysicians". */
export function toolSummary(call: Pick<AuditToolCall, "name" | "approved" | "needsApproval">): string {
  if (call.approved === true) return `${call.name} (approved)`;
  if (call.approved === false) return `${call.name} (rejected)`;
  return call.needsApproval ? `${call.name} (awaiting approval)` : call.name;
}

export function confidenceValues(confidences: unknown[]): number[] {
  return confidences.flatMap((c) => {
    const parsed = confidenceSchema.safeParse(c);
    return parsed.success && typeof parsed.data.confidence === "number" ? [parsed.data.confidence] : [];
  });
}

const CSV_HEADER = [
  "started_at", "finished_at", "user_email", "user_name", "conversation_id", "provider", "model_id", "input_hash",
  "status", "error", "tools", "approvals", "confidences", "tool_calls_json",
];

export function toCsv(turns: AuditTurn[]): string {
  return csvDocument(
    CSV_HEADER,
    turns.map((t) => [
      t.startedAt.toISOString(),
      t.finishedAt?.toISOString() ?? "",
      t.userEmail,
      t.userName,
      t.conversationId ?? "",
      t.provider,
      t.modelId,
      t.inputHash,
      t.status,
      t.error ?? "",
      t.tools.map((c) => c.name).join("; "),
      t.tools.filter((c) => c.needsApproval).map(toolSummary).join("; "),
      confidenceValues(t.confidences).join("; "),
      JSON.stringify(t.tools.map((c) => c.recorded)),
    ]),
  );
}
