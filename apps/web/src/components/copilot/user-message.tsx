"use client";

import { Pencil } from "lucide-react";
import { useState } from "react";

import { Button, Textarea } from "@pharmacrm/ui";

import type { CopilotUIMessage } from "./types";

/** A message's text parts, as one text. */
export const textOf = (message: CopilotUIMessage) =>
  message.parts
    .filter((p) => p.type === "text")
    .map((p) => p.text)
    .join("\n\n");

export function UserMessage({
  message,
  canEdit,
  onEdit,
}: {
  message: CopilotUIMessage;
  canEdit: boolean;
  onEdit: (text: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft !== null) {
    return (
      <form
        className="ml-auto grid w-full max-w-xl gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!draft.trim()) return;
          onEdit(draft.trim());
          setDraft(null);
        }}
      >
        <Textarea
          aria-label="Edit your message"
          autoFocus
          rows={3}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") setDraft(null);
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <div className="flex justify-end gap-2">
          <Button variant="ghost" size="sm" onClick={() => setDraft(null)}>
            Cancel
          </Button>
          <Button type="submit" size="sm" disabled={!draft.trim()}>
            Send again
          </Button>
        </div>
      </form>
    );
  }
  return (
    <div className="group ml-auto flex max-w-xl items-start gap-1" data-testid="user-message">
      {canEdit ? (
        <Button
          variant="ghost"
          size="icon"
          className="opacity-0 group-hover:opacity-100 focus-visible:opacity-100"
          aria-label="Edit and resend"
          title="Edit and resend"
          onClick={() => setDraft(textOf(message))}
        >
          <Pencil />
        </Button>
      ) : null}
      <p className="min-w-0 rounded-2xl rounded-tr-sm bg-brand-600 px-3.5 py-2 text-sm whitespace-pre-wrap text-white [overflow-wrap:anywhere]">
        {textOf(message)}
      </p>
    </div>
  );
}
