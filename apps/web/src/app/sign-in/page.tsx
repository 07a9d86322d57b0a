import { safeRedirectPath } from "~/lib/safe-redirect";
import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { getSessionViewer, oidcEnabled } from "@pharmacrm/auth";
import { getDb } from "@pharmacrm/db";
import { DEMO_PASSWORD, demoSignIns } from "@pharmacrm/demo/sign-ins";
import { activeEmails } from "@pharmacrm/domain";
import { Alert } from "@pharmacrm/ui";

import { secondStepPath } from "./second-step-path";
import { SignInForm } from "./sign-in-form";
import { SignInFrame } from "./sign-in-frame";

export const metadata: Metadata = { title: "Sign in" };

// Auth.js redirects here with ?error=<type>; say what it means without leaking detail.
const authErrors: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  AccessDenied: "Your account is not set up for PharmaCRM yet. Ask your administrator to add you.",
  Configuration: "Sign-in is not configured correctly. Please contact your administrator.",
};

/** The demo users this database actually holds (none on an install without the demo data). */
async function demoAccounts() {
  const present = await activeEmails(
    await getDb(),
    demoSignIns.map((s) => s.email),
  );
  return demoSignIns
    .filter((s) => present.has(s.email))
    .map((s) => ({
      email: s.email,
      role: s.role,
      org: s.org,
      scope: s.platformOperator
        ? "platform operator: loads CMS data; needs an authenticator app"
        : (s.territory ?? s.region ?? "whole organisation"),
    }));
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(first(params.callbackUrl));
  // Signed in already, or part-way (a code or an authenticator setup still owed): go on from there.
  const session = await getSessionViewer();
  if (session) redirect(secondStepPath(session.secondFactor, callbackUrl));

  const errorType = first(params.error);
  const accounts = await demoAccounts();
  const initialError =
    first(params.code) === "throttled"
      ? "Too many attempts; please wait a few minutes and try again."
      : errorType
        ? (authErrors[errorType] ?? "We could not sign you in. Please try again.")
        : null;

  return (
    <SignInFrame title="Sign in to your account" description="Use the email address your organisation registered.">
      {first(params.password) === "set" ? (
        <Alert tone="success" className="mb-4" data-testid="password-set">
          Your password is set. Sign in with it.
        </Alert>
      ) : null}
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={initialError}
        ssoEnabled={oidcEnabled()}
        demo={{ accounts, password: DEMO_PASSWORD }}
      />
    </SignInFrame>
  );
}
