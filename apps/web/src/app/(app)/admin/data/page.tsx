import { AdminsOnly } from "~/components/data/admins-only";
import { DataScreen } from "~/components/data/data-screen";
import type { Metadata } from "next";

import { getViewer } from "@pharmacrm/auth";
import { isPlatformOperator } from "@pharmacrm/jobs";

export const metadata: Metadata = { title: "Data" };

export default async function DataPage() {
  // The layout has already sent signed-out visitors to /sign-in.
  const viewer = await getViewer();
  const operator = isPlatformOperator(viewer);
  return viewer?.role === "admin" || operator ? (
    <DataScreen canLoad={operator} />
  ) : (
    <AdminsOnly what="The Data screen" />
  );
}
