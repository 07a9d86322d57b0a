"use client";

import { AlertCircle } from "lucide-react";
import { useActionState } from "react";

import { Alert, Button, FieldError, Input, Label, Spinner } from "@pharmacrm/ui";

import { setPassword, type SetPasswordState } from "./actions";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, formAction, pending] = useActionState<SetPasswordState, FormData>(setPassword, {
    error: null,
    fieldErrors: {},
  });
  return (
    <div className="space-y-5">
      {state.error ? (
        <Alert tone="danger" icon={<AlertCircle />} data-testid="set-password-error">
          {state.error}
        </Alert>
      ) : null}
      <form action={formAction} className="space-y-4" noValidate aria-label="Set your password">
        <input type="hidden" name="token" value={token} />
        {/* For password managers: the account this password belongs to. */}
        <input type="hidden" name="username" autoComplete="username" value={email} />
        <div className="space-y-1.5">
          <Label htmlFor="new-password">New password</Label>
          <Input
            id="new-password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            aria-invalid={state.fieldErrors.password ? true : undefined}
            aria-describedby={state.fieldErrors.password ? "new-password-error" : undefined}
          />
          <FieldError
            id="new-password-error"
            messages={state.fieldErrors.password ? [state.fieldErrors.password] : null}
          />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="confirm-password">The same password again</Label>
          <Input
            id="confirm-password"
            name="confirm"
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={state.fieldErrors.confirm ? true : undefined}
            aria-describedby={state.fieldErrors.confirm ? "confirm-password-error" : undefined}
          />
          <FieldError
            id="confirm-password-error"
            messages={state.fieldErrors.confirm ? [state.fieldErrors.confirm] : null}
          />
        </div>
        <Button type="submit" size="lg" className="w-full" disabled={pending}>
          {pending ? (
            <>
              <Spinner /> Saving…
            </>
          ) : (
            "Set password"
          )}
        </Button>
      </form>
    </div>
  );
}
