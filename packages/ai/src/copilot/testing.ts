// Test helpers for copilot turns: messages as the chat sends them, a turn read to its end, and an approval answer
// added to the last assistant message the way useChat's addToolApprovalResponse does.
import type { CopilotTurn, CopilotTurnOutcome } from "./run-copilot-turn";
import type { CopilotUIMessage } from "./types";

let counter = 0;

export function userMessage(text: string): CopilotUIMessage {
  counter++;
  return { id: `user-${counter}`, role: "user", parts: [{ type: "text", text }] };
}

/** Reads the UI stream to the end (as the browser would) and returns the recorded outcome. */
export async function readTurn(turn: CopilotTurn | Promise<CopilotTurn>): Promise<CopilotTurnOutcome & { chunks: unknown[]; conversationId: string; turnId: string }> {
  const t = await turn;
  const chunks: unknown[] = [];
  const reader = t.stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return { ...(await t.finished), chunks, conversationId: t.conversationId, turnId: t.turnId };
}

/** The conversation with every pending approval in the last message answered. */
export function answerApprovals(messages: readonly CopilotUIMessage[], approved: boolean, reason?: string): CopilotUIMessage[] {
  const last = messages.at(-1)!;
  const parts = last.parts.map((part) =>
    "state" in part && part.state === "approval-requested"
      ? { ...part, state: "approval-responded" as const, approval: { ...part.approval, approved, ...(reason ? { reason } : {}) } }
      : part,
  );
  return [...messages.slice(0, -1), { ...last, parts } as CopilotUIMessage];
}

/** The text of a message's text parts, joined. */
export const textOf = (message: CopilotUIMessage) =>
  message.parts
    .map((p) => (p.type === "text" ? p.text : ""))
    .join("")
    .trim();
