"use client";

import { messagesByField, PasswordField } from "~/components/account/password-field";
import { AlertCircle } from "lucide-react";
import { useActionState, useState, type FormEvent } from "react";

import { newPasswordInput } from "@pharmacrm/domain/password-link-input";
import { Alert, Button, Input, Label, Spinner } from "@pharmacrm/ui";

import { setPassword, type SetPasswordState } from "./actions";

type FieldErrors = SetPasswordState["fieldErrors"];

/** The new password, typed twice: checked here first (so a slip keeps what was typed), then by the server. */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, formAction, pending] = useActionState<SetPasswordState, FormData>(setPassword, {
    error: null,
    fieldErrors: {},
  });
  const [local, setLocal] = useState<FieldErrors | null>(null);
  const errors = local ?? state.fieldErrors;
  const check = (event: FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget);
    const parsed = newPasswordInput.safeParse({
      token,
      password: String(form.get("password") ?? ""),
      confirm: String(form.get("confirm") ?? ""),
    });
    if (parsed.success) return setLocal(null);
    event.preventDefault();
    setLocal(messagesByField(parsed.error, ["password", "confirm"]));
  };
  return (
    <div className="space-y-5">
      {state.error ? (
        <Alert tone="danger" icon={<AlertCircle />} data-testid="set-password-error">
          {state.error}
        </Alert>
      ) : null}
      <form action={formAction} onSubmit={check} className="space-y-4" noValidate aria-label="Set your password">
        <input type="hidden" name="token" value={token} />
        <div className="space-y-1.5">
          <Label htmlFor="account-email">Account</Label>
          {/* Read-only, for password managers: the account this password belongs to. */}
          <Input id="account-email" name="username" type="email" autoComplete="username" value={email} readOnly />
        </div>
        <PasswordField
          id="new-password"
          name="password"
          label="New password"
          autoComplete="new-password"
          error={errors.password}
        />
        <PasswordField
          id="confirm-password"
          name="confirm"
          label="The same password again"
          autoComplete="new-password"
          error={errors.confirm}
        />
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
