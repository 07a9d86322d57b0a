import { ComplianceScreen } from "~/components/compliance/compliance-screen";
import { AdminsOnly } from "~/components/data/admins-only";
import type { Metadata } from "next";

import { getViewer } from "@pharmacrm/auth";

export const metadata: Metadata = { title: "Compliance library" };

export default async function CompliancePage() {
  // The layout has already sent signed-out visitors to /sign-in.
  const viewer = await getViewer();
  return viewer?.role === "admin" ? <ComplianceScreen /> : <AdminsOnly what="The compliance library" />;
}
