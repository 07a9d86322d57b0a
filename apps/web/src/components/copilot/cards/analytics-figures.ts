// The analytics card's figures, without React: cell text, the chart's series and a CSV of exactly what is shown.
import { csvCell, textCell } from "~/lib/csv";

import type { AnalyticsResult, CubeName, SemanticQuery } from "@pharmacrm/domain";
import { CUBE_TIME, formatFigure, memberValue, type Format } from "@pharmacrm/domain/figures";

type Column = AnalyticsResult["columns"][number];
type Measure = SemanticQuery["measures"][number];
type Dimension = SemanticQuery["dimensions"][number];
type Range = NonNullable<SemanticQuery["timeDimensions"][number]["dateRange"]>;
type Granularity = NonNullable<SemanticQuery["timeDimensions"][number]["granularity"]>;

/** "last quarter" → "Last quarter". */
export const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
type Row = AnalyticsResult["rows"][number];

export interface AnalyticsChartProps {
  kind: "bar" | "line";
  title: string;
  data: Record<string, string | number | null>[];
  /** A dashed series is a forecast: it starts at the last complete period and reaches the next one. */
  series: { key: string; title: string; dashed?: boolean }[];
  /** How the first series' figures read: a share's axis says "60 %", not 0.6. */
  format: Format | null;
}

/** A cell as the table shows it: counts with separators, ratios to two decimals, channels by name. */
const monthYear = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const fullDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** A time bucket ("2026-07-01") as its grain reads: "Jul 2026", "Q3 2026", "2026", "Week of Jun 29, 2026". */
function periodText(member: string, start: string): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return start;
  if (member.endsWith(".year")) return String(date.getUTCFullYear());
  if (member.endsWith(".quarter")) return `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${date.getUTCFullYear()}`;
  if (member.endsWith(".month")) return monthYear.format(date);
  if (member.endsWith(".week")) return `Week of ${fullDay.format(date)}`;
  return fullDay.format(date);
}

export function cellText(column: Column, value: Row[string] | undefined): string {
  if (value === null || value === undefined) return "—";
  if (column.kind === "time" && typeof value === "string") return periodText(column.member, value);
  if (typeof value === "number") return formatFigure(value, column.format);
  return memberValue(column.member, value);
}

/** What a result counts, in words: "Calls, HCPs reached by territory and month". */
export function describeResult(result: Pick<AnalyticsResult, "columns">): string {
  const measures = result.columns.filter((c) => c.kind === "measure").map((c) => c.title);
  const groups = result.columns.filter((c) => c.kind !== "measure").map((c) => c.title.toLowerCase());
  return `${measures.join(", ")}${groups.length ? ` by ${groups.join(" and ")}` : ""}`;
}

/** The chart's points: one per row, labelled by its dimensions (or its date), with every measure as a series. */
export function chartOf(result: AnalyticsResult): AnalyticsChartProps | null {
  if (result.chart === "none") return null;
  const groups = result.columns.filter((c) => c.kind !== "measure");
  const measures = result.columns.filter((c) => c.kind === "measure");
  // Counts share an axis; a ratio or share beside them would be flattened, so it is charted alone when it comes first.
  const series = (
    measures[0]?.format === "count" ? measures.filter((m) => m.format === "count") : measures.slice(0, 1)
  ).map((m): AnalyticsChartProps["series"][number] => ({ key: m.key, title: m.title }));
  const data: AnalyticsChartProps["data"] = result.rows.map((row) => ({
    ...row,
    label: groups.map((g) => cellText(g, row[g.key])).join(" · "),
  }));
  const forecast = result.forecast;
  const time = groups.find((g) => g.kind === "time");
  if (forecast && time && result.chart === "line") {
    let at = data.findIndex((row) => row[time.key] === forecast.period);
    if (at < 0) at = data.push({ [time.key]: forecast.period, label: cellText(time, forecast.period) }) - 1;
    data[at] = { ...data[at], forecast: forecast.value };
    if (at > 0) data[at - 1] = { ...data[at - 1], forecast: data[at - 1]![forecast.key] ?? null };
    series.push({ key: "forecast", title: "Forecast", dashed: true });
  }
  return {
    format: measures[0]?.format ?? null,
    kind: result.chart,
    title: `${measures.map((m) => m.title).join(", ")} by ${groups.map((g) => g.title.toLowerCase()).join(" and ")}`,
    series,
    data,
  };
}

/** The table as CSV (RFC 4180), raw figures, with cells that a spreadsheet would run as formulas quoted. */
export function csvOf(result: AnalyticsResult): string {
  const header = result.columns.map((c) => csvCell(c.title)).join(",");
  const lines = result.rows.map((row) =>
    result.columns
      .map((c) => {
        const value = row[c.key];
        if (value === null || value === undefined) return "";
        return typeof value === "number" ? csvCell(String(value)) : textCell(value);
      })
      .join(","),
  );
  return [header, ...lines].join("\r\n") + "\r\n";
}

export const GRAINS = [
  ["week", "Week"],
  ["month", "Month"],
  ["quarter", "Quarter"],
  ["year", "Year"],
] as const;

type Cube = CubeName;

/** The source a query counts, from its measures' names ("PartD.share" → PartD). */
export const cubeOfQuery = (query: SemanticQuery): Cube => (query.measures[0]?.split(".")[0] ?? "Calls") as Cube;

const timeOf = (query: SemanticQuery) => CUBE_TIME[cubeOfQuery(query)];

/** The time grains a source can be broken down by: Part D is published by year. */
export const grainsOf = (query: SemanticQuery) =>
  cubeOfQuery(query) === "PartD" ? ([["year", "Year"]] as const) : GRAINS;

/** The breakdowns as the pickers name them: a time grain first ("time:month"), then the dimensions. */
export function breakdownsOf(query: SemanticQuery): string[] {
  const grain = query.timeDimensions[0]?.granularity;
  return [...(grain ? [`time:${grain}`] : []), ...query.dimensions];
}

/**
 * The query broken down another way — a time grain ("time:month") and dimensions, each once — with its measures,
 * filters and period kept, and its order only by what it still counts.
 */
export function withBreakdowns(query: SemanticQuery, by: readonly string[]): SemanticQuery {
  const time = query.timeDimensions[0];
  const grain = by.find((b) => b.startsWith("time:"))?.slice(5) as Granularity | undefined;
  const dimensions = [...new Set(by.filter((b) => b && !b.startsWith("time:")))] as Dimension[];
  const dateRange = time?.dateRange;
  return {
    ...query,
    dimensions: dimensions.slice(0, 3),
    timeDimensions:
      grain || dateRange
        ? [{ dimension: timeOf(query), ...(grain ? { granularity: grain } : {}), ...(dateRange ? { dateRange } : {}) }]
        : [],
    order: query.order.filter(([member]) => query.measures.includes(member as Measure)),
  };
}

/** The query over another period (words the server resolves, or days), or none; its time grain kept. */
export function withRange(query: SemanticQuery, dateRange: Range | null): SemanticQuery {
  const granularity = query.timeDimensions[0]?.granularity;
  return {
    ...query,
    timeDimensions:
      dateRange || granularity
        ? [{ dimension: timeOf(query), ...(granularity ? { granularity } : {}), ...(dateRange ? { dateRange } : {}) }]
        : [],
  };
}
