// The explore view's question, without React: a semantic query the person builds a piece at a time — the source,
// its measures, up to two breakdowns (or a time grain), filters, the period and top/bottom N — kept in the URL so a
// question can be bookmarked and sent. The URL is the person's to edit: its JSON is checked for shape here and in
// full by the server, whose message is shown.
import type { CubeName, SemanticQuery } from "@pharmacrm/domain";
import { CUBE_TIME } from "@pharmacrm/domain/figures";

type Measure = SemanticQuery["measures"][number];
type Dimension = SemanticQuery["dimensions"][number];
type Filter = SemanticQuery["filters"][number];
type Range = NonNullable<SemanticQuery["timeDimensions"][number]["dateRange"]>;
type Grain = "week" | "month" | "quarter" | "year";

/** The rows a question without "top N" shows (the card says when there are more). */
export const ALL_ROWS = 500;

const cubeOf = (query: SemanticQuery) => (query.measures[0]?.split(".")[0] ?? "Calls") as CubeName;

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

/** The two breakdowns as the pickers show them: a time grain ("time:month") or a dimension, then a dimension. */
export function breakdownsOf(query: SemanticQuery): [string, string] {
  const grain = query.timeDimensions[0]?.granularity;
  const [a = "", b = ""] = query.dimensions;
  return grain ? [`time:${grain}`, a] : [a, b];
}

export function withBreakdowns(query: SemanticQuery, first: string, second: string): SemanticQuery {
  const time = query.timeDimensions[0];
  const grain = first.startsWith("time:") ? (first.slice(5) as Grain) : undefined;
  const dimensions = [...new Set([first, second].filter((d) => d && !d.startsWith("time:")))] as Dimension[];
  const dimension = CUBE_TIME[cubeOf(query)];
  const timeDimensions =
    grain || time?.dateRange
      ? [
          {
            dimension,
            ...(grain ? { granularity: grain } : {}),
            ...(time?.dateRange ? { dateRange: time.dateRange } : {}),
          },
        ]
      : [];
  // A trend reads oldest first; a top N keeps its order by the measure.
  const order = query.order.filter(([member]) => query.measures.includes(member as Measure));
  return { ...query, dimensions, timeDimensions, order };
}

export function withRange(query: SemanticQuery, range: Range | null): SemanticQuery {
  const time = query.timeDimensions[0];
  const granularity = time?.granularity;
  const dimension = CUBE_TIME[cubeOf(query)];
  const timeDimensions =
    range || granularity
      ? [{ dimension, ...(granularity ? { granularity } : {}), ...(range ? { dateRange: range } : {}) }]
      : [];
  return { ...query, timeDimensions };
}

/** "all", "top:10", "bottom:5": the first measure's biggest or smallest N. */
export function topOf(query: SemanticQuery): string {
  const [first] = query.order;
  if (!first || first[0] !== query.measures[0]) return "all";
  return `${first[1] === "desc" ? "top" : "bottom"}:${query.limit}`;
}

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
const strings = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === "string");

/** The URL's question if it has a question's shape (names and values are the server's to check), or null. */
export function queryFromUrl(value: unknown): SemanticQuery | null {
  if (!isRecord(value) || !strings(value.measures) || !(value.measures as string[]).length) return null;
  const list = (key: string) => (value[key] === undefined ? [] : Array.isArray(value[key]) ? value[key] : null);
  const [dimensions, filters, timeDimensions, order] = ["dimensions", "filters", "timeDimensions", "order"].map(list);
  if (!dimensions || !filters || !timeDimensions || !order || !strings(dimensions)) return null;
  if (
    !filters.every(
      (f) => isRecord(f) && typeof f.member === "string" && typeof f.operator === "string" && strings(f.values ?? []),
    )
  )
    return null;
  if (!timeDimensions.every(isRecord) || !order.every((o) => Array.isArray(o) && o.length === 2)) return null;
  const limit = typeof value.limit === "number" ? value.limit : ALL_ROWS;
  return {
    measures: value.measures,
    dimensions,
    filters: filters.map((f) => ({ values: [], ...f })),
    timeDimensions,
    order,
    limit,
  } as SemanticQuery;
}
