// The CallPlans fact: one row per target of a call plan of the viewer's territories whose cycle overlaps the period
// (the plans running today when none is said), with its planned calls and its calls in the plan's territory and whole
// cycle — counted as the call-plan screens count them. For a rep breakdown or condition, one row per target and rep
// assigned to the plan's territory (the rep's figures are their territories' plans).
import { sql } from "drizzle-orm";

import { callPlan } from "@pharmacrm/db";

import { planVisible } from "../call-plan/access";
import { callInCycle } from "../call-plan/attainment";
import type { Scope } from "../scope";
import { noProducts, TRUNC, type Fact } from "./fact";
import type { SemanticQuery } from "./query";

export function callPlanFact(query: SemanticQuery, scope: Scope, range: [string, string] | null, now: Date): Fact {
  const [from, to] = range ?? [now.toISOString().slice(0, 10), now.toISOString().slice(0, 10)];
  const byRep = [...query.dimensions, ...query.filters.map((f) => f.member)].includes("Reps.name");
  const reps = byRep
    ? sql`join territory_assignment ta on ta.territory_id = p.territory_id
      join app_user tu on tu.id = ta.user_id and tu.role = 'rep' and tu.disabled_at is null`
    : sql``;
  return {
    ctes: sql`p as (
    select * from ${callPlan}
    where ${planVisible(scope)} and ${callPlan.startsOn} <= ${to}::date and ${callPlan.endsOn} >= ${from}::date),
  c as (
    select p.org_id, t.hcp_npi, p.territory_id, ${byRep ? sql`ta.user_id` : sql`null::uuid`} as owner_id,
      p.name as plan, p.starts_on, t.planned_calls as planned,
      (select count(*) from interaction i where i.hcp_npi = t.hcp_npi and ${callInCycle})::int as actual
    from p join call_plan_target t on t.plan_id = p.id ${reps})`,
    productJoin: noProducts,
    time: (granularity) => sql`date_trunc(${TRUNC[granularity]}, c.starts_on::timestamp)`,
    grain: "call",
    applied: [],
  };
}
