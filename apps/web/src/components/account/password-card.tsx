"use client";

import { KeyRound } from "lucide-react";
import { useActionState, useState, type FormEvent } from "react";

import { changePasswordInput } from "@pharmacrm/domain/password-link-input";
import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Spinner } from "@pharmacrm/ui";

import { changePasswordAction, type PasswordChangeState } from "./actions";
import { messagesByField, PasswordField } from "./password-field";

/** The signed-in person's own password: the current one, then the new one twice. Signs them out everywhere. */
export function PasswordCard({ email, hasPassword }: { email: string; hasPassword: boolean }) {
  const [state, formAction, pending] = useActionState<PasswordChangeState, FormData>(changePasswordAction, {
    fieldErrors: {},
  });
  const [local, setLocal] = useState<PasswordChangeState["fieldErrors"] | null>(null);
  const errors = local ?? state.fieldErrors;
  const check = (event: FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget);
    const parsed = changePasswordInput.safeParse({
      current: String(form.get("current") ?? ""),
      password: String(form.get("password") ?? ""),
      confirm: String(form.get("confirm") ?? ""),
    });
    if (parsed.success) return setLocal(null);
    event.preventDefault();
    setLocal(messagesByField(parsed.error, ["current", "password", "confirm"]));
  };
  return (
    <Card aria-labelledby="password-title">
      <CardHeader>
        <div>
          <CardTitle id="password-title" className="flex items-center gap-2">
            <KeyRound className="size-4" aria-hidden /> Password
          </CardTitle>
          <CardDescription>
            {hasPassword
              ? "Changing it signs you out everywhere, here too: sign in again with the new one."
              : "You sign in with your organisation's single sign-on: there is no password to change here."}
          </CardDescription>
        </div>
      </CardHeader>
      {hasPassword ? (
        <CardContent>
          <form
            action={formAction}
            onSubmit={check}
            className="grid max-w-sm gap-3"
            noValidate
            aria-label="Change password"
          >
            <input type="hidden" name="username" autoComplete="username" value={email} />
            <PasswordField
              id="current-password"
              name="current"
              label="Current password"
              autoComplete="current-password"
              error={errors.current}
            />
            <PasswordField
              id="changed-password"
              name="password"
              label="New password (at least 12 characters)"
              autoComplete="new-password"
              error={errors.password}
            />
            <PasswordField
              id="changed-confirm"
              name="confirm"
              label="The new password again"
              autoComplete="new-password"
              error={errors.confirm}
            />
            <div>
              <Button type="submit" disabled={pending}>
                {pending ? <Spinner /> : null} Change password
              </Button>
            </div>
          </form>
        </CardContent>
      ) : null}
    </Card>
  );
}
