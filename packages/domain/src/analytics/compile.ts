// The compiler: a semantic query and the viewer's scope in, one parameterised SELECT out. Row security comes from
// the scope (scope.ts), applied to the fact before any join, so no dimension can bring in another territory's or
// org's rows: the calls a rep, a manager or an admin may see; the Part D rows of HCPs aligned to their territories.
// Member names are checked by the query schema; values travel as parameters; nothing from the question or the data
// is ever spliced into the SQL text.
import { sql, type SQL } from "drizzle-orm";

import { callRollup, interaction, task } from "@pharmacrm/db";

import { visibleTenantRow, type Scope } from "../scope";
import { callPlanFact } from "./call-plan-fact";
import { alignedHcps, dayStart, filterSql, noProducts, TRUNC, type Fact } from "./fact";
import {
  DIMENSIONS,
  MEASURES,
  type CubeName,
  type Dimension,
  type DimensionName,
  type Join,
  type Measure,
  type MeasureName,
  type TimeDimensionName,
} from "./model";
import { resolveRange } from "./periods";
import { cubeOf, type SemanticQuery } from "./query";
import { consentFact, coverageFact, defaultRange, nbaFact } from "./target-facts";

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
  cube: CubeName;
}

/** Data years to count (Part D; Open Payments when no period is said): both ends included; null for every year. */
export type DataYears = [number, number] | null;

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

function callsFact(query: SemanticQuery, scope: Scope, range: [string, string] | null, joins: Set<Join>): Fact {
  const grain = joins.has("product") ? "product" : "call";
  const needs = new Set(grain === "call" ? query.measures.map((m) => (MEASURES[m] as Measure).needs) : []);
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
  return {
    ctes: sql`${calls}${grain === "product" ? callProducts : sql``}`,
    productJoin: sql`join cp on cp.interaction_id = c.id join product p on p.id = cp.product_id`,
    time: (granularity) => sql`date_trunc(${TRUNC[granularity]}, c.occurred_at at time zone 'UTC')`,
    grain,
    applied: [],
  };
}

// What the calls' daily rollup holds: the additive call measures by rep, territory, region, channel and product.
const ROLLUP_DIMENSIONS: ReadonlySet<DimensionName> = new Set([
  "Reps.name",
  "Territories.name",
  "Regions.name",
  "Calls.channel",
  "Products.name",
]);

/**
 * Whether a calls question can be counted from the daily rollup, and at which grain: every measure adds up across
 * groups, and nothing breaks it down or filters it by the HCP. Without a product breakdown, a condition on products
 * reads the products' rows only when it names one product: a call about two products asked for counts once, which
 * a sum over both products' rows would not.
 */
function rollupGrain(query: SemanticQuery): "call" | "product" | null {
  if (!query.measures.every((m) => (MEASURES[m] as Measure).rollup)) return null;
  if (![...query.dimensions, ...query.filters.map((f) => f.member)].every((m) => ROLLUP_DIMENSIONS.has(m))) return null;
  if (query.dimensions.includes("Products.name")) return "product";
  const products = query.filters.filter((f) => f.member === "Products.name");
  if (products.length === 0) return "call";
  const [only] = products;
  return products.length === 1 && only!.operator === "equals" && only!.values.length === 1 ? "product" : null;
}

/** The calls' daily rollup (migration 0022) the viewer may see, in the period: its call rows, or its product rows. */
function rollupFact(scope: Scope, range: [string, string] | null, grain: "call" | "product"): Fact {
  const period = range ? sql` and ${callRollup.day} between ${range[0]}::date and ${range[1]}::date` : sql``;
  const rows = grain === "product" ? sql`${callRollup.productId} is not null` : sql`${callRollup.productId} is null`;
  return {
    ctes: sql`c as (
    select ${callRollup.orgId} as org_id, ${callRollup.ownerId} as owner_id, ${callRollup.territoryId} as territory_id,
      ${callRollup.channel} as channel, ${callRollup.productId} as product_id, ${callRollup.day} as day,
      ${callRollup.calls} as calls, ${callRollup.details} as details, ${callRollup.samples} as samples
    from ${callRollup}
    where ${visibleTenantRow(scope, callRollup)} and ${rows}${period})`,
    productJoin: sql`join product p on p.id = c.product_id`,
    time: (granularity) => sql`date_trunc(${TRUNC[granularity]}, c.day::timestamp)`,
    grain: "rollup",
    applied: [],
  };
}

const measureSql = (measure: Measure, grain: Fact["grain"]) =>
  grain === "rollup" ? measure.rollup! : measure.sql(grain);

function paymentsFact(scope: Scope, range: [string, string] | null): Fact {
  const period = range ? sql` and op.payment_date between ${range[0]}::date and ${range[1]}::date` : sql``;
  return {
    ctes: sql`${alignedHcps(scope)}, c as (
    select op.npi as hcp_npi, al.territory_id, ${scope.orgId}::uuid as org_id, op.amount_usd as amount,
      op.number_of_payments as payments, op.manufacturer_name as manufacturer, op.nature, op.payment_date as paid_on
    from al join open_payment op on op.npi = al.npi
    where true${period})`,
    productJoin: noProducts,
    time: (granularity) => sql`date_trunc(${TRUNC[granularity]}, c.paid_on::timestamp)`,
    grain: "call",
    applied: [],
  };
}

function tasksFact(scope: Scope, range: [string, string] | null, now: Date): Fact {
  const period = range ? sql` and ${task.dueDate} between ${range[0]}::date and ${range[1]}::date` : sql``;
  return {
    ctes: sql`c as (
    select ${task.id} as id, ${task.orgId} as org_id, ${task.hcpNpi} as hcp_npi, ${task.ownerId} as owner_id,
      ${task.territoryId} as territory_id, ${task.status}::text as status, ${task.dueDate} as due_date,
      ${now.toISOString().slice(0, 10)}::date as today
    from ${task}
    where ${visibleTenantRow(scope, task)}${period})`,
    productJoin: noProducts,
    time: (granularity) => sql`date_trunc(${TRUNC[granularity]}, c.due_date::timestamp)`,
    grain: "call",
    applied: [],
  };
}

function partDFact(query: SemanticQuery, scope: Scope, years: DataYears): Fact {
  const byProduct = query.dimensions.includes("Products.name");
  const productFilters = query.filters.filter((f) => f.member === "Products.name");
  const newWriter = query.measures.some((m) => (MEASURES[m] as Measure).needs === "newWriter");
  // The products asked about (all the org's with a Part D brand and a market, unless the question names some).
  const asked = productFilters.length
    ? sql` and ${sql.join(
        productFilters.map((f) => filterSql(f, sql`q.name`)),
        sql` and `,
      )}`
    : sql``;
  const products = sql`q as (
    select q.id as product_id, q.name, q.market_id, q.part_d_brand_name as brand from product q
    where q.org_id = ${scope.orgId}::uuid and q.part_d_brand_name is not null and q.market_id is not null${asked})`;
  const aligned = sql`, ${alignedHcps(scope)}`;
  const inYears = years ? sql` and pd.year between ${years[0]} and ${years[1]}` : sql``;
  const flag = newWriter
    ? sql`, case when not exists (select 1 from part_d_prescribing y where y.brand_name = pd.brand_name and y.year = pd.year - 1) then null
        else not exists (select 1 from part_d_prescribing y where y.npi = pd.npi and y.year = pd.year - 1 and y.brand_name = pd.brand_name) end as new_writer`
    : sql``;
  // Each drug of the markets asked about once; by product, each product with its own market's rows.
  const marketRows = (hcps: SQL, joined: SQL = sql``) =>
    byProduct
      ? sql`from ${hcps} join part_d_prescribing pd on pd.npi = ${hcps}.npi
    join q on true
    join market_drug md on md.market_id = q.market_id and md.brand_name = pd.brand_name and md.generic_name = pd.generic_name${joined}
    where true${inYears}`
      : sql`from ${hcps} join part_d_prescribing pd on pd.npi = ${hcps}.npi${joined}
    where exists (select 1 from market_drug md join q on q.market_id = md.market_id
      where md.brand_name = pd.brand_name and md.generic_name = pd.generic_name)${inYears}`;
  const perProduct = byProduct ? sql`, q.product_id` : sql``;
  const productKey = byProduct ? sql`, product_id` : sql``;
  // The decile by market volume, over the org's HCPs (the same for everyone in the org): lowest writers first, each
  // decile about a tenth of the market's claims in the year, 10 the highest.
  const deciles = [...query.dimensions, ...query.filters.map((f) => f.member)].includes("PartD.decile");
  const volume = deciles
    ? sql`, ${alignedHcps({ ...scope, territoryIds: null }, "ou")}, vol as (
    select pd.npi, pd.year${perProduct}, sum(pd.total_claims) as v ${marketRows(sql.raw("ou"))}
    group by pd.npi, pd.year${perProduct}), dec as (
    select npi, year${productKey}, ceil(10 * sum(v) over (partition by year${productKey}
      order by v, npi rows unbounded preceding)::numeric / sum(v) over (partition by year${productKey}))::int as decile
    from vol)`
    : sql``;
  const decileJoin = deciles
    ? sql` left join dec on dec.npi = pd.npi and dec.year = pd.year${byProduct ? sql` and dec.product_id = q.product_id` : sql``}`
    : sql``;
  const columns = sql`pd.npi as hcp_npi, al.territory_id, ${scope.orgId}::uuid as org_id, pd.year, pd.brand_name as drug,
      pd.total_claims as claims${flag}${deciles ? sql`, dec.decile` : sql``}`;
  const rows = marketRows(sql.raw("al"), decileJoin);
  const fact = byProduct
    ? sql`, c as (select ${columns}, q.product_id, pd.brand_name = q.brand as own ${rows})`
    : sql`, c as (select ${columns}, pd.brand_name in (select brand from q) as own ${rows})`;
  return {
    ctes: sql`${products}${aligned}${volume}${fact}`,
    productJoin: sql`join product p on p.id = c.product_id`,
    time: () => sql`make_date(c.year, 1, 1)`,
    grain: "call",
    // With a product dimension the outer WHERE filters the joined product as usual; without, the fact did.
    applied: byProduct ? [] : productFilters,
  };
}

export function compile(
  query: SemanticQuery,
  scope: Scope,
  now: Date,
  options: { years?: DataYears; preAggregate?: boolean } = {},
): Compiled {
  const cube = cubeOf(query.measures);
  const dimensions = query.dimensions.map((name) => [name, DIMENSIONS[name] as Dimension] as const);
  const time = query.timeDimensions[0];
  const years = options.years ?? null;
  const range: [string, string] | null = time?.dateRange
    ? cube === "PartD" && years
      ? [`${years[0]}-01-01`, `${years[1]}-12-31`]
      : resolveRange(time.dateRange, now)
    : cube === "Coverage" || cube === "Consent"
      ? defaultRange(cube, time?.granularity, now)
      : years && [`${years[0]}-01-01`, `${years[1]}-12-31`];

  const joins = new Set<Join>([
    ...dimensions.flatMap(([, d]) => d.joins),
    ...query.filters.flatMap((f) => DIMENSIONS[f.member].joins),
  ]);
  // The additive call measures by rep, territory, channel, product or time come from the rollup (tests compare both
  // ways of counting).
  const preAggregate = options.preAggregate !== false;
  const rollup = cube === "Calls" && preAggregate ? rollupGrain(query) : null;
  const fact =
    cube === "PartD"
      ? partDFact(query, scope, years)
      : cube === "Payments"
        ? paymentsFact(scope, range)
        : cube === "Tasks"
          ? tasksFact(scope, range, now)
          : cube === "Coverage"
            ? coverageFact(query, scope, range!, time?.granularity, now) // defaulted above
            : cube === "Consent"
              ? consentFact(scope, range, time?.granularity, now)
              : cube === "Nba"
                ? nbaFact(scope, range)
                : cube === "CallPlans"
                  ? callPlanFact(query, scope, range, now)
                  : rollup
                    ? rollupFact(scope, range, rollup)
                    : callsFact(query, scope, range, joins);
  if (cube === "PartD" && !query.dimensions.includes("Products.name")) joins.delete("product");
  // Coverage's rep filter without the breakdown was applied in the fact, as a condition on the target.
  if (cube === "Coverage" && !query.dimensions.includes("Reps.name")) joins.delete("rep");
  const measures = query.measures.map((name) => [name, MEASURES[name] as Measure] as const);

  // HCPs reached at call grain: calls added up per group and HCP first (a hash aggregate), then counted, which is
  // far cheaper than a distinct count over every call; the other call measures add up from the same rows.
  const perHcp =
    preAggregate &&
    fact.grain === "call" &&
    measures.some(([, m]) => m.perHcp) &&
    measures.every(([, m]) => m.perHcp || m.rollup);
  const columns: Column[] = [];
  const keys: SQL[] = [];
  const select: SQL[] = [];
  dimensions.forEach(([name, d], i) => {
    const key = `d${i}`;
    columns.push({ member: name, key, kind: "dimension" });
    keys.push(sql`${d.sql} as ${sql.raw(key)}`);
  });
  if (time?.granularity) {
    columns.push({ member: `${time.dimension}.${time.granularity}`, key: "t0", kind: "time" });
    // Grouped by the bucket's start, written as a day once per group.
    keys.push(
      perHcp
        ? sql`${fact.time(time.granularity)} as t0`
        : sql`to_char(${fact.time(time.granularity)}, 'YYYY-MM-DD') as t0`,
    );
  }
  measures.forEach(([name, m], i) => {
    const key = `m${i}`;
    columns.push({ member: name, key, kind: "measure" });
    select.push(sql`${perHcp ? (m.perHcp ?? m.rollup!) : measureSql(m, fact.grain)} as ${sql.raw(key)}`);
  });

  const joinSql = JOIN_ORDER.filter((j) => joins.has(j)).map((j) => (j === "product" ? fact.productJoin : JOIN_SQL[j]));
  const filters = query.filters.filter((f) => !fact.applied.includes(f));
  const where = filters.length
    ? sql`where ${sql.join(
        filters.map((f) => filterSql(f)),
        sql` and `,
      )}`
    : sql``;
  // By HCP, a list measure shows only the HCPs it counts ("which of my targets have I not seen").
  const listed =
    query.dimensions.includes("Hcps.name") && measures.every(([, m]) => m.list)
      ? sql`having ${sql.join(
          measures.map(([, m]) => sql`${measureSql(m, fact.grain)} > 0`),
          sql` or `,
        )}`
      : sql``;
  const groupKeys = columns.filter((c) => c.kind !== "measure").map((c) => sql.raw(c.key));
  const groupBy = groupKeys.length ? sql`group by ${sql.join(groupKeys, sql`, `)}` : sql``;

  const keyOf = (member: MeasureName | DimensionName | TimeDimensionName) =>
    columns.find((c) => c.member === member || c.member.startsWith(`${member}.`))?.key;
  const explicit = query.order.flatMap(([member, dir]) => {
    const key = keyOf(member);
    return key ? [sql`${sql.raw(key)} ${sql.raw(dir)} nulls last`] : [];
  });
  // Time in order; a decile alone from 10 down; otherwise the first measure, largest first; ties by the
  // dimensions, for a stable answer.
  const fallback = columns.some((c) => c.kind === "time")
    ? [sql`t0 asc`]
    : dimensions.length === 1 && dimensions[0]![1].ordinal
      ? [sql`d0 desc nulls last`]
      : columns.some((c) => c.kind === "measure")
        ? [sql`m0 desc nulls last`]
        : [];
  const tieBreak = columns.filter((c) => c.kind !== "measure").map((c) => sql`${sql.raw(c.key)} asc nulls last`);
  const order = [...(explicit.length ? explicit : fallback), ...tieBreak];

  const from = sql`from c ${sql.join(joinSql, sql` `)}
      ${where}`;
  const body = perHcp
    ? sql`select ${sql.join(
        [
          ...columns
            .filter((c) => c.kind !== "measure")
            .map((c) => (c.kind === "time" ? sql`to_char(c.t0, 'YYYY-MM-DD') as t0` : sql.raw(c.key))),
          ...select,
        ],
        sql`, `,
      )}
      from (
        select ${sql.join(
          [
            ...keys,
            sql`c.hcp_npi, count(*) as calls`,
            ...(query.measures.includes("Calls.details") ? [sql`sum(c.details) as details`] : []),
            ...(query.measures.includes("Calls.samples") ? [sql`sum(c.samples) as samples`] : []),
          ],
          sql`, `,
        )}
        ${from}
        group by ${sql.join([...groupKeys, sql`c.hcp_npi`], sql`, `)}
      ) c
      ${groupBy}`
    : sql`select ${sql.join([...keys, ...select], sql`, `)}
      ${from}
      ${groupBy}
      ${listed}`;

  return {
    sql: sql`with ${fact.ctes}
      ${body}
      order by ${sql.join(order, sql`, `)}
      limit ${query.limit}`,
    columns,
    range,
    cube,
  };
}
