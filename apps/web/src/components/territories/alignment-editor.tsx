"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { showFieldErrors } from "~/lib/form-errors";
import { messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";

import { alignmentInput } from "@pharmacrm/domain/territory-input";
import {
  Alert,
  Button,
  Card,
  CardDescription,
  CardHeader,
  CardTitle,
  FieldError,
  Spinner,
  Textarea,
} from "@pharmacrm/ui";

import type { Notice } from "./territories-screen";

type Territory = RouterOutputs["territories"]["get"];
type Plan = RouterOutputs["territories"]["previewAlignment"];

const SHOWN = 24;
const some = (zips: string[]) =>
  zips.length > SHOWN ? `${zips.slice(0, SHOWN).join(", ")} and ${zips.length - SHOWN} more` : zips.join(", ");
const people = (n: number) => `${n.toLocaleString("en-US")} physician${n === 1 ? "" : "s"}`;

/** The territory's ZIP codes as a list to edit; a dry run says who moves in and out; Apply does exactly that. */
export function AlignmentEditor({ territory, onDone }: { territory: Territory; onDone: (notice: Notice) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preview = useMutation(trpc.territories.previewAlignment.mutationOptions());
  const apply = useMutation(trpc.territories.applyAlignment.mutationOptions());
  const [dryRun, setDryRun] = useState<{ zips: string; plan: Plan } | null>(null);
  const form = useForm<z.input<typeof alignmentInput>, unknown, z.output<typeof alignmentInput>>({
    resolver: zodResolver(alignmentInput),
    defaultValues: { territoryId: territory.id, zips: territory.zips.map((z) => z.zip5).join(", ") },
  });
  const zips = useWatch({ control: form.control, name: "zips" });
  const { errors, isSubmitting } = form.formState;
  const current = dryRun && dryRun.zips === zips ? dryRun.plan : null;

  const runDryRun = form.handleSubmit((values) =>
    preview.mutateAsync(values).then(
      (plan) => setDryRun({ zips: values.zips, plan }),
      (error: unknown) => {
        setDryRun(null);
        if (!showFieldErrors(form, error)) onDone({ tone: "danger", text: messageOf(error) });
      },
    ),
  );
  const applyPlan = (plan: Plan) =>
    apply.mutate(
      { territoryId: territory.id, zips, basis: plan.basis },
      {
        onSuccess: (done) => {
          setDryRun(null);
          onDone({
            tone: "success",
            text: `${territory.name} now covers ${done.zipsAfter.toLocaleString("en-US")} ZIP codes: ${people(done.hcpsIn)} moved in, ${people(done.hcpsOut)} out. Its reps see the change at their next page.`,
          });
          // Territories feed other screens too (the users screen, call plans, the header): refetch what is shown.
          void queryClient.invalidateQueries();
        },
        onError: (error) => {
          setDryRun(null);
          onDone({ tone: "danger", text: messageOf(error) });
          // Another admin's change is the usual cause: show the territory as it is now.
          void queryClient.invalidateQueries({ queryKey: trpc.territories.pathKey() });
        },
      },
    );

  return (
    <Card aria-labelledby="alignment-title">
      <CardHeader className="block">
        <CardTitle id="alignment-title">ZIP alignment</CardTitle>
        <CardDescription>
          Paste or type the territory&apos;s 5-digit ZIP codes, separated by commas, spaces or lines (ZIP+4 is cut to
          five digits). Nothing changes until you apply the dry run.
        </CardDescription>
      </CardHeader>
      <form aria-label="ZIP alignment" className="grid gap-3 px-4 pb-4" noValidate onSubmit={(e) => void runDryRun(e)}>
        <Textarea
          aria-label="ZIP codes"
          rows={5}
          className="font-mono text-xs"
          placeholder="02115, 02116, 02118"
          aria-invalid={errors.zips ? true : undefined}
          {...form.register("zips")}
        />
        <FieldError messages={errors.zips?.message ? [errors.zips.message] : null} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="secondary" disabled={isSubmitting}>
            {isSubmitting ? <Spinner /> : null} Dry run
          </Button>
          {current && (current.added.length > 0 || current.removed.length > 0) ? (
            <Button disabled={apply.isPending} onClick={() => applyPlan(current)}>
              {apply.isPending ? <Spinner /> : null} Apply: {people(current.hcpsIn)} in, {current.hcpsOut} out
            </Button>
          ) : null}
        </div>
        {dryRun && !current ? (
          <p className="text-sm text-amber-800">The list changed since the dry run: run it again to apply.</p>
        ) : null}
        {current ? <DryRunResult plan={current} /> : null}
      </form>
    </Card>
  );
}

function DryRunResult({ plan }: { plan: Plan }) {
  if (plan.added.length === 0 && plan.removed.length === 0)
    return (
      <Alert tone="info" data-testid="dry-run">
        Nothing would change: the list is the territory&apos;s ZIP codes already.
      </Alert>
    );
  return (
    <div className="grid gap-2 rounded-md border border-slate-200 p-3 text-sm" data-testid="dry-run" role="status">
      <p className="font-medium text-slate-900">
        {people(plan.hcpsIn)} move in, {people(plan.hcpsOut)} move out
      </p>
      <p className="text-slate-600">
        ZIP codes {plan.zipsBefore.toLocaleString("en-US")} → {plan.zipsAfter.toLocaleString("en-US")}; physicians
        after: {plan.hcpsAfter.toLocaleString("en-US")}.
      </p>
      {plan.added.length ? <p className="text-slate-600">Added: {some(plan.added)}</p> : null}
      {plan.removed.length ? <p className="text-slate-600">Removed: {some(plan.removed)}</p> : null}
      {plan.sampleIn.length ? (
        <p className="text-slate-600">
          Moving in: {plan.sampleIn.map((h) => [h.name, h.city].filter(Boolean).join(", ")).join("; ")}
          {plan.hcpsIn > plan.sampleIn.length ? "; …" : ""}
        </p>
      ) : null}
      {plan.sampleOut.length ? (
        <p className="text-slate-600">
          Moving out: {plan.sampleOut.map((h) => [h.name, h.city].filter(Boolean).join(", ")).join("; ")}
          {plan.hcpsOut > plan.sampleOut.length ? "; …" : ""}
        </p>
      ) : null}
      {plan.emptyZips.length ? (
        <p className="text-amber-800">No physician practises in {some(plan.emptyZips)}: check for a typo.</p>
      ) : null}
      {plan.shared.length ? (
        <p className="text-amber-800">
          Also in another territory: {plan.shared.map((s) => `${s.zip5} (${s.territory})`).join(", ")}. Their physicians
          would be seen by both territories&apos; reps.
        </p>
      ) : null}
    </div>
  );
}
