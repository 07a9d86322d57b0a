"use client";

import { useQuery } from "@tanstack/react-query";
import { AnalyticsCard } from "~/components/copilot/cards/analytics-card";
import { messageOf, useTRPC } from "~/trpc/react";
import { AlertTriangle, ArrowDownRight, ArrowUpRight, FileText, Minus, SlidersHorizontal } from "lucide-react";
import Link from "next/link";
import { useState } from "react";

import type { Role } from "@pharmacrm/domain";
import { Alert, buttonClasses, Card, Skeleton } from "@pharmacrm/ui";

import { PinnedQuestions } from "./pinned-questions";
import { kpiQuery, kpiRanges, KPIS, PANELS, type Kpi } from "./standard-reports";

const count = new Intl.NumberFormat("en-US");
const show = (kpi: Kpi, value: number) => (kpi.measure === "Calls.frequency" ? value.toFixed(2) : count.format(value));

function KpiTile({ kpi }: { kpi: Kpi }) {
  const trpc = useTRPC();
  // Today's periods, fixed for the page's life so the two queries agree.
  const [ranges] = useState(() => kpiRanges(kpi.period, new Date()));
  const now = useQuery(trpc.analytics.run.queryOptions(kpiQuery(kpi, ranges.current)));
  const before = useQuery(trpc.analytics.run.queryOptions(kpiQuery(kpi, ranges.previous)));
  const value = now.data ? Number(now.data.rows[0]?.m0 ?? 0) : null;
  const prior = before.data ? Number(before.data.rows[0]?.m0 ?? 0) : null;
  const change = value !== null && prior !== null ? value - prior : null;
  const Icon = change === null || change === 0 ? Minus : change > 0 ? ArrowUpRight : ArrowDownRight;
  return (
    <Card className="px-4 py-3" data-testid={`kpi-${kpi.id}`}>
      <p className="text-xs font-medium text-slate-500">{kpi.title}</p>
      {now.error ? (
        <p className="mt-1 text-sm text-red-700">{messageOf(now.error)}</p>
      ) : value === null ? (
        <Skeleton className="mt-1 h-8 w-20" />
      ) : (
        <p className="mt-0.5 text-2xl font-semibold text-slate-900 tabular-nums" data-testid="kpi-value">
          {show(kpi, value)}
        </p>
      )}
      {change !== null && prior !== null ? (
        <p className="mt-0.5 flex items-center gap-1 text-xs text-slate-500">
          <Icon className="size-3.5" aria-hidden /> {show(kpi, prior)} the same days last {kpi.period}
        </p>
      ) : null}
    </Card>
  );
}

function Panel({ query, title }: { query: (typeof PANELS)[number]["query"]; title: string }) {
  const trpc = useTRPC();
  const result = useQuery(trpc.analytics.run.queryOptions(query));
  if (result.error)
    return (
      <Alert tone="danger" icon={<AlertTriangle />} title={`${title}: could not count`}>
        {messageOf(result.error)}
      </Alert>
    );
  if (!result.data) return <Skeleton className="h-72 w-full" aria-label={`Loading ${title}`} />;
  return <AnalyticsCard result={result.data} />;
}

/** The signed-in person's numbers for their scope: KPI tiles, the team's reps (managers and admins), trends. */
export function AnalyticsDashboard({ role, scopeLabel }: { role: Role; scopeLabel: string }) {
  const panels = PANELS.filter((p) => !p.forTeams || role !== "rep");
  return (
    <div className="grid gap-4" data-testid="analytics-dashboard">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">Analytics</h1>
          <p className="text-sm text-slate-500">
            Calls, coverage, tasks and consent in the CRM and Medicare Part D prescribing, for {scopeLabel}. Every
            figure is a query you can change, export or ask about in the copilot.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link
            href="/analytics/explore"
            className={buttonClasses({ variant: "secondary" })}
            data-testid="open-explore"
          >
            <SlidersHorizontal /> Explore and shared questions
          </Link>
          {/* A file download, not a page: a plain link, so the browser saves it. */}
          <a
            href="/api/analytics/report"
            className={buttonClasses({ variant: "secondary" })}
            data-testid="analytics-pdf"
            download
          >
            <FileText /> PDF report
          </a>
        </div>
      </header>
      <section aria-label="Key figures" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {KPIS.map((kpi) => (
          <KpiTile key={kpi.id} kpi={kpi} />
        ))}
      </section>
      <PinnedQuestions />
      <h2 className="text-sm font-semibold text-slate-900">Standard reports</h2>
      <div className="grid gap-4 xl:grid-cols-2">
        {panels.map((p) => (
          <section key={p.id} aria-label={p.title} data-testid={`panel-${p.id}`}>
            <Panel query={p.query} title={p.title} />
          </section>
        ))}
      </div>
    </div>
  );
}
