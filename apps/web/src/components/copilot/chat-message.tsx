"use client";

import { Check, Copy, Pencil, RotateCcw, Sparkles } from "lucide-react";
import { useState } from "react";

import { Button, Textarea } from "@pharmacrm/ui";

import { chosenFromSearch, isToolPart } from "./cards/part-kinds";
import { ToolPartView } from "./cards/tool-part";
import { Markdown } from "./markdown";
import type { CopilotUIMessage } from "./types";

const textOf = (message: CopilotUIMessage) =>
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

export function AssistantMessage({
  message,
  isLast,
  busy,
  onRegenerate,
  onApproval,
}: {
  message: CopilotUIMessage;
  isLast: boolean;
  busy: boolean;
  onRegenerate: () => void;
  onApproval: (approvalId: string, approved: boolean) => void;
}) {
  const [copied, setCopied] = useState(false);
  const text = textOf(message);
  return (
    <div className="flex gap-3" data-testid="assistant-message">
      <div
        className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-700"
        aria-hidden
      >
        <Sparkles className="size-4" />
      </div>
      <div className="grid min-w-0 flex-1 grid-cols-[minmax(0,1fr)] gap-2">
        {message.parts.map((part, i) => {
          if (part.type === "text") return part.text ? <Markdown key={i} text={part.text} /> : null;
          if (isToolPart(part))
            return (
              <ToolPartView
                key={part.toolCallId}
                part={part}
                chosenNpi={chosenFromSearch(message.parts, i)}
                onApproval={onApproval}
              />
            );
          return null;
        })}
        {!busy ? (
          <div className="flex gap-1 text-slate-500">
            {text ? (
              <Button
                variant="ghost"
                size="sm"
                onClick={() =>
                  void navigator.clipboard.writeText(text).then(
                    () => setCopied(true),
                    () => setCopied(false),
                  )
                }
                aria-label="Copy answer"
              >
                {copied ? <Check /> : <Copy />} {copied ? "Copied" : "Copy"}
              </Button>
            ) : null}
            {isLast ? (
              <Button variant="ghost" size="sm" onClick={onRegenerate} data-testid="copilot-regenerate">
                <RotateCcw /> Regenerate
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
