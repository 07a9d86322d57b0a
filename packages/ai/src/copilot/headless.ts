// Helpers for running copilot turns outside the browser (tests, the CLI): messages as the chat sends them, a turn
// read to its end, and the text of an answer.
import { randomUUID } from "node:crypto";
import type { CopilotTurn, CopilotTurnOutcome } from "./run-copilot-turn";
import type { CopilotUIMessage } from "./types";

export { answerApprovals } from "./approvals";

export function userMessage(text: string): CopilotUIMessage {
  return { id: `user-${randomUUID()}`, role: "user", parts: [{ type: "text", text }] };
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

/** The text of a message's text parts, joined. */
export const textOf = (message: CopilotUIMessage) =>
  message.parts
    .map((p) => (p.type === "text" ? p.text : ""))
    .join("")
    .trim();
