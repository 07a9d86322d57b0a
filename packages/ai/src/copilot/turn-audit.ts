// The copilot_turn audit record: opened when a turn starts (provider, model, input hash), finished once with the
// tools called (inputs, output summaries, approvals), the NBA confidences shown, the status and any error. The
// database refuses any change to a finished row.
import { createHash } from "node:crypto";
import { isToolUIPart, type UIMessage } from "ai";
import { eq } from "drizzle-orm";

import { copilotTurn, type Db } from "@pharmacrm/db";
import type { Viewer } from "@pharmacrm/domain";

import { confidencesOf, summarizeToolOutput, type NbaConfidence } from "./tool-summary";

export type TurnStatus = "running" | "finished" | "needs_approval" | "error" | "aborted";

export interface RecordedToolCall {
  toolCallId: string;
  name: string;
  input: unknown;
  /** The part's state at the end of the turn: output-available, approval-requested, output-denied … */
  state: string;
  output: string | null;
  approval: { id: string; approved: boolean | null; reason: string | null } | null;
}

/** SHA-256 of exactly what the model was given. */
export function inputHash(instructions: string, modelMessages: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify({ instructions, messages: modelMessages }))
    .digest("hex");
}

export async function openTurn(
  db: Db,
  viewer: Viewer,
  values: { conversationId: string; provider: string; modelId: string; inputHash: string },
): Promise<string> {
  const [row] = await db
    .insert(copilotTurn)
    .values({ orgId: viewer.orgId, userId: viewer.userId, ...values, status: "running" satisfies TurnStatus })
    .returning({ id: copilotTurn.id });
  return row!.id;
}

export async function finishTurn(
  db: Db,
  turnId: string,
  values: {
    status: TurnStatus;
    modelId?: string;
    toolCalls: RecordedToolCall[];
    confidences: NbaConfidence[];
    error: string | null;
  },
): Promise<void> {
  await db
    .update(copilotTurn)
    .set({ ...values, finishedAt: new Date() })
    .where(eq(copilotTurn.id, turnId));
}

type ToolPart = Extract<UIMessage["parts"][number], { toolCallId: string }>;

const stateKey = (part: ToolPart) => `${part.toolCallId}:${part.state}`;

/** The tool calls this turn made or moved on (an approval resolved), not those already finished before it. */
export function toolCallsOfTurn(before: UIMessage | undefined, after: UIMessage): RecordedToolCall[] {
  const seen = new Set((before?.parts ?? []).filter(isToolUIPart).map((p) => stateKey(p as ToolPart)));
  return after.parts
    .filter(isToolUIPart)
    .map((p) => p as ToolPart)
    .filter((part) => !seen.has(stateKey(part)))
    .map((part) => {
      const name =
        part.type === "dynamic-tool" ? (part as { toolName: string }).toolName : part.type.slice("tool-".length);
      const approval = part.approval
        ? { id: part.approval.id, approved: part.approval.approved ?? null, reason: part.approval.reason ?? null }
        : null;
      const output =
        part.state === "output-available"
          ? summarizeToolOutput(name, part.output)
          : part.state === "output-error"
            ? `error: ${part.errorText}`
            : null;
      return { toolCallId: part.toolCallId, name, input: part.input ?? null, state: part.state, output, approval };
    });
}

export function confidencesOfTurn(before: UIMessage | undefined, after: UIMessage): NbaConfidence[] {
  const seen = new Set((before?.parts ?? []).filter(isToolUIPart).map((p) => p.toolCallId));
  return after.parts
    .filter(isToolUIPart)
    .filter((part) => !seen.has(part.toolCallId) && part.state === "output-available")
    .flatMap((part) => confidencesOf(part.type.slice("tool-".length), part.output));
}
