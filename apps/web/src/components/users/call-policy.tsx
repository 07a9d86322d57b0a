"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fieldErrorsOf, messageOf, useTRPC } from "~/trpc/react";
import { useState } from "react";

import { Button, Card, FieldError, Input, Label, Spinner } from "@pharmacrm/ui";

type Notice = { tone: "success" | "danger"; text: string };

/** The org's back-dating limit for call reports: how many days after a visit its call may still be submitted. */
export function CallPolicyCard({ days, onDone }: { days: number | null; onDone: (notice: Notice) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(days === null ? "" : String(days));
  const save = useMutation(
    trpc.users.setCallBackdate.mutationOptions({
      onSuccess: (_data, input) => {
        onDone({
          tone: "success",
          text:
            input.days === null
              ? "Calls may now be submitted any time after the visit."
              : `Calls must now be submitted within ${input.days} days of the visit.`,
        });
        void queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
      },
    }),
  );
  const trimmed = value.trim();
  const parsed = trimmed === "" ? null : Number(trimmed);
  const errors = fieldErrorsOf(save.error).days;
  return (
    <Card className="p-4">
      <form
        className="flex flex-wrap items-end gap-3"
        aria-label="Call report rules"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ days: parsed });
        }}
      >
        <div>
          <Label htmlFor="backdate-days">Submit calls within (days of the visit)</Label>
          <Input
            id="backdate-days"
            inputMode="numeric"
            className="w-28"
            placeholder="No limit"
            value={value}
            aria-invalid={errors ? true : undefined}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={save.isPending || parsed === days}>
          {save.isPending ? <Spinner /> : null} Save
        </Button>
        <p className="basis-full text-xs text-slate-500">
          A call report older than this cannot be submitted (a call an admin unlocked was checked when first submitted).
          Leave empty for no limit.
        </p>
        <FieldError messages={errors ?? (save.isError && !errors ? [messageOf(save.error)] : null)} />
      </form>
    </Card>
  );
}
