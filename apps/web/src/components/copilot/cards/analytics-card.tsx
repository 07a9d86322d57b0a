"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { formatCalendarDate } from "~/lib/format";
import { messageOf, useTRPC } from "~/trpc/react";
import { AlertTriangle, BarChart3, SlidersHorizontal } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useState, type ReactNode } from "react";

import type { AnalyticsResult, SemanticQuery } from "@pharmacrm/domain";
import { NO_PERIOD } from "@pharmacrm/domain/figures";
import {
  Alert,
  Badge,
  buttonClasses,
  Card,
  CardDescription,
  CardHeader,
  CardTitle,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@pharmacrm/ui";

import { ExportButtons, PinButton } from "./analytics-actions";
import { AnalyticsControls } from "./analytics-controls";
import { cellText, chartOf, describeResult } from "./analytics-figures";

// recharts loads when a result has a chart to show, with a placeholder of its size meanwhile.
const AnalyticsChart = dynamic(() => import("./analytics-chart"), {
  loading: () => <Skeleton className="h-52 w-full" />,
});

/** The forecast in words: its figure, its period, and how it was made. */
function ForecastLine({
  result,
  forecast,
}: {
  result: AnalyticsResult;
  forecast: NonNullable<AnalyticsResult["forecast"]>;
}) {
  const measure = result.columns.find((c) => c.key === forecast.key)!;
  const time = result.columns.find((c) => c.kind === "time")!;
  return (
    <p className="px-4 pb-2 text-xs text-slate-600" data-testid="analytics-forecast">
      Forecast for {cellText(time, forecast.period)}: <strong>{cellText(measure, forecast.value)}</strong>{" "}
      {measure.title.toLowerCase()} (dashed). {forecast.method}
    </p>
  );
}

/** The explore view with this question in it, to change anything about it. */
const exploreHref = (query: SemanticQuery) => `/analytics/explore?q=${encodeURIComponent(JSON.stringify(query))}`;

/** The period a query names, in its own words ("last quarter") or as its dates. */
function periodWords(query: SemanticQuery): string | null {
  const range = query.timeDimensions[0]?.dateRange;
  if (!range) return null;
  return typeof range === "string" ? range : `${formatCalendarDate(range[0])} – ${formatCalendarDate(range[1])}`;
}

/**
 * A numbers answer: what was understood, the chart, the table, the definitions, the query and its export. On the
 * dashboard a pinned question brings its own title and actions; elsewhere the card offers to pin it.
 */
export function AnalyticsCard({
  result: answered,
  title: pinnedTitle,
  actions,
  editable = true,
}: {
  result: AnalyticsResult;
  title?: string;
  actions?: ReactNode;
  /** False where the page edits the question itself (the explore view): no breakdown or period pickers, no pin. */
  editable?: boolean;
}) {
  const trpc = useTRPC();
  // The query as the person changed it on the card (null: as the copilot answered), run again by the server.
  const [edited, setEdited] = useState<SemanticQuery | null>(null);
  const rerun = useQuery({
    ...trpc.analytics.run.queryOptions(edited ?? answered.query),
    enabled: edited !== null,
    placeholderData: keepPreviousData,
  });
  const result = edited && rerun.data ? rerun.data : answered;
  const described = describeResult(result);
  const title = pinnedTitle ?? described;
  const period = periodWords(result.query);
  const chart = chartOf(result);
  return (
    <Card data-testid="analytics-card">
      <CardHeader>
        <div className="min-w-0">
          <CardTitle className="flex items-center gap-1.5">
            <BarChart3 className="size-4 text-slate-400" aria-hidden /> {title}
          </CardTitle>
          {pinnedTitle && pinnedTitle !== described ? <p className="text-xs text-slate-500">{described}</p> : null}
          <CardDescription>
            <span className="flex flex-wrap items-center gap-1.5" data-testid="analytics-understood">
              <Badge tone="brand">
                {result.cube === "PartD"
                  ? `Part D ${result.source.period ?? "every data year"}`
                  : result.cube === "Payments" && !result.query.timeDimensions[0]?.dateRange
                    ? `Open Payments ${result.source.period ?? "every program year"}`
                    : result.range
                      ? `${formatCalendarDate(result.range[0])} – ${formatCalendarDate(result.range[1])}`
                      : NO_PERIOD[result.cube]}
              </Badge>
              {result.conditions.map((c) => (
                <Badge key={c} tone="neutral">
                  {c}
                </Badge>
              ))}
            </span>
          </CardDescription>
        </div>
        {actions ? <div className="flex shrink-0 items-center gap-1">{actions}</div> : null}
      </CardHeader>
      {result.note ? (
        <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-600" data-testid="analytics-note">
          {result.note}
        </p>
      ) : null}
      {editable ? (
        <AnalyticsControls query={edited ?? result.query} busy={rerun.isFetching} onChange={setEdited} />
      ) : null}
      {rerun.error ? (
        <div className="px-4 pb-2">
          <Alert tone="danger" icon={<AlertTriangle />} title="Could not count that">
            {messageOf(rerun.error)}
          </Alert>
        </div>
      ) : null}
      {result.rows.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500" data-testid="analytics-empty">
          Nothing matches these conditions{result.cube === "PartD" ? "" : " in the period"}, within what you may see.
        </p>
      ) : (
        <>
          {chart ? (
            <div className="px-2 pt-2">
              <AnalyticsChart {...chart} />
            </div>
          ) : null}
          {result.forecast ? <ForecastLine result={result} forecast={result.forecast} /> : null}
          <div className="max-h-80 overflow-auto border-t border-slate-100">
            <Table data-testid="analytics-table">
              <TableHeader>
                <TableRow>
                  {result.columns.map((c) => (
                    <TableHead key={c.key} className={c.kind === "measure" ? "text-right" : undefined}>
                      {c.title}
                    </TableHead>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.rows.map((row, i) => (
                  <TableRow key={i}>
                    {result.columns.map((c) => (
                      <TableCell key={c.key} className={c.kind === "measure" ? "text-right tabular-nums" : undefined}>
                        {cellText(c, row[c.key])}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {result.truncated ? (
            <p className="border-t border-slate-100 px-4 py-2 text-xs text-amber-700">
              Showing the first {result.rows.length} rows; there may be more. Narrow the period or add a filter.
            </p>
          ) : null}
        </>
      )}
      <div className="flex flex-wrap items-start gap-2 border-t border-slate-100 px-4 py-2.5 text-xs text-slate-600">
        {result.rows.length ? <ExportButtons result={result} title={title} /> : null}
        {actions || !editable ? null : (
          <PinButton query={result.query} title={period ? `${described}, ${period}` : described} />
        )}
        {editable ? (
          <Link
            href={exploreHref(result.query)}
            className={buttonClasses({ variant: "ghost", size: "sm" })}
            data-testid="analytics-explore"
          >
            <SlidersHorizontal /> Explore
          </Link>
        ) : null}
        <details className="min-w-0 flex-1">
          <summary className="cursor-pointer select-none">How this was counted</summary>
          <dl className="mt-1 space-y-1">
            {result.definitions.map((d) => (
              <div key={d.member}>
                <dt className="inline font-medium text-slate-800">{d.title}:</dt>{" "}
                <dd className="inline">{d.description}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-1 text-slate-500">
            Source: {result.source.title}
            {result.source.period ? `, ${result.source.period}` : ""}, within what you may see.
          </p>
          <p className="mt-2 font-medium text-slate-800">The query</p>
          <pre className="mt-1 overflow-auto rounded bg-slate-50 p-2 text-[11px]" data-testid="analytics-query">
            {JSON.stringify(result.query, null, 2)}
          </pre>
          {result.sql ? (
            <>
              <p className="mt-2 font-medium text-slate-800">SQL (admins)</p>
              <pre
                className="mt-1 overflow-auto rounded bg-slate-50 p-2 text-[11px] whitespace-pre-wrap"
                data-testid="analytics-sql"
              >
                {result.sql.text}
                {result.sql.params.length ? `\n-- parameters: ${JSON.stringify(result.sql.params)}` : ""}
              </pre>
            </>
          ) : null}
        </details>
      </div>
    </Card>
  );
}
