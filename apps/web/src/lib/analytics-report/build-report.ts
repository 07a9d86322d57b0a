// The dashboard as a report: the same key figures, standard reports and pinned questions the signed-in person sees on
// /analytics, each run afresh through the analytics API for their scope, ready to be written as a PDF.
import { kpiQuery, kpiRanges, KPIS, PANELS } from "~/components/analytics/standard-reports";
import { analyticsScope } from "~/lib/labels";
import { ZodError } from "zod";

import { createCaller, createContext } from "@pharmacrm/api";
import type { Db } from "@pharmacrm/db";
import { DomainError, MEASURES, type AnalyticsResult, type SemanticQueryInput, type Viewer } from "@pharmacrm/domain";
import { formatFigure } from "@pharmacrm/domain/figures";

export interface ReportKpi {
  title: string;
  value: string;
  /** The same days of the period before, as a figure. */
  previous: string;
  /** Up, down or level against the period before. */
  change: "up" | "down" | "level";
  period: "month" | "quarter";
}

export type ReportSection = { title: string } & (
  { result: AnalyticsResult; problem: null } | { result: null; problem: string }
);

export interface AnalyticsReport {
  org: string;
  person: string;
  scope: string;
  generatedAt: Date;
  kpis: ReportKpi[];
  sections: ReportSection[];
}

/** What a person is told when a section cannot be counted: the domain's own words, never internals. */
function problemOf(error: unknown): string {
  const cause = error instanceof Error ? error.cause : null;
  if (cause instanceof DomainError) return cause.message;
  if (cause instanceof ZodError) return "This question names something the analytics model does not hold.";
  return "It could not be counted just now. Try the report again.";
}

export async function buildReport(db: Db, viewer: Viewer, now: Date = new Date()): Promise<AnalyticsReport> {
  const api = createCaller(createContext({ db, viewer }));
  const me = await api.viewer.me();
  const run = async (title: string, query: SemanticQueryInput): Promise<ReportSection> => {
    try {
      return { title, result: await api.analytics.run(query), problem: null };
    } catch (error) {
      return { title, result: null, problem: problemOf(error) };
    }
  };

  const kpis: ReportKpi[] = [];
  for (const kpi of KPIS) {
    const ranges = kpiRanges(kpi.period, now);
    const value = async (range: [string, string]) =>
      Number((await api.analytics.run(kpiQuery(kpi, range))).rows[0]?.m0 ?? 0);
    const [current, previous] = [await value(ranges.current), await value(ranges.previous)];
    const format = MEASURES[kpi.measure].format;
    kpis.push({
      title: kpi.title,
      value: formatFigure(current, format),
      previous: formatFigure(previous, format),
      change: current > previous ? "up" : current < previous ? "down" : "level",
      period: kpi.period,
    });
  }

  const sections: ReportSection[] = [];
  for (const pin of await api.analytics.pins())
    sections.push(
      pin.query ? await run(pin.title, pin.query) : { title: pin.title, result: null, problem: pin.problem },
    );
  for (const panel of PANELS.filter((p) => !p.forTeams || me.role !== "rep"))
    sections.push(await run(panel.title, panel.query));

  return { org: me.orgName, person: me.name, scope: analyticsScope(me), generatedAt: now, kpis, sections };
}
