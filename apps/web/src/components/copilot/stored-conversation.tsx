"use client";

import { useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { messageOf, useTRPC } from "~/trpc/react";
import { MessageSquareOff } from "lucide-react";

import { Button, ErrorState, Skeleton } from "@pharmacrm/ui";

import { CopilotChat, type CopilotChatProps } from "./copilot-chat";
import type { CopilotUIMessage } from "./types";

/** A saved conversation, read fresh each time it is opened (the chat owns its messages once it is mounted). */
export function StoredConversation({
  onNew,
  ...chat
}: Omit<CopilotChatProps, "initialMessages"> & { onNew: () => void }) {
  const trpc = useTRPC();
  const stored = useQuery(trpc.conversation.get.queryOptions({ id: chat.id }, { gcTime: 0, staleTime: 0 }));
  if (stored.isPending) {
    return (
      <div className="mx-auto grid w-full max-w-3xl gap-4 px-4 py-6" aria-label="Loading the conversation">
        <Skeleton className="ml-auto h-9 w-1/2" />
        <Skeleton className="h-24 w-full" />
        <Skeleton className="ml-auto h-9 w-1/3" />
      </div>
    );
  }
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
