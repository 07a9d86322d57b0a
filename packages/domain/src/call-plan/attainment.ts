// Attainment of call plans, computed from the calls: a target's actual calls are the calls on that HCP in the plan's
// territory within its cycle (UTC days, both ends included); remaining = max(planned − actual, 0). A plan's
// attainment is planned calls made ÷ planned calls, where a target's calls beyond its plan do not count — calling
// one physician twice too often does not make up for another never called.
import { sql, type SQL } from "drizzle-orm";

import { callPlan, rowsOf, type Db } from "@pharmacrm/db";

import { repsInScope } from "../analytics/reps";
import { displayName } from "../hcp/names";
import type { Scope } from "../scope";
import { planVisible, visiblePlan } from "./access";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A cycle's calls: `i` an interaction, `p` a plan with org, territory and dates (analytics counts them the same way). */
export const callInCycle = sql`i.org_id = p.org_id and i.territory_id = p.territory_id
  and i.occurred_at >= (p.starts_on::timestamp at time zone 'UTC')
  and i.occurred_at < ((p.ends_on + 1)::timestamp at time zone 'UTC')`;

export type PlanStatus = "upcoming" | "active" | "ended";

export interface Totals {
  targets: number;
  planned: number;
  /** Planned calls made: each target's calls up to its plan. */
  made: number;
  /** Every call on the targets in the cycle, beyond plan included. */
  actual: number;
  remaining: number;
  /** Targets with all their planned calls made. */
  completed: number;
  /** made ÷ planned, 0–1; null without targets. */
  attainment: number | null;
}

const totalsOf = (row: {
  targets: number;
  planned: number;
  made: number;
  actual: number;
  completed: number;
}): Totals => ({
  ...row,
  remaining: row.planned - row.made,
  attainment: row.planned > 0 ? Math.round((row.made / row.planned) * 10_000) / 10_000 : null,
});

function cycleOf(startsOn: string, endsOn: string, now: Date) {
  const today = isoDay(now);
  const status: PlanStatus = today < startsOn ? "upcoming" : today > endsOn ? "ended" : "active";
  const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
  const days = (day(endsOn) - day(startsOn)) / 86_400_000 + 1;
  const elapsed = status === "upcoming" ? 0 : status === "ended" ? days : (day(today) - day(startsOn)) / 86_400_000 + 1;
  /** Share of the cycle's days gone, today included: where attainment would be if calls were spread evenly. */
  return { status, days, elapsed: Math.round((elapsed / days) * 10_000) / 10_000 };
}

interface SummaryRow {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  territoryId: string;
  territoryCode: string;
  territoryName: string;
  regionName: string;
  targets: number;
  planned: number;
  made: number;
  actual: number;
  completed: number;
}

/** Reps assigned to each territory, by territory id (a rep viewer sees the colleagues sharing their plan too). */
async function repsByTerritory(db: Db, scope: Scope, territoryIds: string[]) {
  const byTerritory = new Map<string, { id: string; name: string }[]>();
  if (territoryIds.length === 0) return byTerritory;
  for (const { id, name, territoryIds: theirs } of await repsInScope(db, { ...scope, role: "manager", territoryIds })) {
    for (const territoryId of theirs)
      byTerritory.set(territoryId, [...(byTerritory.get(territoryId) ?? []), { id, name }]);
  }
  return byTerritory;
}

/** The plans of the viewer's territories with their attainment; current = not yet ended. */
export async function listCallPlans(db: Db, scope: Scope, options: { show: "current" | "all"; now?: Date }) {
  const now = options.now ?? new Date();
  const current: SQL = options.show === "current" ? sql`and ${callPlan.endsOn} >= ${isoDay(now)}::date` : sql``;
  const rows = rowsOf<SummaryRow>(
    await db.execute(sql`
      with p as (select * from ${callPlan} where ${planVisible(scope)} ${current}),
      t as (
        select t.plan_id, t.planned_calls,
          (select count(*) from interaction i where i.hcp_npi = t.hcp_npi and ${callInCycle})::int as actual
        from call_plan_target t join p on p.id = t.plan_id)
      select p.id, p.name, p.starts_on::text as "startsOn", p.ends_on::text as "endsOn", p.territory_id as "territoryId",
        tr.code as "territoryCode", tr.name as "territoryName", r.name as "regionName",
        count(t.plan_id)::int as targets, coalesce(sum(t.planned_calls), 0)::int as planned,
        coalesce(sum(least(t.actual, t.planned_calls)), 0)::int as made, coalesce(sum(t.actual), 0)::int as actual,
        (count(*) filter (where t.actual >= t.planned_calls))::int as completed
      from p join territory tr on tr.id = p.territory_id join region r on r.id = tr.region_id
      left join t on t.plan_id = p.id
      group by p.id, p.name, p.starts_on, p.ends_on, p.territory_id, tr.code, tr.name, r.name
      order by p.starts_on desc, tr.code, p.name`),
  );
  const reps = await repsByTerritory(db, scope, [...new Set(rows.map((row) => row.territoryId))]);
  const plans = rows.map(({ targets, planned, made, actual, completed, ...plan }) => ({
    ...plan,
    ...cycleOf(plan.startsOn, plan.endsOn, now),
    reps: reps.get(plan.territoryId) ?? [],
    totals: totalsOf({ targets, planned, made, actual, completed }),
  }));
  return { plans, byRep: byRep(plans), canPlan: scope.role !== "rep" };
}

/** A manager's view per rep: the plans running today, added up over each rep's territories. */
function byRep(plans: { status: PlanStatus; reps: { id: string; name: string }[]; totals: Totals }[]) {
  const sums = new Map<
    string,
    { id: string; name: string; plans: number } & Omit<Totals, "remaining" | "attainment">
  >();
  for (const plan of plans.filter((p) => p.status === "active")) {
    for (const rep of plan.reps) {
      const sum = sums.get(rep.id) ?? { ...rep, plans: 0, targets: 0, planned: 0, made: 0, actual: 0, completed: 0 };
      sum.plans += 1;
      for (const key of ["targets", "planned", "made", "actual", "completed"] as const) sum[key] += plan.totals[key];
      sums.set(rep.id, sum);
    }
  }
  return (
    [...sums.values()]
      .map(({ id, name, plans: count, ...rest }) => ({ id, name, plans: count, totals: totalsOf(rest) }))
      // Lowest attainment first; a rep whose plans have no targets yet last.
      .sort(
        (a, b) => (a.totals.attainment ?? Infinity) - (b.totals.attainment ?? Infinity) || a.name.localeCompare(b.name),
      )
  );
}

interface TargetRow {
  npi: string;
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  specialty: string | null;
  city: string | null;
  tier: string | null;
  segment: string | null;
  planned: number;
  actual: number;
  lastCallAt: string | null;
}

/** A target's calls by one rep (or, never called, no rep). */
type TargetLine = Omit<TargetRow, "actual"> & { ownerId: string | null; ownerName: string | null; calls: number };

/** One plan with each target's planned, actual and remaining calls, and the calls by rep. */
export async function callPlanDetail(db: Db, scope: Scope, input: { id: string; now?: Date }) {
  const now = input.now ?? new Date();
  const plan = await visiblePlan(db, scope, input.id);
  // Each target's calls in the cycle, per rep who made them (one row per target and rep; a target never called has one
  // row with no rep), read by the calls' (org, HCP, time) index — a join over every call of the org would scan them all.
  const [places, lines, reps] = await Promise.all([
    db.execute(sql`select tr.code as "territoryCode", tr.name as "territoryName", r.name as "regionName"
      from territory tr join region r on r.id = tr.region_id where tr.id = ${plan.territoryId}::uuid`),
    db.execute(sql`
      with p as (select * from ${callPlan} where ${callPlan.id} = ${plan.id}::uuid)
      select t.hcp_npi as npi, h.first_name as "firstName", h.middle_name as "middleName", h.last_name as "lastName",
        coalesce(tx.specialization, tx.classification) as specialty, h.practice_city as city, ha.tier, ha.segment,
        t.planned_calls as planned, k.owner_id as "ownerId", u.name as "ownerName", coalesce(k.calls, 0) as calls,
        to_char(k.last_call at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "lastCallAt"
      from p join call_plan_target t on t.plan_id = p.id
      join hcp h on h.npi = t.hcp_npi
      left join taxonomy tx on tx.code = h.primary_taxonomy_code
      left join hcp_attribute ha on ha.org_id = p.org_id and ha.hcp_npi = t.hcp_npi
      left join lateral (select i.owner_id, count(*)::int as calls, max(i.occurred_at) as last_call
        from interaction i where i.hcp_npi = t.hcp_npi and ${callInCycle} group by i.owner_id) k on true
      left join app_user u on u.id = k.owner_id
      order by h.last_name, h.first_name, t.hcp_npi`),
    repsByTerritory(db, scope, [plan.territoryId]),
  ]);
  const place = rowsOf<{ territoryCode: string; territoryName: string; regionName: string }>(places)[0];
  const byNpi = new Map<string, TargetRow>();
  const byOwner = new Map<string, { id: string; name: string; calls: number }>();
  for (const { ownerId, ownerName, calls, lastCallAt, ...line } of rowsOf<TargetLine>(lines)) {
    const target = byNpi.get(line.npi) ?? { ...line, actual: 0, lastCallAt: null };
    target.actual += calls;
    if (lastCallAt && (!target.lastCallAt || lastCallAt > target.lastCallAt)) target.lastCallAt = lastCallAt;
    byNpi.set(line.npi, target);
    if (ownerId) {
      const owner = byOwner.get(ownerId) ?? { id: ownerId, name: ownerName ?? "", calls: 0 };
      owner.calls += calls;
      byOwner.set(ownerId, owner);
    }
  }
  const rows = [...byNpi.values()].map(({ firstName, middleName, lastName, ...row }) => ({
    ...row,
    name: displayName({ firstName, middleName, lastName }),
    remaining: Math.max(row.planned - row.actual, 0),
  }));
  const sum = (f: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + f(row), 0);
  return {
    plan: {
      id: plan.id,
      name: plan.name,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      territoryId: plan.territoryId,
      ...place!,
      ...cycleOf(plan.startsOn, plan.endsOn, now),
      reps: reps.get(plan.territoryId) ?? [],
    },
    totals: totalsOf({
      targets: rows.length,
      planned: sum((r) => r.planned),
      made: sum((r) => Math.min(r.actual, r.planned)),
      actual: sum((r) => r.actual),
      completed: sum((r) => (r.actual >= r.planned ? 1 : 0)),
    }),
    targets: rows,
    callsByRep: [...byOwner.values()].sort((x, y) => y.calls - x.calls || x.name.localeCompare(y.name)),
    canPlan: scope.role !== "rep",
  };
}
