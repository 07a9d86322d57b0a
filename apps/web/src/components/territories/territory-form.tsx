"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { showFieldErrors } from "~/lib/form-errors";
import { messageOf, useTRPC } from "~/trpc/react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { createTerritoryInput } from "@pharmacrm/domain/territory-input";
import { Button, FieldError, Input, Label, Select, Spinner } from "@pharmacrm/ui";

import type { Notice } from "./territories-screen";

type Fields = z.input<typeof createTerritoryInput>;
type Saved = z.output<typeof createTerritoryInput>;

/**
 * A territory's code, name and region: a new one (then its page opens, to give it ZIPs), or an existing one's
 * (`territory` given).
 */
export function TerritoryForm({
  regions,
  territory,
  onDone,
}: {
  regions: { id: string; name: string }[];
  territory?: Fields & { id: string };
  onDone: (notice: Notice) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.territories.create.mutationOptions());
  const update = useMutation(trpc.territories.update.mutationOptions());
  const form = useForm<Fields, unknown, Saved>({
    resolver: zodResolver(createTerritoryInput),
    defaultValues: territory ?? { code: "", name: "", regionId: regions[0]?.id ?? "" },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const fail = (error: unknown) => {
    if (!showFieldErrors(form, error)) onDone({ tone: "danger", text: messageOf(error) });
  };
  const submit = form.handleSubmit((values) =>
    territory
      ? update.mutateAsync({ ...values, id: territory.id }).then((saved) => {
          onDone({ tone: "success", text: `${saved.name} is saved.` });
          form.reset(saved);
          // Territories feed other screens too (the users screen, call plans, the header): refetch what is shown.
          void queryClient.invalidateQueries();
        }, fail)
      : create.mutateAsync(values).then((saved) => {
          // Territories feed other screens too (the users screen, call plans, the header): refetch what is shown.
          void queryClient.invalidateQueries();
          router.push(`/admin/territories/${saved.id}?created=1`);
        }, fail),
  );
  const id = territory ? "edit" : "new";
  return (
    <form
      aria-label={territory ? "Territory details" : "New territory"}
      className="grid content-start gap-2"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      {territory ? null : <h2 className="text-sm font-semibold text-slate-900">New territory</h2>}
      <div className="grid gap-2 sm:grid-cols-[7rem_1fr_1fr]">
        <div>
          <Label htmlFor={`${id}-territory-code`}>Code</Label>
          <Input
            id={`${id}-territory-code`}
            placeholder="SE-ATL"
            aria-invalid={errors.code ? true : undefined}
            {...form.register("code")}
          />
        </div>
        <div>
          <Label htmlFor={`${id}-territory-name`}>Name</Label>
          <Input
            id={`${id}-territory-name`}
            placeholder="Atlanta"
            aria-invalid={errors.name ? true : undefined}
            {...form.register("name")}
          />
        </div>
        <div>
          <Label htmlFor={`${id}-territory-region`}>Region</Label>
          <Select id={`${id}-territory-region`} {...form.register("regionId")}>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <FieldError
        messages={[errors.code?.message, errors.name?.message, errors.regionId?.message].filter((m): m is string =>
          Boolean(m),
        )}
      />
      <div>
        <Button type="submit" variant={territory ? "primary" : "secondary"} disabled={isSubmitting || !isDirty}>
          {isSubmitting ? <Spinner /> : null} {territory ? "Save" : "Create territory"}
        </Button>
      </div>
    </form>
  );
}
