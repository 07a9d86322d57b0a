"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { Cpu, PanelLeft } from "lucide-react";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";

import { Badge, Button, cn } from "@pharmacrm/ui";

import { ConversationSidebar } from "./conversation-sidebar";
import { CopilotChat } from "./copilot-chat";
import { newConversationId } from "./new-id";
import { StoredConversation } from "./stored-conversation";
import type { SuggestedPrompt } from "./suggested-prompts";

const PARAM = "c";

/**
 * The home screen: saved conversations on the left, the chat on the right. The open conversation is `?c=<id>` so
 * it survives a reload and the back button; a new chat gets its id up front and joins the URL once it is used.
 */
export function CopilotScreen({
  newId,
  prompts,
  providerLabel,
}: {
  newId: string;
  prompts: SuggestedPrompt[];
  providerLabel: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const params = useSearchParams();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // The chat started empty in this window; it stays mounted (with its live state) while it is the open one.
  const [fresh, setFresh] = useState({ id: newId, used: false });
  // Small screens: the conversation list opens over the chat.
  const [listOpen, setListOpen] = useState(false);
  const openId = params.get(PARAM) ?? fresh.id;

  const go = useCallback(
    (id: string | null, replace = false) => {
      const url = id ? `${pathname}?${PARAM}=${id}` : pathname;
      window.history[replace ? "replaceState" : "pushState"](null, "", url);
    },
    [pathname],
  );

  const startNew = useCallback(() => {
    setListOpen(false);
    setFresh((current) => (current.used ? { id: newConversationId(), used: false } : current));
    go(null);
    requestAnimationFrame(() => inputRef.current?.focus());
  }, [go]);

  const open = (id: string) => {
    setListOpen(false);
    // Leaving a used new chat: it is saved now, so opening it again reads it back like any other.
    if (fresh.used && id !== fresh.id) setFresh({ id: newConversationId(), used: false });
    go(id);
  };

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        startNew();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [startNew]);

  const chat = {
    id: openId,
    prompts,
    providerLabel,
    inputRef,
    onStarted: () => {
      if (openId !== fresh.id) return;
      setFresh({ id: fresh.id, used: true });
      go(fresh.id, true);
    },
    onTurnEnded: () => void queryClient.invalidateQueries({ queryKey: trpc.conversation.list.pathKey() }),
  };

  return (
    <div
      className="relative -mx-4 -my-6 grid h-[calc(100dvh-5.5rem)] grid-cols-[minmax(0,1fr)] sm:-mx-6 md:grid-cols-[16rem_minmax(0,1fr)]"
      data-testid="copilot"
    >
      <div
        className={cn(
          "min-h-0 flex-col md:static md:flex md:w-auto md:shadow-none",
          listOpen ? "absolute inset-y-0 left-0 z-20 flex w-72 bg-white shadow-lg" : "hidden",
        )}
      >
        <ConversationSidebar
          activeId={openId}
          onOpen={open}
          onNew={startNew}
          onDeleted={(id) => id === openId && startNew()}
        />
      </div>
      <section className="flex min-h-0 flex-col" aria-label="Copilot chat">
        <div className="flex h-10 items-center justify-between gap-2 border-b border-slate-100 px-4 md:justify-end">
          <Button
            variant="ghost"
            size="sm"
            className="md:hidden"
            onClick={() => setListOpen((o) => !o)}
            aria-expanded={listOpen}
          >
            <PanelLeft aria-hidden /> Conversations
          </Button>
          <Badge tone="neutral" title="The model answering in this deployment" data-testid="provider-label">
            <Cpu aria-hidden /> {providerLabel}
          </Badge>
        </div>
        {openId === fresh.id ? (
          <CopilotChat key={openId} {...chat} initialMessages={[]} />
        ) : (
          <StoredConversation key={openId} {...chat} onNew={startNew} />
        )}
      </section>
    </div>
  );
}
