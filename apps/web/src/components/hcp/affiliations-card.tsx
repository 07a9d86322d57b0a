import { formatPlaceName } from "~/lib/format";
import { Building2 } from "lucide-react";

import { Badge, Card, CardDescription, CardHeader, CardTitle, EmptyState } from "@pharmacrm/ui";

import { DatasetSource, NppesSource } from "./source-footer";
import type { HcpAffiliation, HcpProfile } from "./types";

/** How each affiliation was found, in words: there is no affiliation table to cite. */
function basisLabels(a: HcpAffiliation): string[] {
  return a.bases.map((basis) =>
    basis === "same_practice_address"
      ? "Same practice address (NPPES)"
      : `NPPES endpoint${a.endpointTypes.length > 0 ? ` · ${a.endpointTypes.join(", ")}` : ""}`,
  );
}

export function AffiliationsCard({ profile }: { profile: HcpProfile }) {
  const { affiliations, sources } = profile;
  return (
    <Card aria-labelledby="affiliations-title" data-testid="affiliations" id="affiliations" className="scroll-mt-28">
      <CardHeader className="block">
        <CardTitle id="affiliations-title">Affiliations</CardTitle>
        <CardDescription>
          Organisations at this HCP&apos;s practice addresses, and those named with their electronic endpoints.
        </CardDescription>
      </CardHeader>
      {affiliations.length === 0 ? (
        <EmptyState
          icon={<Building2 />}
          title="No affiliations found"
          description="No NPPES organisation practises at this HCP's addresses, and the HCP published no endpoint affiliation."
          className="py-6"
        />
      ) : (
        <ul className="divide-y divide-slate-100">
          {affiliations.map((a) => (
            <li
              key={`${a.hcoNpi ?? ""}-${a.name}-${a.zip5 ?? ""}`}
              className="px-4 py-2.5 text-sm"
              data-testid="affiliation"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span className="font-medium text-slate-900">{formatPlaceName(a.name)}</span>
                {a.hcoNpi ? <span className="font-mono text-xs text-slate-500">NPI {a.hcoNpi}</span> : null}
              </div>
              <p className="text-xs text-slate-500">
                {[formatPlaceName(a.line1), formatPlaceName(a.city), [a.state, a.zip5].filter(Boolean).join(" ")]
                  .filter(Boolean)
                  .join(", ") || "Address not published"}
              </p>
              <div className="mt-1 flex flex-wrap gap-1.5">
                {basisLabels(a).map((label) => (
                  <Badge key={label} tone="info">
                    {label}
                  </Badge>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      <NppesSource runs={sources.nppes} />
      <DatasetSource dataset="NPPES endpoints" runs={sources.nppes_endpoint} testId="source-nppes-endpoints" />
    </Card>
  );
}
