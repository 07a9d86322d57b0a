"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { messageOf, useTRPC } from "~/trpc/react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { plannedCallsField, setPlanTargetsInput } from "@pharmacrm/domain/call-plan-input";
import { Alert, Button, FieldError, Input, Label, Spinner } from "@pharmacrm/ui";

// One row of the procedure's targets list, with at least one call (0, taking a physician off, is the table's).
const targetFields = setPlanTargetsInput.shape.targets.element.extend({
  plannedCalls: plannedCallsField.min(1, "Plan at least 1 call."),
});
type TargetFields = z.input<typeof targetFields>;

/** A physician of the territory added by NPI (or their planned calls changed). */
export function AddTargetForm({ planId }: { planId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<TargetFields>({
    resolver: zodResolver(targetFields),
    defaultValues: { npi: "", plannedCalls: 2 },
  });
  const save = useMutation(
    trpc.callPlan.setTargets.mutationOptions({
      onSuccess: () => {
        form.reset({ npi: "", plannedCalls: form.getValues("plannedCalls") });
        return queryClient.invalidateQueries({ queryKey: trpc.callPlan.pathKey() });
      },
    }),
  );
  const errors = form.formState.errors;
  const submit = form.handleSubmit((values) => save.mutate({ planId, targets: [values] }));

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-3" aria-label="Add a physician">
      <div className="flex flex-wrap items-start gap-3">
        <div>
          <Label htmlFor="target-npi">NPI</Label>
          <Input
            id="target-npi"
            inputMode="numeric"
            className="w-40"
            aria-invalid={errors.npi ? true : undefined}
            aria-describedby={errors.npi ? "target-npi-error" : undefined}
            {...form.register("npi")}
          />
          <FieldError id="target-npi-error" messages={errors.npi?.message ? [errors.npi.message] : null} />
        </div>
        <div>
          <Label htmlFor="target-planned">Planned calls</Label>
          <Input
            id="target-planned"
            type="number"
            min={1}
            max={99}
            className="w-24"
            aria-invalid={errors.plannedCalls ? true : undefined}
            aria-describedby={errors.plannedCalls ? "target-planned-error" : undefined}
            {...form.register("plannedCalls", { valueAsNumber: true })}
          />
          <FieldError
            id="target-planned-error"
            messages={errors.plannedCalls?.message ? [errors.plannedCalls.message] : null}
          />
        </div>
        <Button type="submit" variant="secondary" className="mt-6" disabled={save.isPending}>
          {save.isPending ? <Spinner /> : null}
          Add to plan
        </Button>
      </div>
      {save.isError ? <Alert tone="danger">{messageOf(save.error)}</Alert> : null}
      {save.isSuccess ? (
        <Alert tone="success">
          {save.data.added
            ? "Added to the plan."
            : save.data.changed
              ? "Planned calls changed."
              : "Already on the plan with those calls."}
        </Alert>
      ) : null}
    </form>
  );
}
