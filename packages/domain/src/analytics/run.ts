// Runs a semantic query for a viewer: validated, compiled with the viewer's scope, executed read-only under a
// statement timeout and a row cap. The result carries what the answer card needs: the rows, the columns with their
// titles and formats, the definitions used, the source and period, a chart chosen by the result's shape, and the
// SQL for admins.
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { z } from "zod";

import { rowsOf, type Db } from "@pharmacrm/db";

import { channelName } from "../channels";
import { DomainError } from "../errors";
import type { Scope } from "../scope";
import { compile, type PartDYears } from "./compile";
import { CUBES, memberOf, type CubeName, type Format } from "./model";
import { resolveRange } from "./periods";
import { cubeOf, semanticQuery, type Filter, type SemanticQuery, type SemanticQueryInput } from "./query";

const STATEMENT_TIMEOUT = "10s";

export interface ResultColumn {
  member: string;
  key: string;
  kind: "measure" | "dimension" | "time";
  title: string;
  format: Format | null;
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
    filter.member === "Calls.channel" ? channelName(v) : filter.member === "Hcps.tier" ? v.toUpperCase() : titleCase(v),
  );
  const title = memberOf(filter.member)?.title ?? filter.member;
  return `${title} ${OPERATORS[filter.operator]}${values.length ? ` ${values.join(" or ")}` : ""}`;
}

function chartFor(columns: ResultColumn[], rows: number): AnalyticsResult["chart"] {
  if (columns.some((c) => c.kind === "time") && rows > 1) return "line";
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
    const loaded = cube === "PartD" ? await partDYearsLoaded(tx, scope.orgId) : null;
    const years = loaded ? partDYearsAsked(query, loaded, now) : null;
    const compiled = compile(query, scope, now, { partDYears: years });
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
      period:
        cube === "PartD"
          ? years && (years[0] === years[1] ? `data year ${years[0]}` : `data years ${years[0]}–${years[1]}`)
          : compiled.range && `${compiled.range[0]} to ${compiled.range[1]}`,
    },
    note: cube === "PartD" ? partDNote(loaded, years) : null,
    chart: chartFor(columns, rows.length),
    sql: scope.role === "admin" ? { text: rendered.sql.replace(/\s+/g, " ").trim(), params: rendered.params } : null,
  };
}

/** The first and last Part D years loaded for the org's products (one index lookup per brand); null if none. */
async function partDYearsLoaded(db: Db, orgId: string): Promise<[number, number] | null> {
  const [row] = rowsOf<{ first: number | null; last: number | null }>(
    await db.execute(sql`select min(b.first) as first, max(b.last) as last from product p
      cross join lateral (select min(pd.year) as first, max(pd.year) as last from part_d_prescribing pd
        where pd.brand_name = p.part_d_brand_name) b
      where p.org_id = ${orgId}::uuid and p.part_d_brand_name is not null`),
  );
  return row?.first != null && row.last != null ? [Number(row.first), Number(row.last)] : null;
}

/**
 * The Part D years a question covers: the calendar years of its period; every year for a trend; otherwise the latest
 * year loaded (Part D runs about two years behind, so "now" is the latest year published).
 */
function partDYearsAsked(query: SemanticQuery, loaded: [number, number], now: Date): PartDYears {
  const time = query.timeDimensions[0];
  if (time?.dateRange) {
    const [from, to] = resolveRange(time.dateRange, now);
    return [Number(from.slice(0, 4)), Number(to.slice(0, 4))];
  }
  return time?.granularity ? null : [loaded[1], loaded[1]];
}

function partDNote(loaded: [number, number] | null, years: PartDYears): string | null {
  if (!loaded) return "No Medicare Part D data is loaded for your products yet (an admin loads it on the Data screen).";
  const span = loaded[0] === loaded[1] ? String(loaded[0]) : `${loaded[0]}–${loaded[1]}`;
  if (years && (years[1] < loaded[0] || years[0] > loaded[1]))
    return `Medicare Part D is loaded for ${span}; ${years[0] === years[1] ? years[0] : `${years[0]}–${years[1]}`} is not. CMS publishes it once a year, about two years behind.`;
  return years && years[0] === years[1] && years[0] === loaded[1]
    ? `Medicare Part D ${loaded[1]}, the latest year loaded (CMS publishes it about two years behind).`
    : null;
}
