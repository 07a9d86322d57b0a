"use client";

import { AlertTriangle, Sparkles } from "lucide-react";
import { useEffect, useState } from "react";

import { Alert, Button, Skeleton, Spinner } from "@pharmacrm/ui";

import { DueTasks } from "../tasks/due-tasks";
import type { SuggestedPrompt } from "./suggested-prompts";

/** How long an answer may take before the chat says it is still working. */
const SLOW_AFTER_MS = 4000;

export function EmptyConversation({
  prompts,
  onPick,
  providerLabel,
}: {
  prompts: SuggestedPrompt[];
  onPick: (prompt: string) => void;
  providerLabel: string;
}) {
  return (
    <div className="mx-auto flex max-w-2xl flex-col items-center px-4 py-10 text-center" data-testid="copilot-empty">
      <div className="mb-3 flex size-11 items-center justify-center rounded-full bg-brand-50 text-brand-700">
        <Sparkles className="size-5" aria-hidden />
      </div>
      <h1 className="text-lg font-semibold text-slate-900">What can I help you with?</h1>
      <p className="mt-1 max-w-md text-sm text-slate-500">
        I work on your CRM data: physicians, prescribing, payments, calls, consent and tasks. I never write anything
        without your approval.
      </p>
      <ul className="mt-6 grid w-full gap-2 sm:grid-cols-2" aria-label="Suggested questions">
        {prompts.map((p) => (
          <li key={p.prompt}>
            <button
              type="button"
              onClick={() => onPick(p.prompt)}
              className="h-full w-full rounded-lg border border-slate-200 bg-white px-3 py-2.5 text-left shadow-xs transition-colors hover:border-brand-300 hover:bg-brand-50/40"
              data-testid="suggested-prompt"
            >
              <span className="block text-xs font-medium text-slate-500">{p.label}</span>
              <span className="block text-sm text-slate-900">{p.prompt}</span>
            </button>
          </li>
        ))}
      </ul>
      <DueTasks />
      <p className="mt-4 text-xs text-slate-400">Model: {providerLabel}</p>
    </div>
  );
}

/** A saved conversation (or the chat that shows it) on its way. */
export function ConversationLoading() {
  return (
    <div className="mx-auto grid w-full max-w-3xl gap-4 px-4 py-6" aria-label="Loading the conversation">
      <Skeleton className="ml-auto h-9 w-1/2" />
      <Skeleton className="h-24 w-full" />
      <Skeleton className="ml-auto h-9 w-1/3" />
    </div>
  );
}

/** "Thinking…" at first; after a few seconds without progress, says so plainly and offers to stop. */
export function Working({ progressKey, onStop }: { progressKey: string; onStop: () => void }) {
  // Slow means: no progress since the timer for this very progress point fired.
  const [slowAt, setSlowAt] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSlowAt(progressKey), SLOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [progressKey]);
  const slow = slowAt === progressKey;
  return (
    <div className="flex items-center gap-2 pl-10 text-xs text-slate-500" role="status" data-testid="copilot-working">
      <Spinner className="size-3.5" />
      {slow ? (
        <>
          <span data-testid="copilot-slow">Still working — the model is taking longer than usual.</span>
          <Button variant="link" size="sm" onClick={onStop} className="text-xs">
            Stop
          </Button>
        </>
      ) : (
        <span>Thinking…</span>
      )}
    </div>
  );
}

/** The chat endpoint failed: the model is unreachable, the server errored, or the session ended. */
export function ModelError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <Alert tone="danger" icon={<AlertTriangle />} title="The copilot could not answer" data-testid="copilot-error">
      <p>{readableError(error)}</p>
      <Button variant="secondary" size="sm" className="mt-2" onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  );
}

/** The server would not take the answer to a card: nothing was written and the card is open again. */
export function ApprovalRefused({ error }: { error: Error }) {
  return (
    <Alert tone="warning" icon={<AlertTriangle />} title="Not saved" data-testid="approval-refused">
      <p>{readableError(error)}</p>
      <p className="mt-1 text-xs">The card above is open again: correct it, approve it or reject it.</p>
    </Alert>
  );
}

/** The endpoint's error code (BAD_REQUEST, CONFLICT, …) when it sent one. */
export function errorCode(error: Error): string | null {
  try {
    const parsed = JSON.parse(error.message) as { code?: unknown };
    return typeof parsed.code === "string" ? parsed.code : null;
  } catch {
    return null;
  }
}

/** The endpoint's JSON error message when it sent one; otherwise a plain explanation. */
export function readableError(error: Error): string {
  const text = error.message?.trim() ?? "";
  try {
    const parsed = JSON.parse(text) as { error?: unknown; message?: unknown };
    const message =
      typeof parsed.error === "string" ? parsed.error : typeof parsed.message === "string" ? parsed.message : null;
    if (message) return message;
  } catch {
    // Not JSON: fall through.
  }
  if (!text || /failed to fetch|network|load failed/i.test(text))
    return "The model is unavailable right now (no connection to the server). Check your connection and try again.";
  if (text.length > 300 || text.startsWith("<"))
    return "The model is unavailable right now. Please try again in a moment.";
  return text;
}
