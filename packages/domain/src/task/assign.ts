// Who a task may be given to: the viewer, or (managers, admins) a rep they oversee.
import { and, eq, inArray, sql } from "drizzle-orm";

import { appUser, territoryAssignment, type Db } from "@pharmacrm/db";

import { forbidden, notFound } from "../errors";
import type { Scope } from "../scope";

/** The people a viewer may give a task to: themselves, and the active reps of their territories (admins: the org's). */
export async function assignableUsers(db: Db, scope: Scope) {
  const [me] = await db
    .select({ id: appUser.id, name: appUser.name })
    .from(appUser)
    .where(eq(appUser.id, scope.userId));
  if (scope.role === "rep") return me ? [{ ...me, you: true }] : [];
  const conditions = [eq(appUser.orgId, scope.orgId), eq(appUser.role, "rep"), sql`${appUser.disabledAt} is null`];
  if (scope.territoryIds !== null) {
    if (scope.territoryIds.length === 0) return me ? [{ ...me, you: true }] : [];
    conditions.push(inArray(territoryAssignment.territoryId, scope.territoryIds));
  }
  const reps = await db
    .selectDistinct({ id: appUser.id, name: appUser.name })
    .from(appUser)
    .leftJoin(territoryAssignment, eq(territoryAssignment.userId, appUser.id))
    .where(and(...conditions))
    .orderBy(appUser.name);
  return [
    ...(me ? [{ ...me, you: true }] : []),
    ...reps.filter((r) => r.id !== scope.userId).map((r) => ({ ...r, you: false })),
  ];
}

/**
 * The owner of a new task and the territory it is seen in: the viewer's own, or a rep they oversee — seen in the
 * HCP's territory when there is one, else in the rep's first territory within the viewer's scope (so the manager who
 * assigned it keeps seeing it).
 */
export async function taskOwner(tx: Db, scope: Scope, ownerId: string | undefined, hcpTerritory: string | null) {
  if (!ownerId || ownerId === scope.userId) return { ownerId: scope.userId, territoryId: hcpTerritory };
  if (scope.role === "rep") throw forbidden("Reps create tasks for themselves; a manager or an admin assigns them.");
  const assignable = await assignableUsers(tx, scope);
  if (!assignable.some((u) => u.id === ownerId)) throw notFound("That rep");
  if (hcpTerritory) return { ownerId, territoryId: hcpTerritory };
  const [first] = await tx
    .select({ id: territoryAssignment.territoryId })
    .from(territoryAssignment)
    .where(
      and(
        eq(territoryAssignment.userId, ownerId),
        scope.territoryIds === null ? undefined : inArray(territoryAssignment.territoryId, scope.territoryIds),
      ),
    )
    .orderBy(territoryAssignment.territoryId)
    .limit(1);
  return { ownerId, territoryId: first?.id ?? null };
}
