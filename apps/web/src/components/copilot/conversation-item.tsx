"use client";

import { Check, MessageSquare, Pencil, Trash2, X } from "lucide-react";
import { useState } from "react";

import { Button, cn } from "@pharmacrm/ui";

export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: Date;
}

/** One saved conversation: open it, rename it inline, or delete it after a confirmation. */
export function ConversationItem({
  conversation,
  active,
  onOpen,
  onRename,
  onDelete,
  pending,
}: {
  conversation: ConversationSummary;
  active: boolean;
  onOpen: () => void;
  onRename: (title: string) => void;
  onDelete: () => void;
  pending: boolean;
}) {
  const [mode, setMode] = useState<"view" | "rename" | "confirm-delete">("view");
  const [title, setTitle] = useState(conversation.title);

  if (mode === "rename") {
    return (
      <form
        className="flex items-center gap-1 px-1 py-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (!title.trim()) return;
          onRename(title.trim());
          setMode("view");
        }}
      >
        <input
          aria-label="Conversation name"
          autoFocus
          maxLength={120}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          onKeyDown={(e) => e.key === "Escape" && setMode("view")}
          className="h-7 min-w-0 flex-1 rounded border border-slate-300 px-2 text-sm outline-none focus-visible:border-brand-500"
        />
        <Button type="submit" variant="ghost" size="icon" aria-label="Save name" disabled={!title.trim()}>
          <Check />
        </Button>
        <Button variant="ghost" size="icon" aria-label="Cancel renaming" onClick={() => setMode("view")}>
          <X />
        </Button>
      </form>
    );
  }

  if (mode === "confirm-delete") {
    return (
      <div
        className="flex items-center gap-1 rounded-md bg-red-50 px-2 py-1.5 text-xs text-red-800"
        role="group"
        aria-label="Confirm delete"
      >
        <span className="min-w-0 flex-1 truncate">Delete “{conversation.title}”?</span>
        <Button variant="destructive" size="sm" className="h-6" onClick={onDelete} disabled={pending}>
          Delete
        </Button>
        <Button variant="ghost" size="sm" className="h-6" onClick={() => setMode("view")}>
          Keep
        </Button>
      </div>
    );
  }

  return (
    <div
      className={cn("group flex items-center rounded-md", active ? "bg-brand-50" : "hover:bg-slate-100")}
      data-testid="conversation-item"
    >
      <button
        type="button"
        onClick={onOpen}
        aria-current={active ? "page" : undefined}
        className={cn(
          "flex min-w-0 flex-1 items-center gap-2 px-2 py-1.5 text-left text-sm",
          active ? "font-medium text-brand-800" : "text-slate-700",
        )}
      >
        <MessageSquare className="size-3.5 shrink-0 text-slate-400" aria-hidden />
        <span className="min-w-0 truncate">{conversation.title}</span>
      </button>
      <div className="flex shrink-0 opacity-0 group-focus-within:opacity-100 group-hover:opacity-100">
        <Button
          variant="ghost"
          size="icon"
          className="size-7"
          aria-label={`Rename “${conversation.title}”`}
          onClick={() => {
            setTitle(conversation.title);
            setMode("rename");
          }}
        >
          <Pencil />
        </Button>
        <Button
          variant="ghost"
          size="icon"
          className="size-7"
          aria-label={`Delete “${conversation.title}”`}
          onClick={() => setMode("confirm-delete")}
        >
          <Trash2 />
        </Button>
      </div>
    </div>
  );
}
