import { LocalDateTime } from "~/components/local-time";
import { channelName } from "~/lib/labels";

import { Badge, Card, CardContent, CardHeader, CardTitle } from "@pharmacrm/ui";

import { EditAccountProfile } from "./edit-account-profile";
import { TenantSource } from "./source-footer";
import type { HcpProfile } from "./types";

type Attributes = HcpProfile["attributes"];

/** What the org keeps on the physician; the people who may work with them edit it here. */
export function AttributesCard({
  npi,
  name,
  attributes,
  canEdit,
  orgName,
  isDemo,
}: {
  npi: string;
  name: string;
  attributes: Attributes;
  canEdit: boolean;
  orgName: string;
  isDemo: boolean;
}) {
  const stats: [string, string][] = [
    ["Segment", attributes?.segment ?? "—"],
    ["Tier", attributes?.tier ?? "—"],
    ["Decile", attributes?.decile == null ? "—" : String(attributes.decile)],
  ];
  const account = {
    npi,
    name,
    tier: attributes?.tier ?? null,
    segment: attributes?.segment ?? null,
    notes: attributes?.notes ?? null,
    preferredChannel: attributes?.preferredChannel ?? null,
    tags: attributes?.tags ?? [],
  };
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
        {account.preferredChannel ? (
          <p className="text-sm text-slate-700">
            Prefers <strong>{channelName(account.preferredChannel)}</strong>
          </p>
        ) : null}
        {account.tags.length ? (
          <ul className="flex flex-wrap gap-1" aria-label="Tags">
            {account.tags.map((t) => (
              <li key={t}>
                <Badge tone="neutral">{t}</Badge>
              </li>
            ))}
          </ul>
        ) : null}
        {account.notes ? <p className="text-sm whitespace-pre-line text-slate-700">{account.notes}</p> : null}
        {attributes ? (
          <p className="text-xs text-slate-400">
            Updated <LocalDateTime value={attributes.updatedAt} withTime={false} />
          </p>
        ) : (
          <p className="text-sm text-slate-500">Nothing kept on this physician yet.</p>
        )}
        {canEdit ? <EditAccountProfile account={account} /> : null}
      </CardContent>
      <TenantSource orgName={orgName} isDemo={isDemo} />
    </Card>
  );
}
