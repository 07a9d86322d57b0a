// An admin's regions and territories: create, rename, move between regions, close. Every change is audited with
// what it was before, under a lock on the org so two admins cannot create the same name at once.
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { z } from "zod";

import { appUser, org, region, rowsOf, territory, territoryAssignment, territoryZip, type Db } from "@pharmacrm/db";

import { requireAdmin } from "../account/users";
import { recordAudit } from "../audit";
import { DomainError, notFound } from "../errors";
import type { Scope } from "../scope";
import {
  closeTerritoryInput,
  createRegionInput,
  createTerritoryInput,
  renameRegionInput,
  updateTerritoryInput,
} from "./input";
import { openTerritory, physicianListed, territoryColumns } from "./lookup";

/** The org's regions, each with its managers and territories (open first, then closed) and what they cover. */
export async function listRegionsAndTerritories(db: Db, scope: Scope) {
  requireAdmin(scope);
  const [regions, managers, territories, coverage, reps] = await Promise.all([
    db
      .select({ id: region.id, name: region.name })
      .from(region)
      .where(eq(region.orgId, scope.orgId))
      .orderBy(asc(region.name)),
    db
      .select({ regionId: appUser.regionId, name: appUser.name })
      .from(appUser)
      .where(and(eq(appUser.orgId, scope.orgId), eq(appUser.role, "manager"), isNull(appUser.disabledAt)))
      .orderBy(asc(appUser.name)),
    db.select(territoryColumns).from(territory).where(eq(territory.orgId, scope.orgId)).orderBy(asc(territory.name)),
    db
      .execute(
        sql`select tz.territory_id, count(distinct tz.zip5)::int as zips, count(h.npi)::int as hcps
            from ${territoryZip} tz
            left join hcp h on h.practice_zip5 = tz.zip5 and ${physicianListed(sql.raw("h"))}
            where tz.org_id = ${scope.orgId}::uuid group by tz.territory_id`,
      )
      .then((r) => rowsOf<{ territory_id: string; zips: number; hcps: number }>(r)),
    db
      .select({ territoryId: territoryAssignment.territoryId, name: appUser.name })
      .from(territoryAssignment)
      .innerJoin(appUser, eq(appUser.id, territoryAssignment.userId))
      .where(and(eq(territoryAssignment.orgId, scope.orgId), isNull(appUser.disabledAt)))
      .orderBy(asc(appUser.name)),
  ]);
  const covered = new Map(coverage.map((c) => [c.territory_id, c]));
  return regions.map((r) => ({
    ...r,
    managers: managers.filter((m) => m.regionId === r.id).map((m) => m.name),
    territories: territories
      .filter((t) => t.regionId === r.id)
      .sort((a, b) => Number(a.closedAt !== null) - Number(b.closedAt !== null))
      .map((t) => ({
        ...t,
        closedAt: t.closedAt?.toISOString() ?? null,
        zips: covered.get(t.id)?.zips ?? 0,
        hcps: covered.get(t.id)?.hcps ?? 0,
        reps: reps.filter((a) => a.territoryId === t.id).map((a) => a.name),
      })),
  }));
}

/**
 * Serialises an org's region and territory changes (names and codes are unique per org, compared case-blind).
 * "No key update" lets the tenant's other writes (rows referencing the org) go on meanwhile, and never deadlocks
 * with them.
 */
async function lockOrg(tx: Db, orgId: string) {
  await tx.select({ id: org.id }).from(org).where(eq(org.id, orgId)).for("no key update");
}

async function requireFreeRegionName(tx: Db, orgId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: region.id })
    .from(region)
    .where(
      and(
        eq(region.orgId, orgId),
        sql`lower(${region.name}) = lower(${name})`,
        exceptId ? ne(region.id, exceptId) : undefined,
      ),
    );
  if (clash) throw new DomainError("CONFLICT", `There is already a region named ${name}.`);
}

async function requireFreeTerritoryCode(tx: Db, orgId: string, code: string, exceptId?: string) {
  const [clash] = await tx
    .select({ name: territory.name })
    .from(territory)
    .where(
      and(eq(territory.orgId, orgId), eq(territory.code, code), exceptId ? ne(territory.id, exceptId) : undefined),
    );
  if (clash) throw new DomainError("CONFLICT", `The code ${code} is already used by ${clash.name}.`);
}

async function requireRegion(tx: Db, orgId: string, id: string) {
  const [row] = await tx
    .select({ id: region.id, name: region.name })
    .from(region)
    .where(and(eq(region.id, id), eq(region.orgId, orgId)));
  if (!row) throw notFound("That region");
  return row;
}

export async function createRegion(db: Db, scope: Scope, raw: z.input<typeof createRegionInput>) {
  requireAdmin(scope);
  const input = createRegionInput.parse(raw);
  return db.transaction(async (tx) => {
    await lockOrg(tx, scope.orgId);
    await requireFreeRegionName(tx, scope.orgId, input.name);
    const [row] = await tx.insert(region).values({ orgId: scope.orgId, name: input.name }).returning();
    await recordAudit(tx, scope, { action: "region.create", entityType: "region", entityId: row!.id, after: input });
    return { id: row!.id, name: row!.name };
  });
}

export async function renameRegion(db: Db, scope: Scope, raw: z.input<typeof renameRegionInput>) {
  requireAdmin(scope);
  const input = renameRegionInput.parse(raw);
  return db.transaction(async (tx) => {
    await lockOrg(tx, scope.orgId);
    const before = await requireRegion(tx, scope.orgId, input.id);
    if (before.name === input.name) return before;
    await requireFreeRegionName(tx, scope.orgId, input.name, input.id);
    await tx.update(region).set({ name: input.name }).where(eq(region.id, input.id));
    await recordAudit(tx, scope, {
      action: "region.rename",
      entityType: "region",
      entityId: input.id,
      before: { name: before.name },
      after: { name: input.name },
    });
    return { id: input.id, name: input.name };
  });
}

export async function createTerritory(db: Db, scope: Scope, raw: z.input<typeof createTerritoryInput>) {
  requireAdmin(scope);
  const input = createTerritoryInput.parse(raw);
  return db.transaction(async (tx) => {
    await lockOrg(tx, scope.orgId);
    await requireRegion(tx, scope.orgId, input.regionId);
    await requireFreeTerritoryCode(tx, scope.orgId, input.code);
    const [row] = await tx
      .insert(territory)
      .values({ orgId: scope.orgId, regionId: input.regionId, code: input.code, name: input.name })
      .returning({ id: territory.id });
    await recordAudit(tx, scope, {
      action: "territory.create",
      entityType: "territory",
      entityId: row!.id,
      after: input,
    });
    return { id: row!.id, ...input };
  });
}

/** Renames, recodes or moves a territory to another region (its reps then appear under that region's manager). */
export async function updateTerritory(db: Db, scope: Scope, raw: z.input<typeof updateTerritoryInput>) {
  requireAdmin(scope);
  const { id, ...input } = updateTerritoryInput.parse(raw);
  return db.transaction(async (tx) => {
    await lockOrg(tx, scope.orgId);
    const before = await openTerritory(tx, scope, id);
    await requireRegion(tx, scope.orgId, input.regionId);
    await requireFreeTerritoryCode(tx, scope.orgId, input.code, id);
    const changes = Object.fromEntries(
      (Object.keys(input) as (keyof typeof input)[])
        .filter((key) => before[key] !== input[key])
        .map((key) => [key, input[key]]),
    );
    if (Object.keys(changes).length === 0) return { id, ...input };
    await tx.update(territory).set(changes).where(eq(territory.id, id));
    await recordAudit(tx, scope, {
      action: "territory.update",
      entityType: "territory",
      entityId: id,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof typeof before]])),
      after: changes,
    });
    return { id, ...input };
  });
}

/**
 * Closes a territory: it stops covering its ZIPs and its reps, at once (a rep's scope is read at each request).
 * Its calls, tasks and plans keep naming it. The audit keeps the ZIPs and reps it had, so it can be rebuilt.
 */
export async function closeTerritory(db: Db, scope: Scope, raw: z.input<typeof closeTerritoryInput>) {
  requireAdmin(scope);
  const { id } = closeTerritoryInput.parse(raw);
  return db.transaction(async (tx) => {
    await lockOrg(tx, scope.orgId);
    const before = await openTerritory(tx, scope, id);
    const zips = await tx
      .delete(territoryZip)
      .where(eq(territoryZip.territoryId, id))
      .returning({ zip5: territoryZip.zip5 });
    const reps = await tx
      .delete(territoryAssignment)
      .where(eq(territoryAssignment.territoryId, id))
      .returning({ userId: territoryAssignment.userId });
    await tx.update(territory).set({ closedAt: new Date() }).where(eq(territory.id, id));
    await recordAudit(tx, scope, {
      action: "territory.close",
      entityType: "territory",
      entityId: id,
      before: {
        code: before.code,
        name: before.name,
        zips: zips.map((z) => z.zip5).sort(),
        repIds: reps.map((r) => r.userId).sort(),
      },
    });
    return { id, zips: zips.length, reps: reps.length };
  });
}
