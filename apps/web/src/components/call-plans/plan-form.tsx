"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { showFieldErrors } from "~/lib/form-errors";
import { fieldErrorsOf, messageOf, useTRPC } from "~/trpc/react";
import { useId } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { createCallPlanInput } from "@pharmacrm/domain/call-plan-input";
import { Alert, Button, FieldError, Input, Label, Select, Skeleton, Spinner } from "@pharmacrm/ui";

type PlanFields = z.input<typeof createCallPlanInput>;

/** This calendar quarter, as a new plan's default cycle. */
function thisQuarter(now = new Date()) {
  const year = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3);
  const start = new Date(Date.UTC(year, q * 3, 1));
  const end = new Date(Date.UTC(year, q * 3 + 3, 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { name: `Q${q + 1} ${year}`, startsOn: day(start), endsOn: day(end) };
}

/** A new call plan: territory, name and cycle, checked by the same schema the server uses. */
export function NewPlanForm({ onCreated, onCancel }: { onCreated: (id: string) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const id = useId();
  const territories = useQuery(trpc.callPlan.territories.queryOptions());
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.callPlan.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.callPlan.pathKey() }),
    }),
  );
  const form = useForm<PlanFields>({
    resolver: zodResolver(createCallPlanInput),
    defaultValues: { territoryId: "", ...thisQuarter() },
  });
  const errors = form.formState.errors;

  const submit = form.handleSubmit((values) =>
    create.mutateAsync(values).then(
      (plan) => onCreated(plan.id),
      (error: unknown) => showFieldErrors(form, error),
    ),
  );

  if (territories.isPending)
    return (
      <div role="status">
        <span className="sr-only">Loading your territories…</span>
        <Skeleton className="h-40 w-full" />
      </div>
    );
  if (territories.isError) return <Alert tone="danger">{messageOf(territories.error)}</Alert>;
  if (territories.data.length === 0) {
    return <Alert tone="warning">You have no territories to plan for. An admin assigns a manager's region.</Alert>;
  }

  const field = (name: keyof PlanFields) => ({
    id: `${id}-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined,
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-4" aria-label="New call plan">
      {create.isError && Object.keys(fieldErrorsOf(create.error)).length === 0 ? (
        <Alert tone="danger" data-testid="plan-form-error">
          {messageOf(create.error)}
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <Label htmlFor={`${id}-territoryId`}>Territory</Label>
          <Select {...field("territoryId")} {...form.register("territoryId")}>
            <option value="">Choose a territory…</option>
            {territories.data.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.code})
              </option>
            ))}
          </Select>
          <FieldError
            id={`${id}-territoryId-error`}
            messages={errors.territoryId?.message ? [errors.territoryId.message] : null}
          />
        </div>
        <div>
          <Label htmlFor={`${id}-name`}>Name</Label>
          <Input {...field("name")} {...form.register("name")} placeholder="Q1 2027" />
          <FieldError id={`${id}-name-error`} messages={errors.name?.message ? [errors.name.message] : null} />
        </div>
        <div>
          <Label htmlFor={`${id}-startsOn`}>Starts on</Label>
          <Input type="date" {...field("startsOn")} {...form.register("startsOn")} />
          <FieldError
            id={`${id}-startsOn-error`}
            messages={errors.startsOn?.message ? [errors.startsOn.message] : null}
          />
        </div>
        <div>
          <Label htmlFor={`${id}-endsOn`}>Ends on</Label>
          <Input type="date" {...field("endsOn")} {...form.register("endsOn")} />
          <FieldError id={`${id}-endsOn-error`} messages={errors.endsOn?.message ? [errors.endsOn.message] : null} />
        </div>
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? <Spinner /> : null}
          Create plan
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
