import { AnalyticsDashboard } from "~/components/analytics/analytics-dashboard";
import { analyticsScope } from "~/lib/labels";
import { serverApi } from "~/trpc/server";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  const me = await (await serverApi()).viewer.me();
  const scope = analyticsScope(me);
  return <AnalyticsDashboard role={me.role} scopeLabel={scope} />;
}
