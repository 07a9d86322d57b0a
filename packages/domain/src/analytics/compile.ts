// The compiler: a semantic query and the viewer's scope in, one parameterised SELECT out. Row security comes from
// the scope (the calls a rep, a manager or an admin may see, scope.ts), applied to the fact before any join, so no
// dimension can bring in another territory's or org's rows. Member names are checked by the query schema; values
// travel as parameters; nothing from the question or the data is ever spliced into the SQL text.
import { sql, type SQL } from "drizzle-orm";

import { interaction } from "@pharmacrm/db";

import { visibleTenantRow, type Scope } from "../scope";
import {
  DIMENSIONS,
  MEASURES,
  type Dimension,
  type DimensionName,
  type Join,
  type Measure,
  type MeasureName,
  type TimeDimensionName,
} from "./model";
import { resolveRange } from "./periods";
import type { Filter, Granularity, SemanticQuery } from "./query";

export interface Column {
  /** The member, or "Calls.occurredAt.month" for a time dimension at a granularity. */
  member: string;
  key: string;
  kind: "measure" | "dimension" | "time";
}

export interface Compiled {
  sql: SQL;
  columns: Column[];
  /** The period the query covers, when it names one. */
  range: [string, string] | null;
}

const JOIN_SQL: Record<Exclude<Join, "product">, SQL> = {
  rep: sql`left join app_user u on u.id = c.owner_id`,
  territory: sql`left join territory t on t.id = c.territory_id`,
  region: sql`left join region r on r.id = t.region_id`,
  hcp: sql`left join hcp h on h.npi = c.hcp_npi`,
  specialty: sql`left join taxonomy tx on tx.code = h.primary_taxonomy_code`,
  attribute: sql`left join hcp_attribute a on a.org_id = c.org_id and a.hcp_npi = c.hcp_npi`,
};
// Joins in dependency order (region needs territory, specialty needs hcp).
const JOIN_ORDER: readonly Join[] = ["product", "rep", "territory", "region", "hcp", "specialty", "attribute"];

const TRUNC: Record<Granularity, SQL> = {
  day: sql.raw("'day'"),
  week: sql.raw("'week'"),
  month: sql.raw("'month'"),
  quarter: sql.raw("'quarter'"),
  year: sql.raw("'year'"),
};

/** The start of a UTC day, as a parameter both drivers send as text. */
const dayStart = (day: string, plus = 0) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plus);
  return sql`${d.toISOString()}::timestamptz`;
};

function filterSql(filter: Filter): SQL {
  const dimension: Dimension = DIMENSIONS[filter.member];
  const expr = dimension.sql;
  const values = filter.values;
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

export function compile(query: SemanticQuery, scope: Scope, now: Date): Compiled {
  const measures = query.measures.map((name) => [name, MEASURES[name] as Measure] as const);
  const dimensions = query.dimensions.map((name) => [name, DIMENSIONS[name] as Dimension] as const);
  const time = query.timeDimensions[0];
  const range = time?.dateRange ? resolveRange(time.dateRange, now) : null;

  const joins = new Set<Join>([
    ...dimensions.flatMap(([, d]) => d.joins),
    ...query.filters.flatMap((f) => DIMENSIONS[f.member].joins),
  ]);
  const grain = joins.has("product") ? "product" : "call";
  const needs = new Set(grain === "call" ? measures.map(([, m]) => m.needs).filter(Boolean) : []);

  // The calls the viewer may see, in the period: row security before anything else touches them.
  const perCall = [
    needs.has("details")
      ? sql`, (select count(*) from interaction_product x where x.interaction_id = ${interaction.id})::int as details`
      : sql``,
    needs.has("samples")
      ? sql`, (select coalesce(sum(s.quantity), 0) from interaction_sample s where s.interaction_id = ${interaction.id})::int as samples`
      : sql``,
  ];
  const period = range
    ? sql` and ${interaction.occurredAt} >= ${dayStart(range[0])} and ${interaction.occurredAt} < ${dayStart(range[1], 1)}`
    : sql``;
  const calls = sql`c as (
    select ${interaction.id} as id, ${interaction.orgId} as org_id, ${interaction.hcpNpi} as hcp_npi,
      ${interaction.ownerId} as owner_id, ${interaction.territoryId} as territory_id, ${interaction.channel} as channel,
      ${interaction.occurredAt} as occurred_at${sql.join(perCall, sql``)}
    from ${interaction}
    where ${visibleTenantRow(scope, interaction)}${period})`;
  // Products discussed or sampled on each of those calls, one row per call and product.
  const callProducts = sql`, cp as (
    select x.interaction_id, x.product_id, bool_or(x.discussed) as discussed, sum(x.quantity)::int as quantity
    from (
      select ip.interaction_id, ip.product_id, true as discussed, 0 as quantity from interaction_product ip
      union all
      select s.interaction_id, s.product_id, false, s.quantity from interaction_sample s
    ) x
    where x.interaction_id in (select id from c)
    group by x.interaction_id, x.product_id)`;

  const columns: Column[] = [];
  const select: SQL[] = [];
  dimensions.forEach(([name, d], i) => {
    const key = `d${i}`;
    columns.push({ member: name, key, kind: "dimension" });
    select.push(sql`${d.sql} as ${sql.raw(key)}`);
  });
  if (time?.granularity) {
    columns.push({ member: `${time.dimension}.${time.granularity}`, key: "t0", kind: "time" });
    select.push(
      sql`to_char(date_trunc(${TRUNC[time.granularity]}, c.occurred_at at time zone 'UTC'), 'YYYY-MM-DD') as t0`,
    );
  }
  measures.forEach(([name, m], i) => {
    const key = `m${i}`;
    columns.push({ member: name, key, kind: "measure" });
    select.push(sql`${m.sql(grain)} as ${sql.raw(key)}`);
  });

  const joinSql = JOIN_ORDER.filter((j) => joins.has(j)).map((j) =>
    j === "product" ? sql`join cp on cp.interaction_id = c.id join product p on p.id = cp.product_id` : JOIN_SQL[j],
  );
  const where = query.filters.length ? sql`where ${sql.join(query.filters.map(filterSql), sql` and `)}` : sql``;
  const groupKeys = columns.filter((c) => c.kind !== "measure").map((c) => sql.raw(c.key));
  const groupBy = groupKeys.length ? sql`group by ${sql.join(groupKeys, sql`, `)}` : sql``;

  const keyOf = (member: MeasureName | DimensionName | TimeDimensionName) =>
    columns.find((c) => c.member === member || c.member.startsWith(`${member}.`))?.key;
  const explicit = query.order.flatMap(([member, dir]) => {
    const key = keyOf(member);
    return key ? [sql`${sql.raw(key)} ${sql.raw(dir)} nulls last`] : [];
  });
  // Time in order; otherwise the first measure, largest first; ties by the dimensions, for a stable answer.
  const fallback = columns.some((c) => c.kind === "time")
    ? [sql`t0 asc`]
    : columns.some((c) => c.kind === "measure")
      ? [sql`m0 desc`]
      : [];
  const tieBreak = columns.filter((c) => c.kind !== "measure").map((c) => sql`${sql.raw(c.key)} asc nulls last`);
  const order = [...(explicit.length ? explicit : fallback), ...tieBreak];

  return {
    sql: sql`with ${calls}${grain === "product" ? callProducts : sql``}
      select ${sql.join(select, sql`, `)}
      from c ${sql.join(joinSql, sql` `)}
      ${where}
      ${groupBy}
      order by ${sql.join(order, sql`, `)}
      limit ${query.limit}`,
    columns,
    range,
  };
}
