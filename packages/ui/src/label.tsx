import type { ComponentProps } from "react";

import { cn } from "./cn";

export function Label({ className, ...props }: ComponentProps<"label">) {
  return <label className={cn("block text-sm font-medium text-slate-700", className)} {...props} />;
}

/** Validation message under a field; `id` is what the field's aria-describedby points at. */
export function FieldError({ id, messages }: { id?: string; messages?: readonly string[] | null }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-600">
      {messages.join(" ")}
    </p>
  );
}
