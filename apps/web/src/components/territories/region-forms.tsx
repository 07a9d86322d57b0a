"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { showFieldErrors } from "~/lib/form-errors";
import { messageOf, useTRPC } from "~/trpc/react";
import { Pencil } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { createRegionInput, renameRegionInput } from "@pharmacrm/domain/territory-input";
import { Button, FieldError, Input, Label, Spinner } from "@pharmacrm/ui";

import type { Notice } from "./territories-screen";

/** A new region, by name (unique in the org). */
export function NewRegionForm({ onDone }: { onDone: (notice: Notice) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.territories.createRegion.mutationOptions());
  const form = useForm<z.input<typeof createRegionInput>, unknown, z.output<typeof createRegionInput>>({
    resolver: zodResolver(createRegionInput),
    defaultValues: { name: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit((values) =>
    create.mutateAsync(values).then(
      (region) => {
        onDone({ tone: "success", text: `${region.name} is created. Add its territories next.` });
        form.reset();
        // Territories feed other screens too (the users screen, call plans, the header): refetch what is shown.
        void queryClient.invalidateQueries();
      },
      (error: unknown) => {
        if (!showFieldErrors(form, error)) onDone({ tone: "danger", text: messageOf(error) });
      },
    ),
  );
  return (
    <form aria-label="New region" className="grid content-start gap-2" onSubmit={(e) => void submit(e)} noValidate>
      <h2 className="text-sm font-semibold text-slate-900">New region</h2>
      <div className="flex items-end gap-2">
        <div className="grow">
          <Label htmlFor="region-name">Name</Label>
          <Input
            id="region-name"
            placeholder="Southeast"
            aria-invalid={errors.name ? true : undefined}
            {...form.register("name")}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          {isSubmitting ? <Spinner /> : null} Create region
        </Button>
      </div>
      <FieldError messages={errors.name?.message ? [errors.name.message] : null} />
    </form>
  );
}

/** Renames a region in place: a pencil, then the name field with Save and Cancel. */
export function RenameRegion({
  region,
  onDone,
}: {
  region: { id: string; name: string };
  onDone: (notice: Notice) => void;
}) {
  const [editing, setEditing] = useState(false);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rename = useMutation(trpc.territories.renameRegion.mutationOptions());
  const form = useForm<z.input<typeof renameRegionInput>, unknown, z.output<typeof renameRegionInput>>({
    resolver: zodResolver(renameRegionInput),
    defaultValues: { id: region.id, name: region.name },
  });
  const { errors, isSubmitting } = form.formState;
  if (!editing)
    return (
      <Button
        variant="ghost"
        size="sm"
        aria-label={`Rename ${region.name}`}
        onClick={() => {
          form.reset({ id: region.id, name: region.name });
          setEditing(true);
        }}
      >
        <Pencil className="size-3.5" aria-hidden /> Rename
      </Button>
    );
  const submit = form.handleSubmit((values) =>
    rename.mutateAsync(values).then(
      (renamed) => {
        onDone({ tone: "success", text: `${region.name} is now ${renamed.name}.` });
        setEditing(false);
        // Territories feed other screens too (the users screen, call plans, the header): refetch what is shown.
        void queryClient.invalidateQueries();
      },
      (error: unknown) => {
        if (!showFieldErrors(form, error)) onDone({ tone: "danger", text: messageOf(error) });
      },
    ),
  );
  return (
    <form aria-label={`Rename ${region.name}`} className="grid gap-1" onSubmit={(e) => void submit(e)} noValidate>
      <div className="flex items-center gap-2">
        <Input
          aria-label="New name"
          className="w-48"
          autoFocus
          aria-invalid={errors.name ? true : undefined}
          {...form.register("name")}
        />
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {isSubmitting ? <Spinner /> : null} Save
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            form.reset();
            setEditing(false);
          }}
        >
          Cancel
        </Button>
      </div>
      <FieldError messages={errors.name?.message ? [errors.name.message] : null} />
    </form>
  );
}
