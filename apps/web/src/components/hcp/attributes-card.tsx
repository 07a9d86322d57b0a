import { LocalDateTime } from "~/components/local-time";

import { Card, CardContent, CardHeader, CardTitle } from "@pharmacrm/ui";

import { TenantSource } from "./source-footer";
import type { HcpProfile } from "./types";

type Attributes = NonNullable<HcpProfile["attributes"]>;

export function AttributesCard({
  attributes,
  orgName,
  isDemo,
}: {
  attributes: Attributes;
  orgName: string;
  isDemo: boolean;
}) {
  const stats: [string, string][] = [
    ["Segment", attributes.segment ?? "—"],
    ["Tier", attributes.tier ?? "—"],
    ["Decile", attributes.decile == null ? "—" : String(attributes.decile)],
  ];
  return (
    <Card aria-labelledby="attributes-title" data-testid="attributes">
      <CardHeader>
        <CardTitle id="attributes-title">Account profile</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        <dl className="grid grid-cols-3 divide-x divide-slate-100 rounded-md border border-slate-100 bg-slate-50/60">
          {stats.map(([term, value]) => (
            <div key={term} className="px-3 py-2">
              <dt className="text-xs text-slate-500">{term}</dt>
              <dd className="mt-0.5 text-sm font-semibold text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
        {attributes.notes ? <p className="text-sm whitespace-pre-line text-slate-700">{attributes.notes}</p> : null}
        <p className="text-xs text-slate-400">
          Updated <LocalDateTime value={attributes.updatedAt} withTime={false} />
        </p>
      </CardContent>
      <TenantSource orgName={orgName} isDemo={isDemo} />
    </Card>
  );
}
