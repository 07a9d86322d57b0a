"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, lastAssistantMessageIsCompleteWithApprovalResponses } from "ai";
import { useEffect, useEffectEvent, useMemo, useRef, useState } from "react";

import { ChatInput } from "./chat-input";
import { ChatFrame, MessageColumn } from "./chat-layout";
import { AssistantMessage } from "./chat-message";
import {
  chatRequestBody,
  closeWaitingApprovals,
  reopenRefusedApprovals,
  withCorrectedInput,
} from "./chat-request-body";
import { ApprovalRefused, EmptyConversation, errorCode, ModelError, Working } from "./chat-states";
import type { CopilotChatProps, FirstQuestion } from "./copilot-chat";
import type { CopilotUIMessage } from "./types";
import { UserMessage } from "./user-message";

/**
 * The chat itself (the AI SDK's useChat, the messages and their cards), loaded by CopilotChat once there is a
 * conversation to show. `firstMessage`: the question asked before this had loaded, sent as soon as it mounts.
 */
export default function LiveChat({
  id,
  initialMessages,
  prompts,
  providerLabel,
  inputRef,
  onStarted,
  onTurnEnded,
  firstMessage,
}: CopilotChatProps & { firstMessage?: FirstQuestion }) {
  // Only the new message, the approval answers or "regenerate" go to the server; it keeps the conversation.
  const transport = useMemo(
    () =>
      new DefaultChatTransport<CopilotUIMessage>({
        api: "/api/chat",
        prepareSendMessagesRequest: (request) => ({ body: chatRequestBody(request) }),
      }),
    [],
  );
  const whenFailed = useRef<(error: Error) => void>(undefined);
  const { messages, setMessages, sendMessage, regenerate, stop, status, error, clearError, addToolApprovalResponse } =
    useChat<CopilotUIMessage>({
      id,
      messages: initialMessages,
      transport,
      // After the person approves or rejects a write, the answer goes back to the server to continue the turn.
      sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
      onFinish: onTurnEnded,
      onError: (failed) => {
        onTurnEnded();
        whenFailed.current?.(failed);
      },
    });
  const busy = status === "submitted" || status === "streaming";
  const endRef = useRef<HTMLDivElement>(null);

  // Answers to the cards that the server refused as invalid (nothing written): the cards open again, with the
  // reason. A card answered elsewhere or expired (CONFLICT) stays closed and the error says why.
  const [refused, setRefused] = useState<Error | null>(null);
  useEffect(() => {
    whenFailed.current = (failed) => {
      const reopened = reopenRefusedApprovals(messages);
      if (errorCode(failed) !== "BAD_REQUEST" || reopened === messages) return;
      setMessages(reopened);
      setRefused(failed);
    };
  });

  const last = messages.at(-1);
  const progressKey = `${messages.length}:${last?.parts.length ?? 0}:${JSON.stringify(last?.parts.at(-1) ?? null).length}`;
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: "end" });
  }, [progressKey]);

  // Esc stops an answer in progress wherever the focus is (a prompt button, a card, the input).
  useEffect(() => {
    if (!busy) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === "Escape") void stop();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [busy, stop]);

  const send = (text: string, messageId?: string) => {
    if (messages.length === 0) onStarted();
    clearError();
    setRefused(null);
    // Moving on without answering a pending write closes it (the server does the same): it can no longer be approved.
    setMessages(closeWaitingApprovals);
    void sendMessage(messageId ? { text, messageId } : { text });
  };

  // Once per chat (a ref, not state: Strict Mode runs mount effects twice in development).
  const firstSent = useRef(false);
  const sendFirst = useEffectEvent(() => {
    if (!firstMessage || firstSent.current) return;
    firstSent.current = true;
    send(firstMessage.text);
    if (firstMessage.focusInput) inputRef.current?.focus();
  });
  useEffect(() => {
    sendFirst();
  }, []);

  const waitingForApproval =
    last?.role === "assistant" && last.parts.some((p) => "state" in p && p.state === "approval-requested");

  return (
    <ChatFrame
      input={
        <>
          {waitingForApproval && !busy ? (
            <p className="mb-2 text-xs font-medium text-amber-700" data-testid="awaiting-approval">
              Approve or reject the pending write above. Sending a new message instead leaves it unwritten.
            </p>
          ) : null}
          <ChatInput ref={inputRef} busy={busy} onSend={send} onStop={() => void stop()} />
        </>
      }
    >
      {messages.length === 0 ? (
        <EmptyConversation prompts={prompts} onPick={send} providerLabel={providerLabel} />
      ) : (
        <MessageColumn>
          {messages.map((message, i) =>
            message.role === "user" ? (
              <UserMessage
                key={message.id}
                message={message}
                canEdit={!busy}
                onEdit={(text) => send(text, message.id)}
              />
            ) : (
              <AssistantMessage
                key={message.id}
                message={message}
                isLast={i === messages.length - 1}
                busy={busy}
                onRegenerate={() => void regenerate({ messageId: message.id })}
                onApproval={(approvalId, approved, corrected) => {
                  // A write corrected on its card goes back with the approval as the part's input.
                  if (corrected) setMessages(withCorrectedInput(messages, approvalId, corrected));
                  setRefused(null);
                  clearError();
                  void addToolApprovalResponse({ id: approvalId, approved });
                }}
              />
            ),
          )}
          {busy ? <Working progressKey={progressKey} onStop={() => void stop()} /> : null}
          {refused && !busy ? <ApprovalRefused error={refused} /> : null}
          {error && !refused ? <ModelError error={error} onRetry={() => void regenerate()} /> : null}
          <div ref={endRef} />
        </MessageColumn>
      )}
    </ChatFrame>
  );
}
