"use client";

import { AlertCircle, KeyRound } from "lucide-react";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";

import { Alert, Button, Input, Label, Spinner } from "@pharmacrm/ui";

import { signInWithPassword, signInWithSso, type SignInState } from "./actions";
import { DemoAccounts, type DemoAccount } from "./demo-accounts";

interface SignInFormProps {
  callbackUrl: string;
  /** An error Auth.js reported by redirecting here (`?error=…`). */
  initialError: string | null;
  ssoEnabled: boolean;
  /** Seeded demo users that exist in this database, with their shared password. */
  demo?: { accounts: readonly DemoAccount[]; password: string };
}

export function SignInForm({ callbackUrl, initialError, ssoEnabled, demo }: SignInFormProps) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInWithPassword, {
    error: initialError,
    email: "",
  });

  return (
    <div className="space-y-5">
      {state.error ? (
        <Alert tone="danger" icon={<AlertCircle />} data-testid="sign-in-error">
          {state.error}
        </Alert>
      ) : null}

      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <div className="space-y-1.5">
          <Label htmlFor="email">Work email</Label>
          <Input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={state.email}
            placeholder="you@company.com"
            aria-invalid={state.error ? true : undefined}
          />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="password">Password</Label>
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={state.error ? true : undefined}
          />
        </div>
        <Button type="submit" size="lg" className="w-full" disabled={pending}>
          {pending ? (
            <>
              <Spinner /> Signing in…
            </>
          ) : (
            "Sign in"
          )}
        </Button>
      </form>

      {ssoEnabled ? (
        <>
          <div className="flex items-center gap-3 text-xs text-slate-400">
            <span className="h-px flex-1 bg-slate-200" />
            or
            <span className="h-px flex-1 bg-slate-200" />
          </div>
          <form action={signInWithSso}>
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <SsoButton />
          </form>
        </>
      ) : null}

      {demo && demo.accounts.length > 0 ? (
        <DemoAccounts accounts={demo.accounts} password={demo.password} callbackUrl={callbackUrl} action={formAction} />
      ) : null}
    </div>
  );
}

function SsoButton() {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="secondary" size="lg" className="w-full" disabled={pending}>
      {pending ? <Spinner /> : <KeyRound />}
      Sign in with single sign-on
    </Button>
  );
}
