"use client";

import { AlertCircle } from "lucide-react";
import { useActionState } from "react";

import { Alert, Button, buttonClasses, Spinner } from "@pharmacrm/ui";

import { confirmEnrolmentAction, type CodeActionState } from "./actions";
import { CodeField } from "./code-field";
import type { QrMatrix } from "./qr-code";
import { QrImage } from "./qr-image";
import { RecoveryCodes } from "./recovery-codes";

interface EnrolmentPanelProps {
  qr: QrMatrix;
  /** The key in base32, for typing into an app by hand. */
  secret: string;
  /** Where "Continue" goes once the codes are saved. */
  continueHref: string;
}

const initial: CodeActionState = { error: null, recoveryCodes: null };

/** Scan (or type) the key, confirm with a code, then save the recovery codes. */
export function EnrolmentPanel({ qr, secret, continueHref }: EnrolmentPanelProps) {
  const [state, formAction, pending] = useActionState(confirmEnrolmentAction, initial);
  if (state.recoveryCodes) {
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Two-step verification is on">
          From now on, signing in asks for a code from your app.
        </Alert>
        <RecoveryCodes codes={state.recoveryCodes} />
        {/* A full page load, so the app sees the session's new state. */}
        <a href={continueHref} className={buttonClasses({ size: "sm" })}>
          I have saved them — continue
        </a>
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <ol className="space-y-5 text-sm text-slate-700">
        <li className="space-y-2">
          <p>
            <span className="font-medium text-slate-900">1. Scan this QR code</span> with an authenticator app (Google
            Authenticator, Microsoft Authenticator, 1Password, Authy…).
          </p>
          <QrImage matrix={qr} label="QR code to add PharmaCRM to your authenticator app" />
          <p className="text-xs text-slate-500">
            Cannot scan? Enter this key in the app instead (time-based):{" "}
            <code
              className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-all text-slate-800"
              data-testid="mfa-secret"
            >
              {secret.match(/.{1,4}/g)?.join(" ")}
            </code>
          </p>
        </li>
        <li className="space-y-2">
          <p>
            <span className="font-medium text-slate-900">2. Enter the 6-digit code</span> the app shows.
          </p>
          {state.error ? (
            <Alert tone="danger" icon={<AlertCircle />} data-testid="enrol-error">
              {state.error}
            </Alert>
          ) : null}
          <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate>
            <CodeField id="enrol-code" label="Code from the app" invalid={Boolean(state.error)} />
            <Button type="submit" disabled={pending}>
              {pending ? <Spinner /> : null}
              Turn on
            </Button>
          </form>
        </li>
      </ol>
    </div>
  );
}
