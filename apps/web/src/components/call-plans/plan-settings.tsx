"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { showFieldErrors } from "~/lib/form-errors";
import { fieldErrorsOf, messageOf, useTRPC } from "~/trpc/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { updateCallPlanInput } from "@pharmacrm/domain/call-plan-input";
import { Alert, Button, FieldError, Input, Label, Spinner } from "@pharmacrm/ui";

type PlanFields = z.input<typeof updateCallPlanInput>;

/** Rename the plan or move its cycle; or delete it (its calls stay). */
export function PlanSettings({ plan, targets }: { plan: PlanFields; targets: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const form = useForm<PlanFields>({ resolver: zodResolver(updateCallPlanInput), defaultValues: plan });
  const update = useMutation(
    trpc.callPlan.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.callPlan.pathKey() }),
    }),
  );
  const remove = useMutation(
    trpc.callPlan.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.callPlan.list.queryKey() });
        router.push("/call-plans");
      },
    }),
  );
  const errors = form.formState.errors;
  const submit = form.handleSubmit((values) =>
    update.mutate(values, {
      onSuccess: () => form.reset(values),
      onError: (error) => showFieldErrors(form, error),
    }),
  );
  const message = (name: keyof PlanFields) => (errors[name]?.message ? [errors[name].message] : null);
  const described = (name: keyof PlanFields, id: string) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${id}-error` : undefined,
  });

  return (
    <div className="grid gap-4">
      <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-3" aria-label="Plan settings">
        <div className="flex flex-wrap items-start gap-3">
          <div>
            <Label htmlFor="plan-name">Name</Label>
            <Input id="plan-name" className="w-56" {...described("name", "plan-name")} {...form.register("name")} />
            <FieldError id="plan-name-error" messages={message("name")} />
          </div>
          <div>
            <Label htmlFor="plan-starts">Starts on</Label>
            <Input
              id="plan-starts"
              type="date"
              {...described("startsOn", "plan-starts")}
              {...form.register("startsOn")}
            />
            <FieldError id="plan-starts-error" messages={message("startsOn")} />
          </div>
          <div>
            <Label htmlFor="plan-ends">Ends on</Label>
            <Input id="plan-ends" type="date" {...described("endsOn", "plan-ends")} {...form.register("endsOn")} />
            <FieldError id="plan-ends-error" messages={message("endsOn")} />
          </div>
          <Button
            type="submit"
            variant="secondary"
            className="mt-6"
            disabled={update.isPending || !form.formState.isDirty}
          >
            {update.isPending ? <Spinner /> : null}
            Save
          </Button>
        </div>
        {update.isError && Object.keys(fieldErrorsOf(update.error)).length === 0 ? (
          <Alert tone="danger">{messageOf(update.error)}</Alert>
        ) : null}
        {update.isSuccess && !form.formState.isDirty ? <Alert tone="success">Saved.</Alert> : null}
      </form>
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-3">
        {confirming ? (
          <>
            <span className="text-sm text-slate-700">
              Delete “{plan.name}” and its {targets} {targets === 1 ? "target" : "targets"}? The calls stay.
            </span>
            <Button
              variant="destructive"
              size="sm"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ id: plan.id })}
            >
              {remove.isPending ? <Spinner /> : null}
              Delete plan
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </>
        ) : (
          <Button variant="ghost" size="sm" className="text-red-700" onClick={() => setConfirming(true)}>
            Delete this plan…
          </Button>
        )}
        {remove.isError ? <Alert tone="danger">{messageOf(remove.error)}</Alert> : null}
      </div>
    </div>
  );
}
