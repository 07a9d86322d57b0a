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

import { TenantSource } from "./source-footer";
import type { HcpProfile } from "./types";

/** The latest consent per channel and product (the history itself is append-only). */
export function ConsentCard({
  consent,
  orgName,
  isDemo,
}: {
  consent: HcpProfile["consent"];
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
      <TenantSource orgName={orgName} isDemo={isDemo} />
    </Card>
  );
}
