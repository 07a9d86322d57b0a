"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { messageOf, useTRPC } from "~/trpc/react";
import { useState, type FormEvent } from "react";

import { plannedCallsField } from "@pharmacrm/domain/call-plan-input";
import { Alert, Button, Input, Label, Skeleton, Spinner } from "@pharmacrm/ui";

/** Planned calls for every physician of a tier in the territory; a blank tier is left as it is, 0 takes it off. */
export function TierForm({ planId }: { planId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tiers = useQuery(trpc.callPlan.tiers.queryOptions({ planId }));
  const [values, setValues] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const apply = useMutation(
    trpc.callPlan.setByTier.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.callPlan.pathKey() }),
    }),
  );

  if (tiers.isPending)
    return (
      <div role="status">
        <span className="sr-only">Loading the tiers…</span>
        <Skeleton className="h-16 w-full" />
      </div>
    );
  if (tiers.isError) return <Alert tone="danger">{messageOf(tiers.error)}</Alert>;
  if (tiers.data.length === 0) {
    return (
      <p className="text-sm text-slate-500">
        No physician in this territory has a tier yet; add targets by NPI or from a file.
      </p>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = [];
    for (const { tier } of tiers.data) {
      const text = values[tier!]?.trim();
      if (!text) continue;
      const parsed = plannedCallsField.safeParse(Number(text));
      if (!parsed.success) return setProblem(`Tier ${tier}: ${parsed.error.issues[0]!.message}`);
      chosen.push({ tier: tier!, plannedCalls: parsed.data });
    }
    if (chosen.length === 0) return setProblem("Give planned calls for at least one tier.");
    setProblem(null);
    apply.mutate({ planId, tiers: chosen });
  };

  return (
    <form onSubmit={submit} className="grid gap-3" aria-label="Set planned calls by tier">
      <div className="flex flex-wrap items-end gap-3">
        {tiers.data.map(({ tier, hcps }) => (
          <div key={tier}>
            <Label htmlFor={`tier-${tier}`}>
              Tier {tier} <span className="font-normal text-slate-500">({hcps})</span>
            </Label>
            <Input
              id={`tier-${tier}`}
              type="number"
              inputMode="numeric"
              min={0}
              max={99}
              className="w-24"
              placeholder="—"
              value={values[tier!] ?? ""}
              onChange={(event) => setValues({ ...values, [tier!]: event.target.value })}
            />
          </div>
        ))}
        <Button type="submit" variant="secondary" disabled={apply.isPending}>
          {apply.isPending ? <Spinner /> : null}
          Apply to tiers
        </Button>
      </div>
      {problem ? <Alert tone="danger">{problem}</Alert> : null}
      {apply.isError ? <Alert tone="danger">{messageOf(apply.error)}</Alert> : null}
      {apply.isSuccess ? (
        <Alert tone="success" data-testid="tier-result">
          {apply.data.matched} physicians matched: {apply.data.added} added, {apply.data.changed} changed,{" "}
          {apply.data.removed} taken off, {apply.data.unchanged} unchanged.
        </Alert>
      ) : null}
    </form>
  );
}
