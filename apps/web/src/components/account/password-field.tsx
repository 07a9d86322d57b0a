import type { z } from "zod";

import { FieldError, Input, Label } from "@pharmacrm/ui";

/** A password input with its label and its message, announced when it appears. */
export function PasswordField(props: {
  id: string;
  name: string;
  label: string;
  autoComplete: string;
  error?: string;
}) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={props.id}>{props.label}</Label>
      <Input
        id={props.id}
        name={props.name}
        type="password"
        autoComplete={props.autoComplete}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      />
      <div aria-live="polite">
        <FieldError id={`${props.id}-error`} messages={props.error ? [props.error] : null} />
      </div>
    </div>
  );
}

/** The first message per field of a failed parse (what a password form shows under each field). */
export function messagesByField<F extends string>(error: z.ZodError, fields: readonly F[]): Partial<Record<F, string>> {
  return Object.fromEntries(
    fields.map((field) => [field, error.issues.find((issue) => issue.path[0] === field)?.message]),
  ) as Partial<Record<F, string>>;
}
