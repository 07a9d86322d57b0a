import { formatCalendarDate, formatPlaceName } from "~/lib/format";
import { ArrowUpRight, ClipboardList } from "lucide-react";
import Link from "next/link";

import type { CallBrief } from "@pharmacrm/ai";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@pharmacrm/ui";

import { CardSection, ConsentBadges, NoteLine, PaymentsLine, TaskList } from "./card-parts";
import { actionLabel, ConfidenceBadge } from "./nba-parts";
import { SourceLine } from "./source-line";
import { TrendBars } from "./trend-bars";

export function CallBriefCard({ brief }: { brief: CallBrief }) {
  const { hcp } = brief;
  return (
    <Card data-testid="call-brief-card">
      <CardHeader>
        <div>
          <CardTitle className="flex items-center gap-1.5">
            <ClipboardList className="size-4 text-slate-400" aria-hidden /> Call brief: {hcp.name}
            {hcp.credential ? `, ${hcp.credential}` : ""}
          </CardTitle>
          <CardDescription>
            {[hcp.specialty, [formatPlaceName(hcp.city), hcp.state].filter(Boolean).join(", ")]
              .filter(Boolean)
              .join(" · ")}{" "}
            · as of {formatCalendarDate(brief.asOf)}
          </CardDescription>
        </div>
        <Link
          href={hcp.link}
          className="inline-flex shrink-0 items-center gap-0.5 text-xs font-medium text-brand-700 hover:underline"
        >
          HCP 360 <ArrowUpRight className="size-3.5" aria-hidden />
        </Link>
      </CardHeader>
      <CardSection
        title={
          brief.lastInteraction
            ? `Since your last interaction (${formatCalendarDate(brief.lastInteraction.date)})`
            : "What is new (no interaction of yours on record)"
        }
        empty={brief.changes.length === 0 && "Nothing has changed."}
      >
        {brief.changes.length > 0 ? (
          <ul className="list-disc space-y-0.5 pl-4 text-sm">
            {brief.changes.map((c) => (
              <li key={c.text}>{c.text}</li>
            ))}
          </ul>
        ) : null}
      </CardSection>
      <CardSection
        title="Prescribing in your markets"
        empty={brief.prescribing.length === 0 && "No Part D claims in your markets on record."}
      >
        {brief.prescribing.length > 0 ? (
          <>
            <ul className="list-disc space-y-0.5 pl-4 text-sm">
              {brief.prescribing.map((p) => (
                <li key={p.market}>{p.text}</li>
              ))}
            </ul>
            <TrendBars
              title="Market claims against your brands' claims"
              beforeLabel="Market claims"
              afterLabel="Your brands"
              rows={brief.prescribing.map((p) => ({
                label: `${p.market} ${p.year}`,
                before: p.marketClaims,
                after: p.ownClaims,
              }))}
            />
          </>
        ) : null}
      </CardSection>
      <CardSection
        title="Talking points"
        empty={brief.talkingPoints.length === 0 && "No talking points from the data."}
      >
        {brief.talkingPoints.length > 0 ? (
          <ol className="list-decimal space-y-0.5 pl-4 text-sm">
            {brief.talkingPoints.map((t) => (
              <li key={t.text}>{t.text}</li>
            ))}
          </ol>
        ) : null}
      </CardSection>
      <CardSection title="Suggested next actions">
        {brief.nextActions.length > 0 ? (
          <ul className="grid gap-1 text-sm">
            {brief.nextActions.map((a) => (
              <li key={`${a.action}-${a.subject ?? ""}`} className="flex items-center justify-between gap-2">
                <span>
                  {actionLabel[a.action]}
                  {a.subject ? `: ${a.subject}` : ""} <span className="text-slate-500">— {a.reasons[0]?.text}</span>
                </span>
                <ConfidenceBadge confidence={a.confidence} />
              </li>
            ))}
          </ul>
        ) : null}
      </CardSection>
      <CardSection title="Open Payments">
        <PaymentsLine
          total={brief.payments.total}
          records={brief.payments.records}
          manufacturers={brief.payments.topManufacturers}
          latest={
            brief.payments.latestYear
              ? { year: brief.payments.latestYear, amount: brief.payments.latestYearAmount }
              : null
          }
        />
      </CardSection>
      <CardSection title="Consent">
        <ConsentBadges consent={brief.consent} />
      </CardSection>
      <CardSection title="Open tasks">
        {brief.openTasks.length > 0 ? <TaskList tasks={brief.openTasks} /> : null}
      </CardSection>
      <CardSection title="Last notes">
        {brief.lastNotes.length > 0 ? (
          <ul className="grid gap-1">
            {brief.lastNotes.map((n) => (
              <NoteLine key={`${n.date}-${n.by}-${n.channel}`} note={n} />
            ))}
          </ul>
        ) : null}
      </CardSection>
      <CardFooter>
        <SourceLine
          sources={[
            ...brief.changes.map((c) => c.source),
            ...brief.prescribing.map((p) => p.source),
            brief.payments.source,
            ...brief.talkingPoints.map((t) => t.source),
          ]}
        />
      </CardFooter>
    </Card>
  );
}
