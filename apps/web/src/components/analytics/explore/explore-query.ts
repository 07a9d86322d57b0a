// The explore view's question, without React: a semantic query the person builds a piece at a time — the source,
// its measures, breakdowns (a time grain and up to three dimensions), filters, the period and top/bottom N — kept in
// the URL so a question can be bookmarked and sent. The URL is the person's to edit: its JSON is checked for shape
// here and in full by the server, whose message is shown.
import type { CubeName, SemanticQuery } from "@pharmacrm/domain";
import { CUBE_TIME } from "@pharmacrm/domain/figures";

type Measure = SemanticQuery["measures"][number];
type Filter = SemanticQuery["filters"][number];

/** The rows a question without "top N" shows (the card says when there are more). */
export const ALL_ROWS = 500;

/**
 * A new question over a source: its first measure, and the period people ask it over — the last 90 days of calls,
 * coverage and decisions; every task, today's consent, every Open Payments program year, the latest Part D year.
 */
export function startQuery(cube: CubeName, measure: Measure): SemanticQuery {
  const recent = cube === "Calls" || cube === "Coverage" || cube === "Nba";
  return {
    measures: [measure],
    dimensions: [],
    filters: [],
    order: [],
    limit: ALL_ROWS,
    timeDimensions: recent ? [{ dimension: CUBE_TIME[cube], dateRange: "last 90 days" }] : [],
  };
}

export function toggleMeasure(query: SemanticQuery, measure: Measure, on: boolean): SemanticQuery {
  const measures = on
    ? query.measures.includes(measure)
      ? query.measures
      : [...query.measures, measure].slice(0, 6)
    : query.measures.filter((m) => m !== measure);
  if (!measures.length) return query;
  // A top N follows the first measure; any other order by a measure no longer asked for goes with it.
  const top = topOf(query);
  if (top !== "all") return withTop({ ...query, measures }, top);
  return { ...query, measures, order: query.order.filter(([m]) => m !== measure) };
}

/** "all", "top:10", "bottom:5": the biggest or smallest N by the measure the question is ordered by. */
export function topOf(query: SemanticQuery): string {
  const [first] = query.order;
  if (!first || !query.measures.includes(first[0] as Measure)) return "all";
  return `${first[1] === "desc" ? "top" : "bottom"}:${query.limit}`;
}

/** Top or bottom N by the first measure, or every row. */
export function withTop(query: SemanticQuery, top: string): SemanticQuery {
  const [side, n] = top.split(":");
  if (!n || (side !== "top" && side !== "bottom")) return { ...query, order: [], limit: ALL_ROWS };
  return { ...query, order: [[query.measures[0]!, side === "top" ? "desc" : "asc"]], limit: Number(n) };
}

export const withFilters = (query: SemanticQuery, filters: Filter[]): SemanticQuery => ({ ...query, filters });

/** What is sent to the server: filters still being filled in (no value yet) are left out. */
export const runnable = (query: SemanticQuery): SemanticQuery => ({
  ...query,
  filters: query.filters.filter((f) => f.operator === "set" || f.operator === "notSet" || f.values.length > 0),
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const strings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === "string");
const isFilter = (f: unknown) =>
  isRecord(f) &&
  typeof f.member === "string" &&
  typeof f.operator === "string" &&
  (f.values === undefined || strings(f.values));

/**
 * The question in a link's `q` (JSON), if it has a question's shape; null when it cannot be read. Names and values
 * are the server's to check, and it says what is wrong with them.
 */
export function queryFromUrl(text: string): SemanticQuery | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || !strings(value.measures) || !value.measures.length) return null;
  const list = (key: string) => (value[key] === undefined ? [] : Array.isArray(value[key]) ? value[key] : null);
  const [dimensions, filters, timeDimensions, order] = ["dimensions", "filters", "timeDimensions", "order"].map(list);
  if (!dimensions || !filters || !timeDimensions || !order || !strings(dimensions)) return null;
  if (!filters.every(isFilter) || !timeDimensions.every(isRecord)) return null;
  if (!order.every((o) => Array.isArray(o) && o.length === 2 && strings(o))) return null;
  const limit = value.limit === undefined ? ALL_ROWS : value.limit;
  if (typeof limit !== "number") return null;
  return {
    measures: value.measures,
    dimensions,
    filters: (filters as Filter[]).map((f) => ({ ...f, values: f.values ?? [] })),
    timeDimensions,
    order,
    limit,
  } as SemanticQuery;
}
