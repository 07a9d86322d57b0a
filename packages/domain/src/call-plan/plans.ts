// Creating, changing and deleting call plans; each change audited in its transaction.
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";

import { callPlan, callPlanTarget, territory, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { notFound } from "../errors";
import type { Scope } from "../scope";
import { planForChange, plannableTerritory, requireNoOverlap } from "./access";
import { callPlanIdInput, createCallPlanInput, updateCallPlanInput } from "./input";

export async function createCallPlan(db: Db, scope: Scope, raw: z.input<typeof createCallPlanInput>) {
  const input = createCallPlanInput.parse(raw);
  return db.transaction(async (tx) => {
    const place = await plannableTerritory(tx, scope, input.territoryId);
    await requireNoOverlap(tx, scope, { ...input, territoryName: place.name });
    const [created] = await tx
      .insert(callPlan)
      .values({ ...input, orgId: scope.orgId, createdById: scope.userId })
      .returning();
    await recordAudit(tx, scope, {
      action: "call_plan.create",
      entityType: "call_plan",
      entityId: created!.id,
      after: created,
    });
    return created!;
  });
}

/** Renames a plan or moves its cycle; its targets stay. */
export async function updateCallPlan(db: Db, scope: Scope, raw: z.input<typeof updateCallPlanInput>) {
  const { id, ...cycle } = updateCallPlanInput.parse(raw);
  return db.transaction(async (tx) => {
    const before = await planForChange(tx, scope, id);
    const place = await plannableTerritory(tx, scope, before.territoryId);
    await requireNoOverlap(tx, scope, {
      ...cycle,
      territoryId: before.territoryId,
      territoryName: place.name,
      exceptId: id,
    });
    const [after] = await tx.update(callPlan).set(cycle).where(eq(callPlan.id, id)).returning();
    await recordAudit(tx, scope, { action: "call_plan.update", entityType: "call_plan", entityId: id, before, after });
    return after!;
  });
}

/** Deletes a plan and its targets (the calls stay); the audit row keeps what it was. */
export async function deleteCallPlan(db: Db, scope: Scope, raw: z.input<typeof callPlanIdInput>) {
  const { id } = callPlanIdInput.parse(raw);
  return db.transaction(async (tx) => {
    const plan = await planForChange(tx, scope, id);
    const targets = await tx
      .select({ npi: callPlanTarget.hcpNpi, plannedCalls: callPlanTarget.plannedCalls })
      .from(callPlanTarget)
      .where(eq(callPlanTarget.planId, id));
    const before = { ...plan, targets };
    const [gone] = await tx.delete(callPlan).where(eq(callPlan.id, id)).returning({ id: callPlan.id });
    if (!gone) throw notFound("The call plan");
    await recordAudit(tx, scope, { action: "call_plan.delete", entityType: "call_plan", entityId: id, before });
    return { id };
  });
}

/** The territories the viewer may plan for, by code: a manager's region's, an admin's org's; none for reps. */
export async function plannableTerritories(db: Db, scope: Scope) {
  if (scope.role === "rep") return [];
  const rows = await db
    .select({ id: territory.id, code: territory.code, name: territory.name })
    .from(territory)
    .where(and(eq(territory.orgId, scope.orgId), isNull(territory.closedAt)))
    .orderBy(territory.code);
  return scope.territoryIds === null ? rows : rows.filter((row) => scope.territoryIds!.includes(row.id));
}
