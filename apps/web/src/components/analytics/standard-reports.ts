// The dashboard's standard reports: each tile and panel is a semantic query, run for the signed-in person's scope by
// the same compiler as the copilot's answers, so a figure here and the same question asked in chat agree.
import type { SemanticQueryInput } from "@pharmacrm/domain";

type Range = "this month" | "last month" | "this quarter" | "last quarter" | "last 12 months";

const over = (dateRange: Range, granularity?: "month"): SemanticQueryInput["timeDimensions"] => [
  { dimension: "Calls.occurredAt", dateRange, ...(granularity ? { granularity } : {}) },
];

export interface Kpi {
  id: string;
  title: string;
  measure: "Calls.count" | "Calls.reach" | "Calls.frequency" | "Calls.samples";
  /** The period shown, and the one before it for the change. */
  current: Range;
  previous: Range;
}

export const KPIS: readonly Kpi[] = [
  { id: "calls", title: "Calls this month", measure: "Calls.count", current: "this month", previous: "last month" },
  {
    id: "reach",
    title: "HCPs reached this quarter",
    measure: "Calls.reach",
    current: "this quarter",
    previous: "last quarter",
  },
  {
    id: "frequency",
    title: "Call frequency this quarter",
    measure: "Calls.frequency",
    current: "this quarter",
    previous: "last quarter",
  },
  {
    id: "samples",
    title: "Samples dropped this month",
    measure: "Calls.samples",
    current: "this month",
    previous: "last month",
  },
];

/** One KPI over both its periods, as two rows of one query would mix periods: two small queries. */
export const kpiQuery = (kpi: Kpi, range: Range): SemanticQueryInput => ({
  measures: [kpi.measure],
  timeDimensions: over(range),
});

export const PANELS: readonly { id: string; title: string; forTeams: boolean; query: SemanticQueryInput }[] = [
  {
    id: "leaderboard",
    title: "Reps this quarter",
    forTeams: true,
    query: {
      measures: ["Calls.count", "Calls.reach", "Calls.frequency", "Calls.samples"],
      dimensions: ["Reps.name"],
      timeDimensions: over("this quarter"),
    },
  },
  {
    id: "trend",
    title: "Calls by month",
    forTeams: false,
    query: { measures: ["Calls.count"], timeDimensions: over("last 12 months", "month") },
  },
  {
    id: "channels",
    title: "Calls by channel this quarter",
    forTeams: false,
    query: { measures: ["Calls.count"], dimensions: ["Calls.channel"], timeDimensions: over("this quarter") },
  },
];
