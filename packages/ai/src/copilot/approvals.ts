// Answering approval requests the way useChat's addToolApprovalResponse does: every pending approval in the last
// assistant message becomes "approval-responded" with the person's decision, ready to send back as the next turn.
import type { CopilotUIMessage } from "./types";

type Part = CopilotUIMessage["parts"][number];
type PendingPart = Extract<Part, { state: "approval-requested" }>;

export const isPendingApproval = (part: Part): part is PendingPart => "state" in part && part.state === "approval-requested";

export function answerApprovals(messages: readonly CopilotUIMessage[], approved: boolean, reason?: string): CopilotUIMessage[] {
  const last = messages.at(-1);
  if (!last) return [];
  const parts = last.parts.map((part) =>
    isPendingApproval(part) ? { ...part, state: "approval-responded" as const, approval: { ...part.approval, approved, ...(reason ? { reason } : {}) } } : part,
  );
  return [...messages.slice(0, -1), { ...last, parts } as CopilotUIMessage];
}
