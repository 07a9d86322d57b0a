"use client";

import { useMutation } from "@tanstack/react-query";
import { formatCalendarDate } from "~/lib/format";
import { fieldErrorsOf, messageOf, useTRPC } from "~/trpc/react";
import { Check, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";

import type { NbaSuggestion } from "@pharmacrm/ai";
import { Button, Input } from "@pharmacrm/ui";

/** Accept a suggestion, or dismiss it with a reason; both are recorded (append-only) with the score as shown. */
export function NbaDecision({ suggestion }: { suggestion: Pick<NbaSuggestion, "npi" | "action"> }) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.nba.accept.mutationOptions());
  const dismiss = useMutation(trpc.nba.dismiss.mutationOptions());
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState("");
  const key = { npi: suggestion.npi, action: suggestion.action };

  if (accept.isSuccess)
    return (
      <p className="text-xs font-medium text-emerald-700" data-testid="nba-decided">
        Accepted · task “{accept.data.task?.title}”
        {accept.data.task?.dueDate ? ` due ${formatCalendarDate(accept.data.task.dueDate)}` : ""} added to{" "}
        <Link href={`/physicians/${suggestion.npi}`} className="underline">
          their page
        </Link>
      </p>
    );
  if (dismiss.isSuccess)
    return (
      <p className="text-xs font-medium text-slate-500" data-testid="nba-decided">
        Dismissed: {dismiss.data.reason}
      </p>
    );

  const error = accept.error ?? dismiss.error;
  const reasonError = dismiss.error ? fieldErrorsOf(dismiss.error).reason?.[0] : undefined;
  return (
    <div className="grid gap-1">
      {dismissing ? (
        <form
          className="flex items-center gap-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            dismiss.mutate({ ...key, reason });
          }}
        >
          <Input
            autoFocus
            aria-label="Why dismiss this suggestion?"
            placeholder="Why not? e.g. on leave until March"
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && setDismissing(false)}
            className="h-7 flex-1 text-xs"
          />
          <Button
            type="submit"
            size="sm"
            variant="secondary"
            className="h-7"
            disabled={dismiss.isPending || reason.trim().length < 3}
          >
            Dismiss
          </Button>
          <Button size="sm" variant="ghost" className="h-7" onClick={() => setDismissing(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <div className="flex gap-1.5">
          <Button
            size="sm"
            variant="secondary"
            className="h-7"
            onClick={() => accept.mutate(key)}
            disabled={accept.isPending}
          >
            <Check aria-hidden /> Accept
          </Button>
          <Button size="sm" variant="ghost" className="h-7" onClick={() => setDismissing(true)}>
            <X aria-hidden /> Dismiss…
          </Button>
        </div>
      )}
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {reasonError ?? messageOf(error)}
        </p>
      ) : null}
    </div>
  );
}
