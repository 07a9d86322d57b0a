"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, lastAssistantMessageIsCompleteWithApprovalResponses } from "ai";
import { useEffect, useMemo, useRef, type RefObject } from "react";

import { ChatInput } from "./chat-input";
import { AssistantMessage, UserMessage } from "./chat-message";
import { chatRequestBody, closeWaitingApprovals } from "./chat-request-body";
import { EmptyConversation, ModelError, Working } from "./chat-states";
import type { SuggestedPrompt } from "./suggested-prompts";
import type { CopilotUIMessage } from "./types";

export interface CopilotChatProps {
  /** The conversation id (a UUID); the chat endpoint saves the conversation under it. */
  id: string;
  initialMessages: CopilotUIMessage[];
  prompts: SuggestedPrompt[];
  providerLabel: string;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  /** The person sent their first message in this chat. */
  onStarted: () => void;
  /** A turn ended (answered, stopped or failed): the saved conversation changed. */
  onTurnEnded: () => void;
}

export function CopilotChat({
  id,
  initialMessages,
  prompts,
  providerLabel,
  inputRef,
  onStarted,
  onTurnEnded,
}: CopilotChatProps) {
  // Only the new message, the approval answers or "regenerate" go to the server; it keeps the conversation.
  const transport = useMemo(
    () =>
      new DefaultChatTransport<CopilotUIMessage>({
        api: "/api/chat",
        prepareSendMessagesRequest: (request) => ({ body: chatRequestBody(request) }),
      }),
    [],
  );
  const { messages, setMessages, sendMessage, regenerate, stop, status, error, clearError, addToolApprovalResponse } =
    useChat<CopilotUIMessage>({
      id,
      messages: initialMessages,
      transport,
      // After the person approves or rejects a write, the answer goes back to the server to continue the turn.
      sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
      onFinish: onTurnEnded,
      onError: onTurnEnded,
    });
  const busy = status === "submitted" || status === "streaming";
  const endRef = useRef<HTMLDivElement>(null);

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
    // Moving on without answering a pending write closes it (the server does the same): it can no longer be approved.
    setMessages(closeWaitingApprovals);
    void sendMessage(messageId ? { text, messageId } : { text });
  };

  const waitingForApproval =
    last?.role === "assistant" && last.parts.some((p) => "state" in p && p.state === "approval-requested");

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="min-h-0 min-w-0 flex-1 overflow-y-auto" data-testid="copilot-messages">
        {messages.length === 0 ? (
          <EmptyConversation prompts={prompts} onPick={send} providerLabel={providerLabel} />
        ) : (
          <div className="mx-auto grid max-w-3xl grid-cols-[minmax(0,1fr)] gap-5 px-4 py-6">
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
                  onApproval={(approvalId, approved) => void addToolApprovalResponse({ id: approvalId, approved })}
                />
              ),
            )}
            {busy ? <Working progressKey={progressKey} onStop={() => void stop()} /> : null}
            {error ? <ModelError error={error} onRetry={() => void regenerate()} /> : null}
            <div ref={endRef} />
          </div>
        )}
      </div>
      <div className="border-t border-slate-200 bg-white px-4 pt-3 pb-2">
        <div className="mx-auto max-w-3xl">
          {waitingForApproval && !busy ? (
            <p className="mb-2 text-xs font-medium text-amber-700" data-testid="awaiting-approval">
              Approve or reject the pending write above. Sending a new message instead leaves it unwritten.
            </p>
          ) : null}
          <ChatInput ref={inputRef} busy={busy} onSend={send} onStop={() => void stop()} />
        </div>
      </div>
    </div>
  );
}
