import { AuditScreen } from "~/components/copilot/audit/audit-screen";
import { AdminsOnly } from "~/components/data/admins-only";
import type { Metadata } from "next";

import { getViewer } from "@pharmacrm/auth";

export const metadata: Metadata = { title: "Copilot audit" };

export default async function CopilotAuditPage() {
  // The layout has already sent signed-out visitors to /sign-in.
  const viewer = await getViewer();
  return viewer?.role === "admin" ? <AuditScreen /> : <AdminsOnly what="The copilot audit" />;
}
