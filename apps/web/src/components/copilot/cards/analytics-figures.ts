// The analytics card's figures, without React: cell text, the chart's series and a CSV of exactly what is shown.
import type { AnalyticsResult, CubeName, SemanticQuery } from "@pharmacrm/domain";
import { CUBE_TIME, formatFigure, memberValue, type Format } from "@pharmacrm/domain/figures";

type Column = AnalyticsResult["columns"][number];
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

const csvCell = (text: string) =>
  /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;

/** The table as CSV (RFC 4180), raw figures, with cells that a spreadsheet would run as formulas quoted. */
export function csvOf(result: AnalyticsResult): string {
  const header = result.columns.map((c) => csvCell(c.title)).join(",");
  const lines = result.rows.map((row) =>
    result.columns
      .map((c) => {
        const value = row[c.key];
        if (value === null || value === undefined) return "";
        return csvCell(typeof value === "number" ? String(value) : `${/^[=+\-@]/.test(value) ? "'" : ""}${value}`);
      })
      .join(","),
  );
  return [header, ...lines].join("\r\n") + "\r\n";
}

/** Periods offered on the card: words the query schema resolves against today. */
export const PERIODS = [
  "this month",
  "last month",
  "this quarter",
  "last quarter",
  "this year",
  "last year",
  "last 90 days",
  "last 12 months",
] as const;
export const GRAINS = [
  ["week", "Week"],
  ["month", "Month"],
  ["quarter", "Quarter"],
] as const;

type Cube = CubeName;

/** The source a query counts, from its measures' names ("PartD.share" → PartD). */
export const cubeOfQuery = (query: SemanticQuery): Cube => (query.measures[0]?.split(".")[0] ?? "Calls") as Cube;

const timeOf = (query: SemanticQuery) => CUBE_TIME[cubeOfQuery(query)];

/** The time grains a source can be broken down by: Part D is published by year. */
export const grainsOf = (query: SemanticQuery) =>
  cubeOfQuery(query) === "PartD" ? ([["year", "Year"]] as const) : GRAINS;

/** The breakdown as the "By" picker names it: a dimension, a time grain, or nothing. */
export function byOf(query: SemanticQuery): string {
  const grain = query.timeDimensions[0]?.granularity;
  if (grain) return `time:${grain}`;
  return query.dimensions[0] ?? "";
}

/** The query with another breakdown: one dimension or a time grain, the measures, filters and period kept. */
export function withBreakdown(query: SemanticQuery, by: string): SemanticQuery {
  const time = query.timeDimensions[0];
  const range = time?.dateRange ? { dateRange: time.dateRange } : {};
  if (by.startsWith("time:")) {
    const granularity = by.slice(5) as "week" | "month" | "quarter" | "year";
    return {
      ...query,
      dimensions: [],
      order: [],
      timeDimensions: [{ dimension: timeOf(query), granularity, ...range }],
    };
  }
  return {
    ...query,
    dimensions: by ? [by as SemanticQuery["dimensions"][number]] : [],
    order: [],
    timeDimensions: time?.dateRange ? [{ dimension: timeOf(query), ...range }] : [],
  };
}

/** The query over another period, in words the server resolves. */
export function withPeriod(query: SemanticQuery, period: (typeof PERIODS)[number]): SemanticQuery {
  const time = query.timeDimensions[0];
  return {
    ...query,
    timeDimensions: [
      {
        dimension: timeOf(query),
        ...(time?.granularity ? { granularity: time.granularity } : {}),
        dateRange: period,
      },
    ],
  };
}
