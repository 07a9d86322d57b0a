import { ExploreScreen } from "~/components/analytics/explore/explore-screen";
import { analyticsScope } from "~/lib/labels";
import { serverApi } from "~/trpc/server";
import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";

export const metadata: Metadata = { title: "Explore analytics" };

export default async function ExplorePage() {
  const me = await (await serverApi()).viewer.me();
  const scope = analyticsScope(me);
  return (
    <NuqsAdapter>
      <ExploreScreen role={me.role} orgName={me.orgName} scopeLabel={scope} />
    </NuqsAdapter>
  );
}
