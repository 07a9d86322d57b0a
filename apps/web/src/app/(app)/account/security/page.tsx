import { qrMatrix } from "~/components/account/qr-code";
import { SecurityScreen } from "~/components/account/security-screen";
import type { Metadata } from "next";
import { redirect } from "next/navigation";

import {
  getSessionViewer,
  hasOwnPassword,
  mfaEnrolledAt,
  mfaKeys,
  pendingEnrolment,
  remainingRecoveryCodes,
} from "@pharmacrm/auth";
import { getDb } from "@pharmacrm/db";
import { listActiveSessions, mfaPolicy, secondFactorRequired } from "@pharmacrm/domain";

export const metadata: Metadata = { title: "Account security" };

export default async function SecurityPage() {
  // The layout has already sent signed-out and part-way sessions elsewhere.
  const session = await getSessionViewer();
  if (!session) redirect("/sign-in");
  const { viewer } = session;
  const db = await getDb();
  const user = { userId: viewer.userId, orgId: viewer.orgId, email: viewer.email };
  const [enrolledAt, pending, remaining, sessions, policy, hasPassword] = await Promise.all([
    mfaEnrolledAt(db, viewer.userId),
    pendingEnrolment(db, user, mfaKeys()),
    remainingRecoveryCodes(db, viewer.userId),
    listActiveSessions(db, viewer.userId),
    mfaPolicy(db, { orgId: viewer.orgId, userId: viewer.userId, role: viewer.role, territoryIds: null }),
    hasOwnPassword(db, viewer.userId),
  ]);
  const required = secondFactorRequired({ ...viewer, mfaRequiredForAdmins: policy.requiredForAdmins });
  return (
    <SecurityScreen
      email={viewer.email}
      required={required}
      enrolledAt={enrolledAt}
      remainingRecoveryCodes={remaining}
      pending={pending && !enrolledAt ? { secret: pending.secret, qr: qrMatrix(pending.uri) } : null}
      sessions={sessions}
      currentSessionId={session.sessionId}
      hasPassword={hasPassword}
    />
  );
}
