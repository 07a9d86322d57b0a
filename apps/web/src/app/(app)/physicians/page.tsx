import type { Metadata } from "next";
import { Suspense } from "react";
import { getViewer } from "@pharmacrm/auth";
import { PhysicianDirectory } from "~/components/physicians/physician-directory";

export const metadata: Metadata = { title: "Physicians" };

export default async function PhysiciansPage() {
  // The layout has already sent signed-out visitors to /sign-in.
  const viewer = await getViewer();
  const wholeOrg = viewer?.role === "admin";
  return (
    // useSearchParams needs a Suspense boundary; the directory shows its own skeleton while it loads.
    <Suspense>
      <PhysicianDirectory mineDefault={!wholeOrg} showMineToggle={!wholeOrg} showTerritoryBadge={!wholeOrg} />
    </Suspense>
  );
}
