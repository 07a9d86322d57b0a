"use client";

import { useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { messageOf, useTRPC } from "~/trpc/react";
import { MessageSquareOff } from "lucide-react";
import { useEffect } from "react";

import { Button, ErrorState } from "@pharmacrm/ui";

import { ConversationLoading } from "./chat-states";
import { CopilotChat, preloadChat, type CopilotChatProps } from "./copilot-chat";
import type { CopilotUIMessage } from "./types";

/** A saved conversation, read fresh each time it is opened (the chat owns its messages once it is mounted). */
export function StoredConversation({
  onNew,
  ...chat
}: Omit<CopilotChatProps, "initialMessages"> & { onNew: () => void }) {
  const trpc = useTRPC();
  const stored = useQuery(trpc.conversation.get.queryOptions({ id: chat.id }, { gcTime: 0, staleTime: 0 }));
  // The chat and its markdown load while the conversation is read, not after.
  useEffect(preloadChat, []);
  if (stored.isPending) return <ConversationLoading />;
  if (stored.isError) {
    const missing =
      stored.error instanceof TRPCClientError &&
      (stored.error.data as { code?: string } | undefined)?.code === "NOT_FOUND";
    return (
      <ErrorState
        icon={<MessageSquareOff />}
        title={missing ? "This conversation is not here" : "Could not open the conversation"}
        message={
          <>
            <span>{messageOf(stored.error)}</span>
            <Button variant="link" size="sm" className="mt-1 block" onClick={onNew}>
              Start a new chat
            </Button>
          </>
        }
        onRetry={missing ? undefined : () => void stored.refetch()}
        className="flex-1"
      />
    );
  }
  return <CopilotChat {...chat} initialMessages={stored.data.messages as CopilotUIMessage[]} />;
}
