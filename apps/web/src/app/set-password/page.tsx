import { SignInFrame } from "~/app/sign-in/sign-in-frame";
import type { Metadata } from "next";
import Link from "next/link";

import { getDb } from "@pharmacrm/db";
import { LINK_REFUSALS, passwordLinkState } from "@pharmacrm/domain";

import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

/** Where an invitation or a reset link lands: who it is for, and a form to choose a password. */
export default async function SetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const link = await passwordLinkState(await getDb(), token);
  if (link.state !== "valid")
    return (
      <SignInFrame title="This link cannot be used" description={LINK_REFUSALS[link.state]}>
        <Link href="/sign-in" className="text-sm font-medium text-brand-700 hover:underline">
          Go to sign in
        </Link>
      </SignInFrame>
    );
  return (
    <SignInFrame
      title={link.purpose === "invite" ? `Welcome, ${link.name}` : "Choose a new password"}
      description={
        <>
          Set the password for <strong className="text-slate-700">{link.email}</strong>. Use at least 12 characters; a
          few words you will remember work well. Signing in everywhere else ends when you save it.
        </>
      }
    >
      <SetPasswordForm token={token} email={link.email} />
    </SignInFrame>
  );
}
