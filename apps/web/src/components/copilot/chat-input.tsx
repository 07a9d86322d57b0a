"use client";

import { ArrowUp, Square } from "lucide-react";
import { useState, type KeyboardEvent, type Ref } from "react";

import { Button, cn } from "@pharmacrm/ui";

const MAX_LENGTH = 4000;

/** Enter sends, Shift+Enter adds a line (Esc, which stops an answer, is handled by the chat for the whole page). */
export function ChatInput({
  busy,
  onSend,
  onStop,
  ref,
}: {
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
  ref?: Ref<HTMLTextAreaElement>;
}) {
  const [text, setText] = useState("");
  const trimmed = text.trim();
  const tooLong = text.length > MAX_LENGTH;

  const send = () => {
    if (!trimmed || busy || tooLong) return;
    onSend(trimmed);
    setText("");
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  };

  return (
    <form
      className="relative"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label htmlFor="copilot-input" className="sr-only">
        Ask the copilot
      </label>
      <textarea
        ref={ref}
        id="copilot-input"
        data-testid="copilot-input"
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Ask about your physicians, calls, drafts or next steps…"
        aria-describedby="copilot-input-help"
        className={cn(
          "block max-h-48 min-h-16 w-full resize-none rounded-lg border bg-white py-2.5 pr-12 pl-3 text-sm shadow-xs outline-none placeholder:text-slate-400",
          "focus-visible:border-brand-500 focus-visible:ring-2 focus-visible:ring-brand-200",
          tooLong ? "border-red-400" : "border-slate-300",
        )}
      />
      <div className="absolute right-2 bottom-2">
        {busy ? (
          <Button
            type="button"
            size="icon"
            variant="secondary"
            onClick={onStop}
            aria-label="Stop (Esc)"
            title="Stop (Esc)"
            data-testid="copilot-stop"
          >
            <Square className="fill-current" />
          </Button>
        ) : (
          <Button
            type="submit"
            size="icon"
            disabled={!trimmed || tooLong}
            aria-label="Send (Enter)"
            title="Send (Enter)"
            data-testid="copilot-send"
          >
            <ArrowUp />
          </Button>
        )}
      </div>
      <p id="copilot-input-help" className={cn("mt-1 text-[11px]", tooLong ? "text-red-700" : "text-slate-400")}>
        {tooLong
          ? `That is ${text.length.toLocaleString("en-US")} characters; the copilot reads at most ${MAX_LENGTH.toLocaleString("en-US")}.`
          : "Enter to send · Shift+Enter for a new line · Esc to stop · Ctrl/⌘+K for a new chat"}
      </p>
    </form>
  );
}
