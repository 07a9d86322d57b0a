// The API's field errors (a procedure's zod refusal) shown on a react-hook-form form's own fields.
import { fieldErrorsOf } from "~/trpc/react";
import type { FieldPath, FieldValues, UseFormReturn } from "react-hook-form";

/** Server field errors onto the form's fields; true when there were any (otherwise show the error's message). */
export function showFieldErrors<T extends FieldValues>(form: UseFormReturn<T>, error: unknown): boolean {
  const fields = Object.entries(fieldErrorsOf(error));
  for (const [field, messages] of fields) {
    if (messages?.length) form.setError(field as FieldPath<T>, { message: messages.join(" ") });
  }
  return fields.length > 0;
}

/** For `register(…, { setValueAs })`: an optional text field left blank is null, as the procedures take it. */
export const blankAsNull = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value : null;
