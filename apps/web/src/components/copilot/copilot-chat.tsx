"use client";

import { Suspense, use, useEffect, useState, type RefObject } from "react";

import { ChatInput } from "./chat-input";
import { ChatFrame, MessageColumn } from "./chat-layout";
import { ConversationLoading, EmptyConversation, Working } from "./chat-states";
import { loadOnce } from "./load-once";
import { preloadMarkdown } from "./markdown";
import type { SuggestedPrompt } from "./suggested-prompts";
import type { CopilotUIMessage } from "./types";
import { UserMessage } from "./user-message";

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

/** A question asked before the chat had loaded; `focusInput`: it was typed, so the input keeps the focus. */
export interface FirstQuestion {
  text: string;
  focusInput: boolean;
}

// The chat (the AI SDK, the cards, zod's stream checks) is not needed to show an empty chat: a new chat renders its
// suggestions and input at once and loads the chat when the person heads for it (a pointer over it, the focus in
// it) or, at the latest, when they ask.
const loadLiveChat = loadOnce(() => import("./live-chat"));

/** Starts loading the chat and the answers' markdown (no-ops once loaded). */
export function preloadChat() {
  void loadLiveChat();
  preloadMarkdown();
}

function LiveChat(props: CopilotChatProps & { firstMessage?: FirstQuestion }) {
  const { default: Chat } = use(loadLiveChat());
  return <Chat {...props} />;
}

export function CopilotChat({ inputRef, ...props }: CopilotChatProps) {
  const [first, setFirst] = useState<FirstQuestion | null>(null);
  if (props.initialMessages.length === 0 && !first) {
    return (
      <ChatFrame
        onPointerEnter={preloadChat}
        onFocus={preloadChat}
        input={
          <ChatInput
            ref={inputRef}
            busy={false}
            onSend={(text) => setFirst({ text, focusInput: document.activeElement === inputRef.current })}
            onStop={() => undefined}
          />
        }
      >
        <EmptyConversation
          prompts={props.prompts}
          onPick={(text) => setFirst({ text, focusInput: false })}
          providerLabel={props.providerLabel}
        />
      </ChatFrame>
    );
  }
  return (
    <Suspense
      fallback={
        first ? (
          <FirstQuestionPending text={first.text} inputRef={inputRef} onCancel={() => setFirst(null)} />
        ) : (
          <ConversationLoading />
        )
      }
    >
      <LiveChat {...props} inputRef={inputRef} firstMessage={first ?? undefined} />
    </Suspense>
  );
}

/**
 * Asked before the chat had loaded: the question and "Thinking…", as the chat shows them once it has sent it.
 * Stop (or Esc) takes it back: nothing was sent.
 */
function FirstQuestionPending({
  text,
  inputRef,
  onCancel,
}: {
  text: string;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  onCancel: () => void;
}) {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === "Escape") onCancel();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onCancel]);
  return (
    <ChatFrame input={<ChatInput ref={inputRef} busy onSend={() => undefined} onStop={onCancel} />}>
      <MessageColumn>
        <UserMessage
          message={{ id: "pending", role: "user", parts: [{ type: "text", text }] }}
          canEdit={false}
          onEdit={() => undefined}
        />
        <Working progressKey="pending" onStop={onCancel} />
      </MessageColumn>
    </ChatFrame>
  );
}
