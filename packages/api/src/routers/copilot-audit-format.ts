// How a copilot turn (AuditTurn, read from copilot_turn by @pharmacrm/domain) reads in the audit screen's exports.
import { z } from "zod";

import type { AuditToolCall, AuditTurn } from "@pharmacrm/domain";

import { csvDocument } from "./csv";

const confidenceSchema = z.looseObject({ confidence: z.number().nullish() });

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
  "started_at",
  "finished_at",
  "user_email",
  "user_name",
  "conversation_id",
  "provider",
  "model_id",
  "input_hash",
  "status",
  "error",
  "tools",
  "approvals",
  "confidences",
  "tool_calls_json",
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
      t.tools
        .filter((c) => c.needsApproval)
        .map(toolSummary)
        .join("; "),
      confidenceValues(t.confidences).join("; "),
      JSON.stringify(t.tools.map((c) => c.recorded)),
    ]),
  );
}
