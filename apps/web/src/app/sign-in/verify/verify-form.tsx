"use client";

import { signOutAction } from "~/components/shell/actions";
import { AlertCircle } from "lucide-react";
import { useActionState } from "react";

import { Alert, Button, Input, Label, Spinner } from "@pharmacrm/ui";

import { verifySecondFactorAction, type CodeState } from "./actions";

export function VerifyForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState<CodeState, FormData>(verifySecondFactorAction, { error: null });
  return (
    <div className="space-y-4">
      {state.error ? (
        <Alert tone="danger" icon={<AlertCircle />} data-testid="verify-error">
          {state.error}
        </Alert>
      ) : null}
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <div className="space-y-1.5">
          <Label htmlFor="code">Code</Label>
          <Input
            id="code"
            name="code"
            autoComplete="one-time-code"
            autoFocus
            required
            maxLength={40}
            spellCheck={false}
            placeholder="123456 or a recovery code"
            aria-invalid={state.error ? true : undefined}
          />
        </div>
        <Button type="submit" size="lg" className="w-full" disabled={pending}>
          {pending ? (
            <>
              <Spinner /> Checking…
            </>
          ) : (
            "Verify"
          )}
        </Button>
      </form>
      <form action={signOutAction}>
        <Button type="submit" variant="ghost" size="sm" className="w-full">
          Cancel and sign out
        </Button>
      </form>
      <p className="text-xs text-slate-500">
        Lost your phone and your recovery codes? An administrator of your organisation can reset your authenticator.
      </p>
    </div>
  );
}
