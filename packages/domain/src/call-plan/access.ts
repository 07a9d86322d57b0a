// Who may see and change a call plan: everyone sees the plans of the territories in their scope (a rep their own, a
// manager their region's, an admin the org's); only managers and admins change them, within the same scope.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";

import { callPlan, territory, type Db } from "@pharmacrm/db";

import { DomainError, forbidden, notFound } from "../errors";
import type { Scope } from "../scope";

/** True for plans of the scope's territories. */
export function planVisible(scope: Scope): SQL {
  const inOrg = eq(callPlan.orgId, scope.orgId);
  if (scope.territoryIds === null) return inOrg;
  return scope.territoryIds.length ? and(inOrg, inArray(callPlan.territoryId, scope.territoryIds))! : sql`false`;
}

export function requirePlanner(scope: Scope): void {
  if (scope.role === "rep") throw forbidden("Only a manager or an admin can change call plans.");
}

/** A plan the viewer may see, or NOT_FOUND (another region's plan is not known to exist). */
export async function visiblePlan(db: Db, scope: Scope, id: string) {
  const [plan] = await db
    .select()
    .from(callPlan)
    .where(and(eq(callPlan.id, id), planVisible(scope)));
  if (!plan) throw notFound("The call plan");
  return plan;
}

/** Inside a transaction: a plan the viewer may change. */
export async function planForChange(tx: Db, scope: Scope, id: string) {
  requirePlanner(scope);
  return visiblePlan(tx, scope, id);
}

/** A territory the viewer plans for (locked until the transaction ends, so two cycles cannot be added at once). */
export async function plannableTerritory(tx: Db, scope: Scope, territoryId: string) {
  requirePlanner(scope);
  if (scope.territoryIds !== null && !scope.territoryIds.includes(territoryId)) throw notFound("The territory");
  const [row] = await tx
    .select({ id: territory.id, code: territory.code, name: territory.name, closedAt: territory.closedAt })
    .from(territory)
    .where(and(eq(territory.id, territoryId), eq(territory.orgId, scope.orgId)))
    .for("update");
  if (!row) throw notFound("The territory");
  if (row.closedAt) throw new DomainError("CONFLICT", `${row.name} is closed; plan for an open territory.`);
  return { id: row.id, code: row.code, name: row.name };
}

const dayWords = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
export const dayLabel = (day: string) => dayWords.format(new Date(`${day}T00:00:00Z`));

/** Refuses a cycle that overlaps another plan of the same territory. */
export async function requireNoOverlap(
  tx: Db,
  scope: Scope,
  cycle: { territoryId: string; territoryName: string; startsOn: string; endsOn: string; exceptId?: string },
) {
  const [other] = await tx
    .select({ name: callPlan.name, startsOn: callPlan.startsOn, endsOn: callPlan.endsOn })
    .from(callPlan)
    .where(
      and(
        eq(callPlan.orgId, scope.orgId),
        eq(callPlan.territoryId, cycle.territoryId),
        sql`${callPlan.startsOn} <= ${cycle.endsOn}::date and ${callPlan.endsOn} >= ${cycle.startsOn}::date`,
        cycle.exceptId ? sql`${callPlan.id} <> ${cycle.exceptId}::uuid` : undefined,
      ),
    )
    .limit(1);
  if (other) {
    throw new DomainError(
      "CONFLICT",
      `${cycle.territoryName} already has the plan “${other.name}” from ${dayLabel(other.startsOn)} to ${dayLabel(other.endsOn)}; one territory's cycles may not overlap.`,
    );
  }
}
