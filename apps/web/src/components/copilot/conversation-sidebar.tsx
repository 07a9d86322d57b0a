"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { messageOf, useTRPC } from "~/trpc/react";
import { MessagesSquare, Plus, Search } from "lucide-react";
import { useDeferredValue, useState } from "react";

import { Button, EmptyState, ErrorState, Input, Skeleton } from "@pharmacrm/ui";

import { ConversationItem } from "./conversation-item";

/** The signed-in user's saved conversations: search, open, rename, delete, and start a new one. */
export function ConversationSidebar({
  activeId,
  onOpen,
  onNew,
  onDeleted,
}: {
  activeId: string;
  onOpen: (id: string) => void;
  onNew: () => void;
  onDeleted: (id: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const list = useQuery(trpc.conversation.list.queryOptions({ search: deferred || undefined, limit: 100 }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.conversation.list.pathKey() });
  const rename = useMutation(trpc.conversation.rename.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(
    trpc.conversation.delete.mutationOptions({
      onSuccess: ({ id }) => onDeleted(id),
      onSettled: refresh,
    }),
  );
  const mutationError = rename.error ?? remove.error;

  return (
    <aside
      className="flex min-h-0 flex-col border-r border-slate-200 bg-slate-50/60"
      aria-label="Conversations"
      data-testid="conversation-sidebar"
    >
      <div className="grid gap-2 p-3">
        <Button variant="secondary" onClick={onNew} title="New chat (Ctrl/⌘+K)" data-testid="new-chat">
          <Plus /> New chat
        </Button>
        <div className="relative">
          <Search
            className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-slate-400"
            aria-hidden
          />
          <Input
            type="search"
            aria-label="Search conversations"
            placeholder="Search conversations"
            value={search}
            maxLength={200}
            onChange={(e) => setSearch(e.target.value)}
            className="h-8 pl-8 text-sm"
          />
        </div>
      </div>
      {mutationError ? (
        <p role="alert" className="mx-3 mb-2 rounded bg-red-50 px-2 py-1 text-xs text-red-700">
          {messageOf(mutationError)}
        </p>
      ) : null}
      <nav className="min-h-0 flex-1 overflow-y-auto px-2 pb-3">
        {list.isPending ? (
          <div className="grid gap-2 px-1" aria-label="Loading conversations">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} className="h-7" />
            ))}
          </div>
        ) : list.isError ? (
          <ErrorState
            title="Could not load your conversations"
            message={messageOf(list.error)}
            onRetry={() => void list.refetch()}
            className="py-6"
          />
        ) : list.data.items.length === 0 ? (
          <EmptyState
            icon={<MessagesSquare />}
            title={deferred ? "No conversation matches" : "No conversations yet"}
            description={
              deferred
                ? "Try other words from the title or from what was said."
                : "Your chats are saved here as you go."
            }
            className="py-6"
          />
        ) : (
          <ul className="grid grid-cols-[minmax(0,1fr)] gap-0.5">
            {list.data.items.map((c) => (
              <li key={c.id}>
                <ConversationItem
                  conversation={c}
                  active={c.id === activeId}
                  pending={remove.isPending}
                  onOpen={() => onOpen(c.id)}
                  onRename={(title) => rename.mutate({ id: c.id, title })}
                  onDelete={() => remove.mutate({ id: c.id })}
                />
              </li>
            ))}
          </ul>
        )}
      </nav>
    </aside>
  );
}
