import { AnalyticsDashboard } from "~/components/analytics/analytics-dashboard";
import { territorySummary } from "~/lib/labels";
import { serverApi } from "~/trpc/server";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  const me = await (await serverApi()).viewer.me();
  const scope =
    me.role === "admin"
      ? `all of ${me.orgName}`
      : me.role === "manager"
        ? `your region (${territorySummary(me)})`
        : `your territories and your own calls (${territorySummary(me)})`;
  return <AnalyticsDashboard role={me.role} scopeLabel={scope} />;
}
