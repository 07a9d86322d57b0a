import { safeRedirectPath } from "~/lib/safe-redirect";
import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { getSessionViewer } from "@pharmacrm/auth";

import { secondStepPath } from "../second-step-path";
import { SignInFrame } from "../sign-in-frame";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Two-step verification" };

export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl: raw } = await searchParams;
  const callbackUrl = safeRedirectPath(Array.isArray(raw) ? raw[0] : raw);
  const session = await getSessionViewer();
  if (!session) redirect("/sign-in");
  if (session.secondFactor !== "verify") redirect(secondStepPath(session.secondFactor, callbackUrl));
  return (
    <SignInFrame
      title="Two-step verification"
      description={
        <>
          Signed in as <span className="font-medium text-slate-700">{session.viewer.email}</span>. Enter the 6-digit
          code from your authenticator app, or one of your recovery codes.
        </>
      }
    >
      <VerifyForm callbackUrl={callbackUrl} />
    </SignInFrame>
  );
}
