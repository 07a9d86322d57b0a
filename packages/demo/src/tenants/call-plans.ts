// Each territory's call plans: the last quarter (ended) and this one (running), the territory's targets planned by
// tier. Attainment is whatever the seeded calls make of it.
import { callPlan, callPlanTarget, type Db } from "@pharmacrm/db";
import { insertInBatches } from "@pharmacrm/ingest";

import { dateOfDay, dayOf, isoDate } from "../generate/dates";
import { type CreatedOrg } from "./create-org";
import { type TerritoryHcp } from "./territory-hcps";

const PLANNED_BY_TIER: Record<TerritoryHcp["tier"], number> = { A: 3, B: 2, C: 1 };

/** The calendar quarter holding the day, and the one before it. */
function quarters(todayDay: number) {
  const today = dateOfDay(todayDay);
  const quarterOf = (year: number, q: number) => {
    const start = `${year}-${String(q * 3 + 1).padStart(2, "0")}-01`;
    const next = q === 3 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 4).padStart(2, "0")}-01`;
    return { name: `Q${q + 1} ${year}`, startsOn: start, endsOn: isoDate(dayOf(next) - 1) };
  };
  const q = Math.floor(today.getUTCMonth() / 3);
  const year = today.getUTCFullYear();
  return [q === 0 ? quarterOf(year - 1, 3) : quarterOf(year, q - 1), quarterOf(year, q)];
}

export async function seedCallPlans(
  tx: Db,
  context: {
    org: CreatedOrg;
    managerOf: (regionId: string) => string | null;
    targets: readonly TerritoryHcp[];
    todayDay: number;
  },
): Promise<number> {
  let plans = 0;
  for (const territory of context.org.territories) {
    const targets = context.targets.filter((t) => t.territoryId === territory.id);
    if (targets.length === 0) continue;
    const rows = await tx
      .insert(callPlan)
      .values(
        quarters(context.todayDay).map((cycle) => ({
          ...cycle,
          orgId: context.org.id,
          territoryId: territory.id,
          createdById: context.managerOf(territory.regionId) ?? context.org.adminId,
        })),
      )
      .returning({ id: callPlan.id });
    await insertInBatches(
      tx,
      callPlanTarget,
      rows.flatMap((plan) =>
        targets.map((t) => ({
          planId: plan.id,
          orgId: context.org.id,
          hcpNpi: t.npi,
          plannedCalls: PLANNED_BY_TIER[t.tier],
        })),
      ),
    );
    plans += rows.length;
  }
  return plans;
}
