import { formatChange, formatCount, formatShare } from "~/components/hcp/figures";
import { formatPlaceName } from "~/lib/format";
import { ArrowUpRight } from "lucide-react";
import Link from "next/link";

import type { PhysicianProfile } from "@pharmacrm/ai";
import { Badge, Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@pharmacrm/ui";

import { CardSection, ConsentBadges, NoteLine, PaymentsLine, TaskList } from "./card-parts";
import { SourceLine } from "./source-line";
import { TrendBars } from "./trend-bars";

export function PhysicianProfileCard({ profile }: { profile: PhysicianProfile }) {
  const primary = profile.specialties.find((s) => s.primary) ?? profile.specialties[0];
  const year = profile.topDrugs[0]?.source.period;
  return (
    <Card data-testid="physician-profile-card">
      <CardHeader>
        <div>
          <CardTitle>
            {profile.name}
            {profile.credential ? `, ${profile.credential}` : ""}
          </CardTitle>
          <CardDescription>
            {[
              primary?.name,
              [formatPlaceName(profile.practice.city), profile.practice.state].filter(Boolean).join(", "),
            ]
              .filter(Boolean)
              .join(" · ")}{" "}
            · NPI {profile.npi}
          </CardDescription>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          {profile.inMyTerritories ? <Badge tone="brand">Your territory</Badge> : null}
          <Link
            href={profile.link}
            className="inline-flex items-center gap-0.5 text-xs font-medium text-brand-700 hover:underline"
          >
            HCP 360 <ArrowUpRight className="size-3.5" aria-hidden />
          </Link>
        </div>
      </CardHeader>
      <CardSection
        title={`Top drugs${year ? ` (Part D ${year})` : ""}`}
        empty={profile.topDrugs.length === 0 && "No Part D claims on record."}
      >
        {profile.topDrugs.length > 0 ? (
          <>
            <ul className="grid gap-0.5 text-sm">
              {profile.topDrugs.map((d) => (
                <li key={d.brandName} className="flex justify-between gap-3">
                  <span>
                    {d.brandName} {d.isOwn ? <Badge tone="brand">yours</Badge> : null}
                  </span>
                  <span className="tabular-nums text-slate-600">
                    {formatCount(d.claims)} claims <span className="text-slate-400">({formatChange(d.change)})</span>
                  </span>
                </li>
              ))}
            </ul>
            <TrendBars
              title="Claims, previous year against latest"
              beforeLabel="Previous year"
              afterLabel={year ? `Part D ${year}` : "Latest year"}
              rows={profile.topDrugs.map((d) => ({ label: d.brandName, before: d.priorClaims, after: d.claims }))}
            />
          </>
        ) : null}
      </CardSection>
      <CardSection title="Your markets">
        {profile.markets.length > 0 ? (
          <ul className="grid gap-0.5 text-sm">
            {profile.markets.map((m) => (
              <li key={m.name} className="flex justify-between gap-3">
                <span>{m.name}</span>
                <span className="tabular-nums text-slate-600">
                  {formatCount(m.marketClaims)} claims · your share {formatShare(m.share)} ·{" "}
                  {formatChange(m.marketClaimsChange)}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </CardSection>
      <CardSection title="Open Payments">
        <PaymentsLine
          total={profile.payments.total}
          records={profile.payments.records}
          manufacturers={profile.payments.byManufacturer}
        />
      </CardSection>
      <CardSection title="Consent">
        <ConsentBadges consent={profile.consent} />
      </CardSection>
      <CardSection
        title="Last interactions"
        empty={profile.lastInteractions.length === 0 && "No interactions you can see."}
      >
        {profile.lastInteractions.length > 0 ? (
          <ul className="grid gap-1">
            {profile.lastInteractions.map((n) => (
              <NoteLine key={`${n.date}-${n.by}`} note={n} />
            ))}
          </ul>
        ) : null}
      </CardSection>
      <CardSection title="Open tasks">
        {profile.openTasks.length > 0 ? <TaskList tasks={profile.openTasks} /> : null}
      </CardSection>
      <CardFooter>
        <SourceLine
          sources={[
            ...profile.topDrugs.map((d) => d.source),
            ...profile.markets.map((m) => m.source),
            profile.payments.source,
          ]}
        />
      </CardFooter>
    </Card>
  );
}
