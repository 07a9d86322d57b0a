import { describe, expect, it } from "vitest";

import {
  chatRequestBody,
  closeWaitingApprovals,
  MOVED_ON,
  reopenRefusedApprovals,
  withCorrectedInput,
} from "./chat-request-body";
import type { CopilotUIMessage } from "./types";

const id = "7a1f7a2e-3b5c-4d6e-8f90-123456789abc";
const user = (messageId: string, text: string): CopilotUIMessage => ({
  id: messageId,
  role: "user",
  parts: [{ type: "text", text }],
});
const card = (state: "approval-requested" | "approval-responded", approved?: boolean): CopilotUIMessage =>
  ({
    id: "msg-1",
    role: "assistant",
    parts: [
      { type: "step-start" },
      {
        type: "tool-createTask",
        toolCallId: "call-1",
        state,
        input: { title: "Order brochures" },
        approval: { id: "appr-1", ...(approved === undefined ? {} : { approved, reason: "not now" }) },
      },
    ],
  }) as CopilotUIMessage;

describe("chatRequestBody", () => {
  it("sends the new message alone, never the history or the copilot's answers", () => {
    const history = [user("u-1", "log a call"), card("approval-requested"), user("u-2", "what can you do?")];
    expect(chatRequestBody({ id, messages: history, trigger: "submit-message", messageId: undefined })).toEqual({
      id,
      message: { id: "u-2", parts: [{ type: "text", text: "what can you do?" }] },
    });
  });

  it("sends an edit as the new text replacing that message", () => {
    expect(
      chatRequestBody({ id, messages: [user("u-1", "edited")], trigger: "submit-message", messageId: "u-1" }),
    ).toEqual({
      id,
      message: { id: "u-1", parts: [{ type: "text", text: "edited" }] },
      replaceFrom: "u-1",
    });
  });

  it("sends an approval with the write as the card shows it, corrections included, for the server to check", () => {
    const corrected = withCorrectedInput([user("u-1", "add a task"), card("approval-requested")], "appr-1", {
      title: "Order the new brochures",
    });
    const answered = corrected.map((m) =>
      m.role === "assistant"
        ? ({
            ...m,
            parts: m.parts.map((p) =>
              "approval" in p ? { ...p, state: "approval-responded", approval: { id: "appr-1", approved: true } } : p,
            ),
          } as CopilotUIMessage)
        : m,
    );
    expect(chatRequestBody({ id, messages: answered, trigger: "submit-message", messageId: "msg-1" })).toEqual({
      id,
      approvals: [{ toolCallId: "call-1", approved: true, input: { title: "Order the new brochures" } }],
    });
  });

  it("sends a rejection by tool call id, without the tool input", () => {
    const body = chatRequestBody({
      id,
      messages: [user("u-1", "add a task"), card("approval-responded", false)],
      trigger: "submit-message",
      messageId: "msg-1",
    });
    expect(body).toEqual({ id, approvals: [{ toolCallId: "call-1", approved: false, reason: "not now" }] });
    expect(JSON.stringify(body)).not.toContain("Order brochures");
  });

  it("asks the server to regenerate", () => {
    expect(
      chatRequestBody({ id, messages: [user("u-1", "help")], trigger: "regenerate-message", messageId: "msg-1" }),
    ).toEqual({ id, regenerate: true });
  });
});

describe("closeWaitingApprovals", () => {
  it("closes the cards nobody answered, as the server does when the person moves on", () => {
    const [closed] = closeWaitingApprovals([card("approval-requested")]);
    expect(closed!.parts[1]).toMatchObject({
      state: "output-denied",
      approval: { id: "appr-1", approved: false, reason: MOVED_ON },
    });
  });
});

describe("reopenRefusedApprovals", () => {
  it("opens an answered card again, with the person's correction, when the server refused the answer", () => {
    const answered = withCorrectedInput([card("approval-requested")], "appr-1", { title: "Order leaflets" });
    const sent = answered.map((m) => ({
      ...m,
      parts: m.parts.map((p) =>
        p.type === "tool-createTask"
          ? { ...p, state: "approval-responded", approval: { id: "appr-1", approved: true } }
          : p,
      ),
    })) as CopilotUIMessage[];
    const [open] = reopenRefusedApprovals(sent);
    expect(open!.parts[1]).toEqual({
      type: "tool-createTask",
      toolCallId: "call-1",
      state: "approval-requested",
      input: { title: "Order leaflets" },
      approval: { id: "appr-1" },
    });
  });

  it("leaves the messages alone when no answer was waiting on the server", () => {
    const messages = [user("u-1", "hello"), card("approval-requested")];
    expect(reopenRefusedApprovals(messages)).toBe(messages);
    const asked = [card("approval-responded", true), user("u-2", "next")];
    expect(reopenRefusedApprovals(asked)).toBe(asked);
  });
});
