// What the chat sends to /api/chat: only what the person just did — their new (or edited) message, their answers to
// the writes waiting for approval, or "answer again". The server holds the conversation and builds the transcript;
// the chat's copy of earlier messages (and of the copilot's tool calls) never leaves the browser.
import { isToolUIPart } from "ai";

import type { CopilotPart, CopilotUIMessage } from "./types";

export function chatRequestBody({
  id,
  messages,
  trigger,
  messageId,
}: {
  id: string;
  messages: CopilotUIMessage[];
  trigger: "submit-message" | "regenerate-message";
  messageId: string | undefined;
}): object {
  if (trigger === "regenerate-message") return { id, regenerate: true };
  const last = messages.at(-1);
  if (last?.role === "assistant") {
    // The approval cards were answered: send each answer, naming the tool call the server proposed.
    const approvals = last.parts.filter(isToolUIPart).flatMap((part) =>
      part.state === "approval-responded"
        ? [
            {
              toolCallId: part.toolCallId,
              approved: part.approval.approved,
              ...(part.approval.reason ? { reason: part.approval.reason } : {}),
              // What the card shows (as corrected by the person, if they did): the server checks it again.
              ...(part.approval.approved && part.input ? { input: part.input } : {}),
            },
          ]
        : [],
    );
    return { id, approvals };
  }
  const parts = (last?.parts ?? []).flatMap((part) =>
    part.type === "text" ? [{ type: "text", text: part.text }] : [],
  );
  const message = { id: last?.id, parts };
  // sendMessage({ text, messageId }) edits that message of the person's and drops what followed it.
  return messageId ? { id, message, replaceFrom: messageId } : { id, message };
}

/** Writes still waiting when the person moves on are closed by the server; the chat shows them closed too. */
export const MOVED_ON = "Not answered before the conversation moved on; nothing was written.";

export function closeWaitingApprovals(messages: CopilotUIMessage[]): CopilotUIMessage[] {
  return messages.map((message) =>
    message.parts.some((p) => isToolUIPart(p) && p.state === "approval-requested")
      ? {
          ...message,
          parts: message.parts.map((p) =>
            isToolUIPart(p) && p.state === "approval-requested"
              ? ({
                  ...p,
                  state: "output-denied",
                  approval: { id: p.approval.id, approved: false, reason: MOVED_ON },
                } as CopilotPart)
              : p,
          ),
        }
      : message,
  );
}

/** The messages with one waiting write's input replaced by the person's correction (by its approval id). */
export function withCorrectedInput(
  messages: CopilotUIMessage[],
  approvalId: string,
  input: Record<string, unknown>,
): CopilotUIMessage[] {
  return messages.map((message) => ({
    ...message,
    parts: message.parts.map((p) =>
      isToolUIPart(p) && p.state === "approval-requested" && p.approval.id === approvalId
        ? ({ ...p, input } as CopilotPart)
        : p,
    ),
  }));
}

/**
 * The server refused the answers to the last message's cards (a correction its tool would not accept, a card that
 * expired): nothing was written, so the cards open again, as corrected, for the person to fix, approve or reject.
 * Returns the same array when no card was waiting on the server.
 */
export function reopenRefusedApprovals(messages: CopilotUIMessage[]): CopilotUIMessage[] {
  const last = messages.at(-1);
  if (last?.role !== "assistant" || !last.parts.some((p) => isToolUIPart(p) && p.state === "approval-responded"))
    return messages;
  const parts = last.parts.map((p) =>
    isToolUIPart(p) && p.state === "approval-responded"
      ? ({ ...p, state: "approval-requested", approval: { id: p.approval.id } } as CopilotPart)
      : p,
  );
  return [...messages.slice(0, -1), { ...last, parts }];
}
