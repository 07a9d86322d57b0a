"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { showFieldErrors } from "~/lib/form-errors";
import { fieldErrorsOf, messageOf, useTRPC } from "~/trpc/react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { newTaskInput, updateTaskInput } from "@pharmacrm/domain/task-input";
import { Alert, Button, FieldError, Input, Label, Select, Spinner, Textarea } from "@pharmacrm/ui";

type NewTask = z.input<typeof newTaskInput>;
type TaskChange = z.input<typeof updateTaskInput>;

function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      {children}
      <FieldError id={`${id}-error`} messages={error ? [error] : null} />
    </div>
  );
}

/** An optional field left empty is absent, not an empty string the schema would refuse. */
const blankAsUndefined = (value: string | undefined) => (value ? value : undefined);

const describedBy = (id: string, error: unknown) => ({
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error ? `${id}-error` : undefined,
});

/** A new task: the viewer's own, or (managers, admins) for a rep they oversee; about a physician when an NPI is given. */
export function NewTaskForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const assignees = useQuery(trpc.task.assignees.queryOptions());
  const form = useForm<NewTask>({ resolver: zodResolver(newTaskInput), defaultValues: { title: "", details: "" } });
  const create = useMutation(trpc.task.create.mutationOptions());
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.task.pathKey() });
      onDone();
    } catch (error) {
      showFieldErrors(form, error);
    }
  });
  const others = (assignees.data ?? []).filter((a) => !a.you);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-3" aria-label="New task">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="task-title" label="Title" error={errors.title?.message}>
          <Input id="task-title" {...describedBy("task-title", errors.title)} {...form.register("title")} />
        </Field>
        <Field id="task-due" label="Due on (optional)" error={errors.dueDate?.message}>
          <Input
            id="task-due"
            type="date"
            {...describedBy("task-due", errors.dueDate)}
            {...form.register("dueDate", { setValueAs: blankAsUndefined })}
          />
        </Field>
        <Field id="task-npi" label="Physician's NPI (optional)" error={errors.npi?.message}>
          <Input
            id="task-npi"
            inputMode="numeric"
            {...describedBy("task-npi", errors.npi)}
            {...form.register("npi", { setValueAs: blankAsUndefined })}
          />
        </Field>
        {others.length > 0 ? (
          <Field id="task-owner" label="For" error={errors.ownerId?.message}>
            <Select
              id="task-owner"
              {...describedBy("task-owner", errors.ownerId)}
              {...form.register("ownerId", { setValueAs: blankAsUndefined })}
            >
              <option value="">Me</option>
              {others.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </div>
      <Field id="task-details" label="Details (optional)" error={errors.details?.message}>
        <Textarea
          id="task-details"
          rows={2}
          {...describedBy("task-details", errors.details)}
          {...form.register("details")}
        />
      </Field>
      {create.isError && Object.keys(fieldErrorsOf(create.error)).length === 0 ? (
        <Alert tone="danger">{messageOf(create.error)}</Alert>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? <Spinner /> : null}
          Create task
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** An open task's title, details and due date (a new due date reschedules it). */
export function EditTaskForm({ task, onDone }: { task: TaskChange; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<TaskChange>({ resolver: zodResolver(updateTaskInput), defaultValues: task });
  const update = useMutation(trpc.task.update.mutationOptions());
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync({ ...values, dueDate: values.dueDate || null, details: values.details || null });
      await queryClient.invalidateQueries({ queryKey: trpc.task.pathKey() });
      onDone();
    } catch (error) {
      showFieldErrors(form, error);
    }
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-3" aria-label="Edit task">
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <Field id="edit-title" label="Title" error={errors.title?.message}>
          <Input id="edit-title" {...describedBy("edit-title", errors.title)} {...form.register("title")} />
        </Field>
        <Field id="edit-due" label="Due on" error={errors.dueDate?.message}>
          <Input
            id="edit-due"
            type="date"
            {...describedBy("edit-due", errors.dueDate)}
            {...form.register("dueDate", { setValueAs: (v: string | null) => v || null })}
          />
        </Field>
      </div>
      <Field id="edit-details" label="Details" error={errors.details?.message}>
        <Textarea
          id="edit-details"
          rows={2}
          {...describedBy("edit-details", errors.details)}
          {...form.register("details")}
        />
      </Field>
      {update.isError && Object.keys(fieldErrorsOf(update.error)).length === 0 ? (
        <Alert tone="danger">{messageOf(update.error)}</Alert>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting || !form.formState.isDirty}>
          {form.formState.isSubmitting ? <Spinner /> : null}
          Save
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
