import { AdminsOnly } from "~/components/data/admins-only";
import { TerritoriesScreen } from "~/components/territories/territories-screen";
import type { Metadata } from "next";

import { getViewer } from "@pharmacrm/auth";

export const metadata: Metadata = { title: "Territories" };

export default async function TerritoriesPage() {
  // The layout has already sent signed-out visitors to /sign-in.
  const viewer = await getViewer();
  return viewer?.role === "admin" ? <TerritoriesScreen /> : <AdminsOnly what="Territory set-up" />;
}
