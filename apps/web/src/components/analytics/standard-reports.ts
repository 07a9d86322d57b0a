// The dashboard's standard reports: each tile and panel is a semantic query, run for the signed-in person's scope by
// the same compiler as the copilot's answers, so a figure here and the same question asked in chat agree. Market share
// is Medicare Part D's latest data year for the HCPs aligned to the person's territories; coverage and consent count
// the org's target HCPs in them.
import type { SemanticQueryInput } from "@pharmacrm/domain";

type Range = "this quarter" | "last 12 months";

const over = (dateRange: Range, granularity?: "month"): SemanticQueryInput["timeDimensions"] => [
  { dimension: "Calls.occurredAt", dateRange, ...(granularity ? { granularity } : {}) },
];

export interface Kpi {
  id: string;
  title: string;
  measure: "Calls.count" | "Calls.reach" | "Calls.frequency" | "Calls.samples";
  /** This month or quarter so far, against the same days of the one before. */
  period: "month" | "quarter";
}

export const KPIS: readonly Kpi[] = [
  { id: "calls", title: "Calls this month", measure: "Calls.count", period: "month" },
  { id: "reach", title: "HCPs reached this quarter", measure: "Calls.reach", period: "quarter" },
  { id: "frequency", title: "Call frequency this quarter", measure: "Calls.frequency", period: "quarter" },
  { id: "samples", title: "Samples dropped this month", measure: "Calls.samples", period: "month" },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

/**
 * The period so far and the same stretch of the period before (UTC days): on 4 December, 1–4 December against
 * 1–4 November — never a few days against a whole month.
 */
export function kpiRanges(period: Kpi["period"], now: Date): { current: [string, string]; previous: [string, string] } {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const first = period === "month" ? m : Math.floor(m / 3) * 3;
  const length = period === "month" ? 1 : 3;
  const start = utc(y, first, 1);
  const today = utc(y, m, now.getUTCDate());
  const elapsed = Math.round((today.getTime() - start.getTime()) / 86_400_000);
  const before = utc(y, first - length, 1);
  const beforeEnd = utc(y, first, 0);
  const sameDay = utc(before.getUTCFullYear(), before.getUTCMonth(), before.getUTCDate() + elapsed);
  return {
    current: [iso(start), iso(today)],
    previous: [iso(before), iso(sameDay < beforeEnd ? sameDay : beforeEnd)],
  };
}

export const kpiQuery = (kpi: Kpi, dateRange: [string, string]): SemanticQueryInput => ({
  measures: [kpi.measure],
  timeDimensions: [{ dimension: "Calls.occurredAt", dateRange }],
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
    id: "share",
    title: "Market share by product, latest Part D year",
    forTeams: false,
    query: { measures: ["PartD.share", "PartD.claims", "PartD.marketClaims"], dimensions: ["Products.name"] },
  },
  {
    id: "coverage",
    title: "Coverage of deciles 8–10 this quarter",
    forTeams: false,
    query: {
      measures: ["Coverage.rate", "Coverage.reached", "Coverage.hcps"],
      dimensions: ["Hcps.decile"],
      filters: [{ member: "Hcps.decile", operator: "gte", values: ["8"] }],
      timeDimensions: [{ dimension: "Coverage.callDate", dateRange: "this quarter" }],
      order: [["Hcps.decile", "desc"]],
    },
  },
  {
    id: "tasks",
    title: "Open and overdue tasks by rep",
    forTeams: true,
    query: { measures: ["Tasks.open", "Tasks.overdue"], dimensions: ["Reps.name"] },
  },
  {
    id: "consent",
    title: "Consent coverage by channel",
    forTeams: false,
    query: { measures: ["Consent.rate", "Consent.optedIn", "Consent.optedOut"], dimensions: ["Consent.channel"] },
  },
  {
    id: "channels",
    title: "Calls by channel this quarter",
    forTeams: false,
    query: { measures: ["Calls.count"], dimensions: ["Calls.channel"], timeDimensions: over("this quarter") },
  },
];
