"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { messageOf, useTRPC } from "~/trpc/react";
import { useId, useState } from "react";

import { plannedCallsField } from "@pharmacrm/domain/call-plan-input";
import { Input } from "@pharmacrm/ui";

/** Planned calls edited in place: saved on Enter or leaving the field; 0 takes the physician off the plan. */
export function PlannedCallsCell({
  planId,
  npi,
  name,
  planned,
}: {
  planId: string;
  npi: string;
  name: string;
  planned: number;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorId = useId();
  // The table keys this cell by NPI and planned calls, so a new figure from the server mounts it afresh.
  const [value, setValue] = useState(String(planned));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.callPlan.setTargets.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.callPlan.pathKey() }),
      onError: (e) => setError(messageOf(e)),
    }),
  );

  const commit = () => {
    const parsed = plannedCallsField.safeParse(value.trim() === "" ? Number.NaN : Number(value));
    if (!parsed.success) return setError(parsed.error.issues[0]!.message);
    setError(null);
    if (parsed.data !== planned) save.mutate({ planId, targets: [{ npi, plannedCalls: parsed.data }] });
  };

  return (
    <div className="flex flex-col items-end">
      <Input
        type="number"
        inputMode="numeric"
        min={0}
        max={99}
        aria-label={`Planned calls for ${name}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        aria-busy={save.isPending || undefined}
        className="h-8 w-16 text-right"
        value={value}
        readOnly={save.isPending}
        onChange={(event) => setValue(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
          if (event.key === "Escape") {
            setValue(String(planned));
            setError(null);
          }
        }}
      />
      {error ? (
        <span id={errorId} role="alert" className="mt-1 max-w-40 text-right text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </div>
  );
}
