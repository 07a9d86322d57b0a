// Facts over the org's target HCPs (Coverage, Consent) and over next-best-action decisions (Nba). Targets are the
// HCPs on the org's account list (hcp_attribute) aligned to the viewer's territories; a period is cut into buckets
// (`b`: each grain's bucket, clipped to the period, or the period as one) so a coverage or consent trend is counted
// per bucket. Row security as everywhere: the calls that reach a target are the calls the viewer may see, and a
// decision is the viewer's own or on an HCP in their territories.
import { sql, type SQL } from "drizzle-orm";

import { interaction } from "@pharmacrm/db";

import { CONSENT_CHANNELS } from "../channels";
import { visibleTenantRow, type Scope } from "../scope";
import { alignedHcps, dayStart, filterSql, noProducts, TRUNC, type Fact } from "./fact";
import { MEASURES, type CubeName, type Measure } from "./model";
import type { Granularity, SemanticQuery } from "./query";

const STEP: Record<Granularity, SQL> = {
  day: sql.raw("interval '1 day'"),
  week: sql.raw("interval '7 days'"),
  month: sql.raw("interval '1 month'"),
  quarter: sql.raw("interval '3 months'"),
  year: sql.raw("interval '1 year'"),
};

const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysBack = (now: Date, days: number) => iso(new Date(now.getTime() - days * 86_400_000));

/**
 * The period counted when the question names none: coverage over the last 90 days; a coverage or consent trend over
 * the last 12 buckets (weeks, months, …). Null: consent as it stands today, the opt-ins and opt-outs of all time.
 */
export function defaultRange(cube: "Coverage" | "Consent", granularity: Granularity | undefined, now: Date) {
  if (granularity) {
    const days = { day: 12, week: 12 * 7, month: 365, quarter: 4 * 91, year: 3 * 365 }[granularity];
    return [daysBack(now, days - 1), iso(now)] as [string, string];
  }
  return cube === "Coverage" ? ([daysBack(now, 89), iso(now)] as [string, string]) : null;
}

const dayWords = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });
const on = (day: string) => dayWords.format(new Date(`${day}T00:00:00Z`));

/** Said beside the figures when the question named no period: which one was counted. */
export function defaultPeriodNote(cube: CubeName, query: SemanticQuery, range: [string, string] | null): string | null {
  const time = query.timeDimensions[0];
  if (time?.dateRange || (cube !== "Coverage" && cube !== "Consent")) return null;
  const counted = cube === "Coverage" ? "Coverage counts calls in" : "Consent is counted at the end of";
  if (time?.granularity && range) return `${counted} each ${time.granularity} of the last 12, as no period was said.`;
  if (cube === "Consent") return "Consent as it stands today; opt-ins and opt-outs of all time.";
  return (
    range &&
    `${counted} the last 90 days (${on(range[0])} – ${on(range[1])} ${range[1].slice(0, 4)}), as no period was said.`
  );
}

/** UTC wall-clock timestamps, the calendar calls are bucketed in. */
const wall = (day: string, plus = 0) => sql`(${dayStart(day, plus)} at time zone 'UTC')`;

/** `b`: label (the bucket's start, as the calls' trend labels it), lo and hi (clipped to the period, hi exclusive). */
const today = (now: Date) => sql`(${now.toISOString()}::timestamptz at time zone 'UTC')`;

function buckets(range: [string, string] | null, granularity: Granularity | undefined, now: Date): SQL {
  if (!range) return sql`b as (select null::timestamp as label, '-infinity'::timestamp as lo, ${today(now)} as hi)`;
  const [from, to] = [wall(range[0]), wall(range[1], 1)];
  if (!granularity) return sql`b as (select ${from} as label, ${from} as lo, least(${to}, ${today(now)}) as hi)`;
  return sql`b as (
    select s as label, greatest(s, ${from}) as lo, least(s + ${STEP[granularity]}, ${to}, ${today(now)}) as hi
    from generate_series(date_trunc(${TRUNC[granularity]}, ${from}), ${to} - interval '1 day', ${STEP[granularity]}) s)`;
}

/** `tg`: the targets — aligned HCPs the org holds attributes for. */
const targets = (scope: Scope) =>
  sql`${alignedHcps(scope)}, tg as (
    select al.npi, al.territory_id from al join hcp_attribute ha on ha.org_id = ${scope.orgId}::uuid and ha.hcp_npi = al.npi)`;

const bucketTime = () => sql`c.label`;

/** The rep assigned to a target's territory: joined as the fact's owner for a rep breakdown, else a condition. */
function repsOf(query: SemanticQuery, scope: Scope) {
  const assigned = sql`territory_assignment ta join app_user tu on tu.id = ta.user_id and tu.role = 'rep'`;
  const byRep = query.dimensions.includes("Reps.name");
  const filters = query.filters.filter((f) => f.member === "Reps.name");
  return {
    column: byRep ? sql`, ta.user_id as owner_id` : sql``,
    join: byRep
      ? sql` left join (${assigned}) on ta.territory_id = tg.territory_id and ta.org_id = ${scope.orgId}::uuid`
      : sql``,
    // Without the breakdown a rep filter is "in a territory of that rep": tested once per target, never joined.
    where: byRep
      ? sql``
      : sql.join(
          filters.map(
            (f) =>
              sql` and exists (select 1 from ${assigned} where ta.territory_id = tg.territory_id and ${filterSql(f, sql`tu.name`)})`,
          ),
          sql``,
        ),
    applied: byRep ? [] : filters,
  };
}

export function coverageFact(
  query: SemanticQuery,
  scope: Scope,
  range: [string, string],
  granularity: Granularity | undefined,
  now: Date,
): Fact {
  const lastCall = query.measures.some((m) => (MEASURES[m] as Measure).needs === "lastCall");
  const reps = repsOf(query, scope);
  // The calls the viewer may see up to the period's end: reach in a bucket, and the last call before its end.
  const calls = sql`, vc as (
    select ${interaction.hcpNpi} as hcp_npi, ${interaction.occurredAt} at time zone 'UTC' as at from ${interaction}
    where ${visibleTenantRow(scope, interaction)} and ${interaction.occurredAt} < ${dayStart(range[1], 1)}
      and ${interaction.hcpNpi} in (select npi from tg)),
    hit as (${
      // By a grain, a call's bucket is its own date_trunc: an equality join, not a range join of every call.
      granularity
        ? sql`select distinct date_trunc(${TRUNC[granularity]}, x.at) as label, tg.npi as hcp_npi from tg
            cross join lateral (select ${interaction.occurredAt} at time zone 'UTC' as at from ${interaction}
              where ${interaction.orgId} = ${scope.orgId}::uuid and ${interaction.hcpNpi} = tg.npi
                and ${interaction.occurredAt} >= ${dayStart(range[0])} and ${interaction.occurredAt} < ${dayStart(range[1], 1)}
                and ${visibleTenantRow(scope, interaction)}) x
            where x.at < ${today(now)}`
        : sql`select b.label, vc.hcp_npi from vc join b on vc.at >= b.lo and vc.at < b.hi group by 1, 2`
    })${
      lastCall
        ? sql`, last as (select b.label, vc.hcp_npi, max(vc.at) as at from vc join b on vc.at < b.hi group by 1, 2)`
        : sql``
    }`;
  const days = lastCall ? sql`, (b.hi - interval '1 microsecond')::date - last.at::date as days_since` : sql``;
  return {
    ctes: sql`${targets(scope)}, ${buckets(range, granularity, now)}${calls}, c as (
    select tg.npi as hcp_npi, tg.territory_id, ${scope.orgId}::uuid as org_id, b.label,
      hit.hcp_npi is not null as reached${days}${reps.column}
    from tg cross join b
    left join hit on hit.label = b.label and hit.hcp_npi = tg.npi
    ${lastCall ? sql`left join last on last.label = b.label and last.hcp_npi = tg.npi` : sql``}${reps.join}
    where true${reps.where})`,
    productJoin: noProducts,
    time: bucketTime,
    grain: "call",
    applied: reps.applied,
  };
}

export function consentFact(
  scope: Scope,
  range: [string, string] | null,
  granularity: Granularity | undefined,
  now: Date,
): Fact {
  const channels = sql.join(
    CONSENT_CHANNELS.map((ch) => sql`(${ch})`),
    sql`, `,
  );
  const records = sql`consent_record r on r.org_id = ${scope.orgId}::uuid and r.product_id is null
      and r.hcp_npi in (select npi from tg)`;
  return {
    ctes: sql`${targets(scope)}, ${buckets(range, granularity, now)},
    st as (
      select distinct on (b.label, r.hcp_npi, r.channel) b.label, r.hcp_npi, r.channel::text as channel, r.status::text as status
      from b join ${records} and r.recorded_at at time zone 'UTC' < b.hi
      order by b.label, r.hcp_npi, r.channel, r.recorded_at desc, r.id desc),
    ev as (
      select b.label, r.hcp_npi, r.channel::text as channel, count(*) filter (where r.status = 'granted') as grants,
        count(*) filter (where r.status = 'revoked') as revocations
      from b join ${records} and r.recorded_at at time zone 'UTC' >= b.lo and r.recorded_at at time zone 'UTC' < b.hi
      group by 1, 2, 3),
    c as (
      select tg.npi as hcp_npi, tg.territory_id, ${scope.orgId}::uuid as org_id, b.label, ch.channel, st.status,
        coalesce(ev.grants, 0) as grants, coalesce(ev.revocations, 0) as revocations
      from tg cross join b cross join (values ${channels}) ch(channel)
      left join st on st.label is not distinct from b.label and st.hcp_npi = tg.npi and st.channel = ch.channel
      left join ev on ev.label is not distinct from b.label and ev.hcp_npi = tg.npi and ev.channel = ch.channel)`,
    productJoin: noProducts,
    time: bucketTime,
    grain: "call",
    applied: [],
  };
}

export function nbaFact(scope: Scope, range: [string, string] | null): Fact {
  const period = range
    ? sql` and d.decided_at >= ${dayStart(range[0])} and d.decided_at < ${dayStart(range[1], 1)}`
    : sql``;
  // An admin sees the org's decisions; anyone else their own, those on HCPs in their territories and those of the
  // people assigned to their territories (a manager: their reps', wherever the HCP practises).
  const ids = scope.territoryIds ?? [];
  const team = ids.length
    ? sql` or d.user_id in (select ta.user_id from territory_assignment ta where ta.territory_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}))`
    : sql``;
  const visible =
    scope.territoryIds === null ? sql`` : sql` and (d.user_id = ${scope.userId}::uuid or al.npi is not null${team})`;
  return {
    ctes: sql`${alignedHcps(scope)}, c as (
    select d.id, d.org_id, d.hcp_npi, d.user_id as owner_id, al.territory_id, d.action::text as action,
      d.decision::text as decision, d.reason, d.decided_at
    from nba_decision d left join al on al.npi = d.hcp_npi
    where d.org_id = ${scope.orgId}::uuid${visible}${period})`,
    productJoin: noProducts,
    time: (granularity) => sql`date_trunc(${TRUNC[granularity]}, c.decided_at at time zone 'UTC')`,
    grain: "call",
    applied: [],
  };
}
