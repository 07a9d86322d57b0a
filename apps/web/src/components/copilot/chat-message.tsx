"use client";

import { Check, Copy, RotateCcw, Sparkles } from "lucide-react";
import { useState } from "react";

import { Button } from "@pharmacrm/ui";

import { answeredByCard, chosenFromSearch, isToolPart } from "./cards/part-kinds";
import { ToolPartView } from "./cards/tool-part";
import { Markdown } from "./markdown";
import type { CopilotUIMessage } from "./types";
import { textOf } from "./user-message";

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
  onApproval: (approvalId: string, approved: boolean, corrected?: Record<string, unknown>) => void;
}) {
  const [copied, setCopied] = useState(false);
  const text = textOf(message);
  const carded = answeredByCard(message.parts);
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
          if (part.type === "text") {
            if (!part.text) return null;
            // The card above says it all; the same answer in words stays one click away (and in Copy).
            return carded ? (
              <details key={i} className="text-sm text-slate-600" data-testid="answer-as-text">
                <summary className="cursor-pointer select-none text-xs text-slate-500">The answer as text</summary>
                <Markdown text={part.text} />
              </details>
            ) : (
              <Markdown key={i} text={part.text} />
            );
          }
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
