// Which territories each rep covers: an admin assigns them on the users screen. A rep's scope is read from the
// assignments at every request, so a change takes effect at their next page or question. Audited with before/after.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";

import { appUser, region, territory, territoryAssignment, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { DomainError, notFound } from "../errors";
import type { Scope } from "../scope";
import { requireAdmin } from "./users";

/** The org's open territories with their region and the reps assigned to each. */
export async function listOrgTerritories(db: Db, scope: Scope) {
  requireAdmin(scope);
  const [territories, assignments] = await Promise.all([
    db
      .select({ id: territory.id, code: territory.code, name: territory.name, region: region.name })
      .from(territory)
      .leftJoin(region, eq(region.id, territory.regionId))
      .where(and(eq(territory.orgId, scope.orgId), isNull(territory.closedAt)))
      .orderBy(asc(region.name), asc(territory.name)),
    db
      .select({ userId: territoryAssignment.userId, territoryId: territoryAssignment.territoryId })
      .from(territoryAssignment)
      .where(eq(territoryAssignment.orgId, scope.orgId)),
  ]);
  return territories.map((t) => ({
    ...t,
    userIds: assignments.filter((a) => a.territoryId === t.id).map((a) => a.userId),
  }));
}

export const setUserTerritoriesInput = z.object({
  userId: z.uuid("Not a user id"),
  territoryIds: z.array(z.uuid("Not a territory id")).max(50, "At most 50 territories for one rep."),
});

/** Replaces a rep's territories with the ones given (none: the rep sees only their own records). */
export async function setUserTerritories(db: Db, scope: Scope, raw: z.input<typeof setUserTerritoriesInput>) {
  requireAdmin(scope);
  const input = setUserTerritoriesInput.parse(raw);
  const wanted = [...new Set(input.territoryIds)];
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: appUser.id, role: appUser.role })
      .from(appUser)
      .where(and(eq(appUser.id, input.userId), eq(appUser.orgId, scope.orgId)))
      .for("update");
    if (!user) throw notFound("That user");
    if (user.role !== "rep")
      throw new DomainError("BAD_REQUEST", "Territories are assigned to reps; a manager sees their region's.");
    if (wanted.length) {
      const found = await tx
        .select({ id: territory.id, name: territory.name, closedAt: territory.closedAt })
        .from(territory)
        .where(and(eq(territory.orgId, scope.orgId), inArray(territory.id, wanted)))
        // Shared: a territory being closed meanwhile is seen closed once its close commits.
        .for("share");
      if (found.length !== wanted.length)
        throw new DomainError("BAD_REQUEST", "One of the territories is not in your organisation.");
      const closed = found.find((t) => t.closedAt);
      if (closed) throw new DomainError("CONFLICT", `${closed.name} is closed; it cannot be assigned.`);
    }
    const before = (
      await tx
        .select({ id: territoryAssignment.territoryId })
        .from(territoryAssignment)
        .where(and(eq(territoryAssignment.orgId, scope.orgId), eq(territoryAssignment.userId, user.id)))
    ).map((r) => r.id);
    const added = wanted.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !wanted.includes(id));
    if (removed.length)
      await tx
        .delete(territoryAssignment)
        .where(
          and(
            eq(territoryAssignment.orgId, scope.orgId),
            eq(territoryAssignment.userId, user.id),
            inArray(territoryAssignment.territoryId, removed),
          ),
        );
    if (added.length)
      await tx
        .insert(territoryAssignment)
        .values(added.map((territoryId) => ({ orgId: scope.orgId, userId: user.id, territoryId })));
    if (added.length || removed.length)
      await recordAudit(tx, scope, {
        action: "user.territories",
        entityType: "app_user",
        entityId: user.id,
        before: { territoryIds: before.sort() },
        after: { territoryIds: [...wanted].sort() },
      });
    return { added: added.length, removed: removed.length };
  });
}
