"use client";

import { AlertCircle } from "lucide-react";
import { useActionState, useId } from "react";

import { Alert, Button, Spinner } from "@pharmacrm/ui";

import type { CodeActionState } from "./actions";
import { CodeField } from "./code-field";
import { RecoveryCodes } from "./recovery-codes";

interface CodeActionFormProps {
  action: (previous: CodeActionState, form: FormData) => Promise<CodeActionState>;
  submitLabel: string;
  danger?: boolean;
}

/** A change that needs the second factor once more: a code field, a button, the error or the result. */
export function CodeActionForm({ action, submitLabel, danger = false }: CodeActionFormProps) {
  const id = useId();
  const [state, formAction, pending] = useActionState(action, { error: null, recoveryCodes: null });
  if (state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} />;
  return (
    <form action={formAction} className="space-y-2" noValidate>
      {state.error ? (
        <Alert tone="danger" icon={<AlertCircle />}>
          {state.error}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <CodeField id={id} label="Code from your app or a recovery code" invalid={Boolean(state.error)} allowRecovery />
        <Button type="submit" variant={danger ? "destructive" : "secondary"} disabled={pending}>
          {pending ? <Spinner /> : null}
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
