// Runs a semantic query for a viewer: validated, compiled with the viewer's scope, executed read-only under a
// statement timeout and a row cap. The result carries what the answer card needs: the rows, the columns with their
// titles and formats, the definitions used, the source and period, a chart chosen by the result's shape, and the
// SQL for admins.
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { z } from "zod";

import { rowsOf, type Db } from "@pharmacrm/db";

import { DomainError } from "../errors";
import type { Scope } from "../scope";
import { compile } from "./compile";
import { isYearly, periodWords, yearsAsked, yearsLoaded, yearsNote } from "./data-years";
import { memberValue } from "./figures";
import { forecastNext, type Forecast } from "./forecast";
import { CUBES, memberOf, type CubeName, type Format } from "./model";
import { cubeOf, semanticQuery, type Filter, type SemanticQuery, type SemanticQueryInput } from "./query";
import { defaultPeriodNote } from "./target-facts";

const STATEMENT_TIMEOUT = "10s";
const WORK_MEM = "64MB";

export interface ResultColumn {
  member: string;
  key: string;
  kind: "measure" | "dimension" | "time";
  title: string;
  format: Format | null;
  /** A count of HCPs that, by HCP, lists them (only the HCPs it counts are rows). */
  list?: true;
}

export interface AnalyticsResult {
  query: SemanticQuery;
  columns: ResultColumn[];
  rows: Record<string, string | number | null>[];
  /** True when the row cap (the query's limit) was reached: there may be more. */
  truncated: boolean;
  range: [string, string] | null;
  /** The filters applied, in words: "Rep is Kevin Walsh", "Channel is Phone". */
  conditions: string[];
  definitions: { member: string; title: string; description: string }[];
  /** Which source the figures come from, and the period or data years they cover. */
  cube: CubeName;
  source: { title: string; period: string | null };
  /** Said beside the figures when the answer needs it: "Part D is loaded for 2021–2023; 2025 is not published." */
  note: string | null;
  /** A single trend's next period, with its method; null when the result is not one or is too short. */
  forecast: Forecast | null;
  chart: "bar" | "line" | "none";
  /** The compiled statement and its parameters: shown to admins only. */
  sql: { text: string; params: unknown[] } | null;
}

const dialect = new PgDialect();

const OPERATORS: Record<Filter["operator"], string> = {
  equals: "is",
  notEquals: "is not",
  contains: "contains",
  gt: ">",
  gte: "≥",
  lt: "<",
  lte: "≤",
  set: "is set",
  notSet: "is not set",
};
const titleCase = (value: string) => value.replace(/(^|[\s'-])\p{L}/gu, (c) => c.toUpperCase());

/** A filter as a person says it: "Product is Eliquis or Farxiga". */
function conditionOf(filter: Filter): string {
  const values = filter.values.map((v) =>
    filter.member === "Hcps.tier"
      ? v.toUpperCase()
      : memberValue(filter.member, v) === v
        ? titleCase(v)
        : memberValue(filter.member, v),
  );
  const title = memberOf(filter.member)?.title ?? filter.member;
  return `${title} ${OPERATORS[filter.operator]}${values.length ? ` ${values.join(" or ")}` : ""}`;
}

function chartFor(columns: ResultColumn[], rows: number): AnalyticsResult["chart"] {
  if (columns.some((c) => c.kind === "time") && rows > 1) return "line";
  // A list of HCPs ("which targets have I not seen") is a table: every bar would be one.
  if (columns.some((c) => c.list) && columns.some((c) => c.member === "Hcps.name")) return "none";
  const dimensions = columns.filter((c) => c.kind === "dimension").length;
  return dimensions === 1 && rows > 1 && rows <= 50 ? "bar" : "none";
}

export async function runAnalytics(
  db: Db,
  scope: Scope,
  raw: SemanticQueryInput,
  now: Date = new Date(),
): Promise<AnalyticsResult> {
  const parsed = semanticQuery.safeParse(raw);
  if (!parsed.success) throw new DomainError("BAD_REQUEST", z.prettifyError(parsed.error));
  const query = parsed.data;
  const cube = cubeOf(query.measures);
  const { result, loaded, years } = await db.transaction(async (tx) => {
    await tx.execute(sql`set transaction read only`);
    await tx.execute(sql.raw(`set local statement_timeout = '${STATEMENT_TIMEOUT}'`));
    // Room to group a year of calls in memory rather than sort it on disk (the server default is 4 MB).
    await tx.execute(sql.raw(`set local work_mem = '${WORK_MEM}'`));
    // Postgres compiles a query with JIT when its estimate is large; these estimates run high (a grid of targets by
    // month, say) and compiling cost 50–150 ms on queries that then ran in less. PGlite has no JIT and takes this as is.
    await tx.execute(sql.raw("set local jit = off"));
    const loaded = isYearly(cube) ? await yearsLoaded(tx, cube, scope) : null;
    const years = isYearly(cube) && loaded ? yearsAsked(cube, query, loaded, now) : null;
    const compiled = compile(query, scope, now, { years });
    return { result: { compiled, rows: await tx.execute(compiled.sql) }, loaded, years };
  });
  const compiled = result.compiled;
  const columns: ResultColumn[] = compiled.columns.map((c) => {
    const base = c.kind === "time" ? c.member.replace(/\.[a-z]+$/, "") : c.member;
    const member = memberOf(base);
    const grain = c.kind === "time" ? c.member.split(".").at(-1) : null;
    return {
      ...c,
      title: grain ? grain.charAt(0).toUpperCase() + grain.slice(1) : (member?.title ?? c.member),
      format: member?.format ?? null,
      ...(member && "list" in member && member.list ? { list: true as const } : {}),
    };
  });
  const rows = rowsOf<Record<string, unknown>>(result.rows).map((row) =>
    Object.fromEntries(
      columns.map((c) => {
        const value = row[c.key];
        if (value === null || value === undefined) return [c.key, null];
        return [c.key, c.kind === "measure" ? Number(value) : String(value)];
      }),
    ),
  );
  const members = [...new Set(columns.map((c) => (c.kind === "time" ? c.member.replace(/\.[a-z]+$/, "") : c.member)))];
  const rendered = dialect.sqlToQuery(compiled.sql);
  return {
    query,
    columns,
    rows,
    truncated: rows.length >= query.limit,
    range: compiled.range,
    conditions: query.filters.map(conditionOf),
    definitions: members.flatMap((name) => {
      const member = memberOf(name);
      return member ? [{ member: name, title: member.title, description: member.description }] : [];
    }),
    cube,
    source: {
      title: CUBES[cube].source,
      period: periodWords(cube, years, compiled.range),
    },
    note: isYearly(cube)
      ? yearsNote(cube, loaded, years, compiled.range)
      : defaultPeriodNote(cube, query, compiled.range),
    forecast: forecastOf(query, columns, rows, compiled.range, now),
    chart: chartFor(columns, rows.length),
    sql: scope.role === "admin" ? { text: rendered.sql.replace(/\s+/g, " ").trim(), params: rendered.params } : null,
  };
}

/** A trend of counts or amounts alone (time and measures, no other breakdown) carries its next period's forecast. */
function forecastOf(
  query: SemanticQuery,
  columns: ResultColumn[],
  rows: AnalyticsResult["rows"],
  range: [string, string] | null,
  now: Date,
): Forecast | null {
  const granularity = query.timeDimensions[0]?.granularity;
  const first = columns.find((c) => c.kind === "measure");
  if (!granularity || !first || columns.some((c) => c.kind === "dimension")) return null;
  if (first.format !== "count" && first.format !== "usd") return null;
  return forecastNext({
    granularity,
    key: first.key,
    points: rows.flatMap((row) =>
      typeof row.t0 === "string" ? [{ period: row.t0, value: Number(row[first.key] ?? 0) }] : [],
    ),
    range,
    today: now.toISOString().slice(0, 10),
    whole: first.format === "count",
  });
}
