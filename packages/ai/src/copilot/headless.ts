// Helpers for running copilot turns outside the browser (tests, the CLI): the requests the chat sends, a turn read
// to its end, and the text of an answer.
import { randomUUID } from "node:crypto";

import type { CopilotTurnRequest } from "./chat-request";
import { isAwaitingApproval } from "./pending-actions";
import type { CopilotTurn, CopilotTurnOutcome } from "./run-copilot-turn";
import type { CopilotUIMessage } from "./types";

/** A new message from the person, as the chat sends it. */
export function ask(text: string, id = `user-${randomUUID()}`): Extract<CopilotTurnRequest, { kind: "message" }> {
  return { kind: "message", message: { id, parts: [{ type: "text", text }] } };
}

/** The person's answer to every write waiting in the message, the way the chat's approval cards send it. */
export function answerAll(
  message: CopilotUIMessage,
  approved: boolean,
  reason?: string,
): Extract<CopilotTurnRequest, { kind: "approvals" }> {
  return {
    kind: "approvals",
    approvals: pendingWrites(message).map((part) => ({
      toolCallId: part.toolCallId,
      approved,
      ...(reason ? { reason } : {}),
    })),
  };
}

/** The write tool calls waiting for the person's answer. */
export const pendingWrites = (message: CopilotUIMessage) => message.parts.filter(isAwaitingApproval);

/** Reads the UI stream to the end (as the browser would) and returns the recorded outcome. */
export async function readTurn(
  turn: CopilotTurn | Promise<CopilotTurn>,
): Promise<CopilotTurnOutcome & { chunks: unknown[]; conversationId: string; turnId: string }> {
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

/** The text of a message's text parts, one paragraph each. */
export const textOf = (message: CopilotUIMessage) =>
  message.parts.flatMap((p) => (p.type === "text" && p.text.trim() ? [p.text.trim()] : [])).join("\n\n");
