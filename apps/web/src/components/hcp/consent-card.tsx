import { LocalDateTime } from "~/components/local-time";
import { channelName } from "~/lib/labels";
import { ShieldCheck } from "lucide-react";

import {
  Badge,
  Card,
  CardHeader,
  CardTitle,
  EmptyState,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@pharmacrm/ui";

import { RecordConsent } from "./record-consent";
import { TenantSource } from "./source-footer";
import type { HcpProfile } from "./types";

/** The latest consent per channel and product, the append-only history behind it, and (in reach) capture. */
export function ConsentCard({
  npi,
  consent,
  history,
  canRecord,
  orgName,
  isDemo,
}: {
  npi: string;
  consent: HcpProfile["consent"];
  history: HcpProfile["consentHistory"];
  canRecord: boolean;
  orgName: string;
  isDemo: boolean;
}) {
  return (
    <Card aria-labelledby="consent-title" data-testid="consent">
      <CardHeader>
        <CardTitle id="consent-title">Consent</CardTitle>
      </CardHeader>
      {consent.length === 0 ? (
        <EmptyState icon={<ShieldCheck />} title="No consent recorded" className="py-5" />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Channel</TableHead>
              <TableHead>Product</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Since</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {consent.map((c) => (
              <TableRow key={`${c.channel}-${c.product ?? "all"}`}>
                <TableCell className="text-slate-900">{channelName(c.channel)}</TableCell>
                <TableCell>{c.product ?? <span className="text-slate-500">All products</span>}</TableCell>
                <TableCell>
                  <Badge tone={c.status === "granted" ? "success" : "danger"}>
                    {c.status === "granted" ? "Granted" : "Revoked"}
                  </Badge>
                </TableCell>
                <TableCell className="text-xs whitespace-nowrap text-slate-500" title={`Recorded via ${c.source}`}>
                  <LocalDateTime value={c.recordedAt} withTime={false} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {history.length > 0 ? <ConsentHistory history={history} /> : null}
      {canRecord ? <RecordConsent npi={npi} /> : null}
      <TenantSource orgName={orgName} isDemo={isDemo} />
    </Card>
  );
}

/** Every change, newest first: what, how it was given, the evidence, who recorded it and when. */
function ConsentHistory({ history }: { history: HcpProfile["consentHistory"] }) {
  return (
    <details className="border-t border-slate-100 px-4 py-2.5" data-testid="consent-history">
      <summary className="cursor-pointer text-sm font-medium text-slate-700">History ({history.length})</summary>
      <ol className="mt-2 space-y-2 border-l border-slate-200 pl-3">
        {history.map((h) => (
          <li key={h.id} className="text-sm">
            <p className="text-slate-900">
              <Badge tone={h.status === "granted" ? "success" : "danger"}>
                {h.status === "granted" ? "Opt-in" : "Opt-out"}
              </Badge>{" "}
              {channelName(h.channel)} · {h.product ?? "all products"} · {h.source}
            </p>
            {h.evidence ? <p className="text-xs text-slate-600">“{h.evidence}”</p> : null}
            <p className="text-xs text-slate-500">
              {h.recordedBy}, <LocalDateTime value={h.recordedAt} />
            </p>
          </li>
        ))}
      </ol>
    </details>
  );
}
