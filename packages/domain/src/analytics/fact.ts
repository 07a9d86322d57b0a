// The parts every fact is built from: the fact's shape, time buckets, a UTC day as a parameter, a filter as SQL, and
// the HCPs aligned to the viewer's territories. Values travel as parameters; member names come from the model.
import { sql, type SQL } from "drizzle-orm";

import { territoryZip } from "@pharmacrm/db";

import type { Scope } from "../scope";
import { nuccNamesOf } from "../search/specialty-synonyms";
import { DIMENSIONS, type Dimension } from "./model";
import type { Filter, Granularity } from "./query";

export const TRUNC: Record<Granularity, SQL> = {
  day: sql.raw("'day'"),
  week: sql.raw("'week'"),
  month: sql.raw("'month'"),
  quarter: sql.raw("'quarter'"),
  year: sql.raw("'year'"),
};

/** The start of a UTC day, as a parameter both drivers send as text. */
export const dayStart = (day: string, plus = 0) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plus);
  return sql`${d.toISOString()}::timestamptz`;
};

/** A specialty said in everyday words ("cardiology", "PCP") stands for the NUCC names the physician search gives it. */
const valuesOf = (filter: Filter) =>
  filter.member === "Hcps.specialty" && (filter.operator === "equals" || filter.operator === "notEquals")
    ? nuccNamesOf(filter.values)
    : filter.values;

export function filterSql(filter: Filter, expr: SQL = DIMENSIONS[filter.member].sql): SQL {
  const dimension: Dimension = DIMENSIONS[filter.member];
  const values = valuesOf(filter);
  const typed = (v: string) => (dimension.type === "number" ? sql`${Number(v)}` : sql`${v}`);
  switch (filter.operator) {
    case "equals":
      return dimension.type === "number"
        ? sql`${expr} in (${sql.join(values.map(typed), sql`, `)})`
        : sql`lower(${expr}) in (${sql.join(
            values.map((v) => sql`${v.toLowerCase()}`),
            sql`, `,
          )})`;
    case "notEquals":
      return dimension.type === "number"
        ? sql`(${expr} is null or ${expr} not in (${sql.join(values.map(typed), sql`, `)}))`
        : sql`(${expr} is null or lower(${expr}) not in (${sql.join(
            values.map((v) => sql`${v.toLowerCase()}`),
            sql`, `,
          )}))`;
    case "contains":
      return sql`(${sql.join(
        values.map((v) => sql`${expr}::text ilike ${`%${v.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`),
        sql` or `,
      )})`;
    case "gt":
      return sql`${expr} > ${typed(values[0]!)}`;
    case "gte":
      return sql`${expr} >= ${typed(values[0]!)}`;
    case "lt":
      return sql`${expr} < ${typed(values[0]!)}`;
    case "lte":
      return sql`${expr} <= ${typed(values[0]!)}`;
    case "set":
      return sql`${expr} is not null`;
    case "notSet":
      return sql`${expr} is null`;
  }
}

export interface Fact {
  /** The common table expressions, the last of them the fact `c`. */
  ctes: SQL;
  /** How a product dimension joins the fact. */
  productJoin: SQL;
  /** The start of the fact's time bucket at a granularity (a timestamp; the compiler writes it as YYYY-MM-DD). */
  time: (granularity: Granularity) => SQL;
  /** Measures see call × product rows (Calls with a product), or the calls' daily rollup. */
  grain: "call" | "product" | "rollup";
  /** Filters the fact applied itself (Part D's product filter), left out of the outer WHERE. */
  applied: readonly Filter[];
}

/**
 * `al` (or the name given): the HCPs aligned to the viewer's territories (admins: any of the org's), each to one
 * territory.
 */
export function alignedHcps(scope: Scope, name = "al"): SQL {
  const territories =
    scope.territoryIds === null
      ? sql``
      : scope.territoryIds.length
        ? sql` and ${territoryZip.territoryId} in (${sql.join(
            scope.territoryIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
        : sql` and false`;
  return sql`${sql.raw(name)} as (
    select distinct on (h.npi) h.npi, ${territoryZip.territoryId} as territory_id
    from ${territoryZip} join hcp h on h.practice_zip5 = ${territoryZip.zip5}
    where ${territoryZip.orgId} = ${scope.orgId}::uuid${territories}
    order by h.npi, ${territoryZip.territoryId})`;
}

export const noProducts = sql`join product p on false`;
