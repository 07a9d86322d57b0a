// The chat's message type, inferred from the copilot's own tools: each tool part carries its tool's input and
// output types, so a card cannot drift from what the tool returns.
import type { InferUITools, UIDataTypes, UIMessagePart } from "ai";

import type { CopilotTools, CopilotUIMessage, FigureSource, ToolFailure } from "@pharmacrm/ai";

export type CopilotUITools = InferUITools<CopilotTools>;
export type CopilotPart = UIMessagePart<UIDataTypes, CopilotUITools>;
export type ToolPartOf<NAME extends keyof CopilotUITools & string> = Extract<CopilotPart, { type: `tool-${NAME}` }>;

export type { CopilotUIMessage, FigureSource, ToolFailure };

const OK_STATUSES = new Set(["ok", "drafted", "logged", "created", "completed", "rescheduled", "recorded", "updated"]);

/** An expected failure the tool reported in words (not found, out of scope, no consent, …). */
export function isToolFailure(output: { status: string }): output is ToolFailure {
  return !OK_STATUSES.has(output.status);
}

/** "part_d_prescribing 2023 (release …)": where a figure came from, for the card's small print. */
export function sourceText(source: FigureSource): string {
  return [source.table, source.period, source.release ? `release ${source.release}` : null].filter(Boolean).join(" · ");
}
