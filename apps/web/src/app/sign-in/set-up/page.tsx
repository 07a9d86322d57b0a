import { EnrolmentPanel } from "~/components/account/enrolment-panel";
import { qrMatrix } from "~/components/account/qr-code";
import { signOutAction } from "~/components/shell/actions";
import { safeRedirectPath } from "~/lib/safe-redirect";
import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { getSessionViewer, mfaKeys, pendingEnrolment, startEnrolment } from "@pharmacrm/auth";
import { getDb } from "@pharmacrm/db";
import { Button } from "@pharmacrm/ui";

import { secondStepPath } from "../second-step-path";
import { SignInFrame } from "../sign-in-frame";

export const metadata: Metadata = { title: "Set up two-step verification" };

/** Where an admin (when the org requires it) or a platform operator lands after the password: nothing else until done. */
export default async function SetUpPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl: raw } = await searchParams;
  const callbackUrl = safeRedirectPath(Array.isArray(raw) ? raw[0] : raw);
  const session = await getSessionViewer();
  if (!session) redirect("/sign-in");
  if (session.secondFactor !== "enrol") redirect(secondStepPath(session.secondFactor, callbackUrl));

  const db = await getDb();
  const user = { userId: session.viewer.userId, orgId: session.viewer.orgId, email: session.viewer.email };
  // Reloading the page keeps the key already scanned rather than making a new one.
  const enrolment = (await pendingEnrolment(db, user, mfaKeys())) ?? (await startEnrolment(db, user, mfaKeys()));
  const why = session.viewer.platformOperator
    ? "Platform operators must sign in with a second factor."
    : "Your organisation requires administrators to sign in with a second factor.";

  return (
    <SignInFrame
      wide
      title="Set up two-step verification"
      description={
        <>
          {why} Signed in as <span className="font-medium text-slate-700">{session.viewer.email}</span>.
        </>
      }
    >
      <EnrolmentPanel qr={qrMatrix(enrolment.uri)} secret={enrolment.secret} continueHref={callbackUrl} />
      <form action={signOutAction} className="mt-4">
        <Button type="submit" variant="ghost" size="sm">
          Cancel and sign out
        </Button>
      </form>
    </SignInFrame>
  );
}
