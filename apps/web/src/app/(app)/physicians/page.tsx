import { PhysicianSearch } from "~/components/physicians/physician-search";
import type { Metadata } from "next";
import { Suspense } from "react";

import { getViewer } from "@pharmacrm/auth";

export const metadata: Metadata = { title: "Physicians" };

export default async function PhysiciansPage() {
  // The layout has already sent signed-out visitors to /sign-in.
  const viewer = await getViewer();
  const wholeOrg = viewer?.role === "admin";
  return (
    // useSearchParams needs a Suspense boundary; the search shows its own skeleton while it loads.
    <Suspense>
      <PhysicianSearch mineDefault={!wholeOrg} showMineToggle={!wholeOrg} showTerritoryBadge={!wholeOrg} />
    </Suspense>
  );
}
