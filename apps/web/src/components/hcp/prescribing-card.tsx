import { Pill } from "lucide-react";

import { Card, CardDescription, CardHeader, CardTitle, EmptyState } from "@pharmacrm/ui";

import { formatCount, formatMoneyWhole } from "./figures";
import { MarketShareTable } from "./market-share-table";
import { PrescribingChart } from "./prescribing-chart";
import { PrescribingTable } from "./prescribing-table";
import { DatasetSource } from "./source-footer";
import { releasesLabel } from "./source-releases";
import type { HcpProfile } from "./types";

export function PrescribingCard({ profile }: { profile: HcpProfile }) {
  const { prescribing, sources } = profile;
  const suppressed = prescribing.byYear.reduce((n, y) => n + y.suppressedBeneficiaryCells, 0);
  // A market this HCP writes no published claims in is one line, not a table of zeros.
  const written = prescribing.markets.filter((m) => m.years.some((y) => y.marketClaims > 0));
  const unwritten = prescribing.markets.filter((m) => !written.includes(m));
  return (
    <Card aria-labelledby="prescribing-title" data-testid="prescribing" id="prescribing" className="scroll-mt-28">
      <CardHeader className="block">
        <CardTitle id="prescribing-title">Prescribing</CardTitle>
        <CardDescription>
          Medicare Part D claims by drug and year, and your markets&apos; share of them.
        </CardDescription>
      </CardHeader>
      {prescribing.rows.length === 0 ? (
        <EmptyState
          icon={<Pill />}
          title={
            sources.part_d.length > 0
              ? `No Part D prescribing published for this NPI in ${releasesLabel(sources.part_d)}`
              : "Part D prescribing has not been loaded yet"
          }
          description="CMS publishes a drug only when a prescriber wrote 11 or more Medicare Part D claims for it in the year."
          className="py-8"
        />
      ) : (
        <div className="space-y-5 px-4 py-4">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {prescribing.byYear.slice(-4).map((y) => (
              <div key={y.year} className="rounded-md border border-slate-100 bg-slate-50/60 px-3 py-2">
                <dt className="text-xs text-slate-500">{y.year}</dt>
                <dd className="mt-0.5 text-sm font-semibold text-slate-900">{formatCount(y.claims)} claims</dd>
                <dd className="text-xs text-slate-500">
                  {formatMoneyWhole(y.drugCost)} · ≥ {formatCount(y.beneficiaries)} beneficiaries
                </dd>
              </div>
            ))}
          </dl>
          <PrescribingChart prescribing={prescribing} />
          {written.map((m) => (
            <MarketShareTable key={m.id} market={m} />
          ))}
          {unwritten.length > 0 ? (
            <p className="text-sm text-slate-500" data-testid="markets-without-claims">
              No published claims in {written.length > 0 ? "your other markets" : "your markets"}:{" "}
              {unwritten.map((m) => m.name).join(", ")}.
            </p>
          ) : null}
          <PrescribingTable rows={prescribing.rows} />
          <p className="text-xs text-slate-500" data-testid="prescribing-lower-bound">
            Totals are lower bounds: CMS leaves out drugs with fewer than 11 claims in a year, and{" "}
            {suppressed > 0
              ? `${formatCount(suppressed)} beneficiary count${suppressed === 1 ? " was" : "s were"} suppressed (1–10) and left out of the sums.`
              : "suppressed beneficiary counts (1–10) are left out of the sums."}
          </p>
        </div>
      )}
      <DatasetSource
        dataset="CMS Medicare Part D Prescribers by Provider and Drug"
        runs={sources.part_d}
        testId="source-part-d"
      />
    </Card>
  );
}
