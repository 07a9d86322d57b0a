import { AuditTrailScreen } from "~/components/audit/audit-trail-screen";
import { AdminsOnly } from "~/components/data/admins-only";
import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";

import { getViewer } from "@pharmacrm/auth";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AuditTrailPage() {
  // The layout has already sent signed-out visitors to /sign-in.
  const viewer = await getViewer();
  if (viewer?.role !== "admin") return <AdminsOnly what="The audit trail" />;
  return (
    <NuqsAdapter>
      <AuditTrailScreen />
    </NuqsAdapter>
  );
}
