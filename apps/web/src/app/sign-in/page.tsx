import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer, oidcEnabled } from "@pharmacrm/auth";
import { getDb } from "@pharmacrm/db";
import { DEMO_PASSWORD, demoSignIns } from "@pharmacrm/demo/sign-ins";
import { activeEmails } from "@pharmacrm/domain";
import { Card } from "@pharmacrm/ui";
import { Wordmark } from "~/components/brand";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

// Auth.js redirects here with ?error=<type>; say what it means without leaking detail.
const authErrors: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  AccessDenied: "Your account is not set up for PharmaCRM yet. Ask your administrator to add you.",
  Configuration: "Sign-in is not configured correctly. Please contact your administrator.",
};

/** The demo users this database actually holds (none on an install without the demo data). */
async function demoAccounts() {
  const present = await activeEmails(await getDb(), demoSignIns.map((s) => s.email));
  return demoSignIns
    .filter((s) => present.has(s.email))
    .map((s) => ({ email: s.email, role: s.role, org: s.org, scope: s.territory ?? s.region ?? "whole organisation" }));
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(first(params.callbackUrl));
  if (await getViewer()) redirect(callbackUrl);

  const errorType = first(params.error);
  const accounts = await demoAccounts();
  const initialError = errorType ? (authErrors[errorType] ?? "We could not sign you in. Please try again.") : null;

  return (
    <main className="flex min-h-dvh flex-col bg-gradient-to-b from-white to-slate-100">
      <div className="flex flex-1 flex-col items-center justify-center px-4 py-12">
        <Wordmark className="text-xl [&_svg]:size-9" />
        <p className="mt-2 text-sm text-slate-500">Physicians, territories and calls for field teams.</p>

        <Card className="mt-8 w-full max-w-sm p-6 shadow-sm">
          <h1 className="text-base font-semibold text-slate-900">Sign in to your account</h1>
          <p className="mt-1 mb-5 text-sm text-slate-500">Use the email address your organisation registered.</p>
          <SignInForm callbackUrl={callbackUrl} initialError={initialError} ssoEnabled={oidcEnabled()}
            demo={{ accounts, password: DEMO_PASSWORD }}
          />
        </Card>
      </div>
      <footer className="pb-6 text-center text-xs text-slate-400">
        Physician reference data from the CMS National Plan &amp; Provider Enumeration System (NPPES).
      </footer>
    </main>
  );
}
