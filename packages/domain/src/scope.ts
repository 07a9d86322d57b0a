// Who may see what, decided here and nowhere else.
//   rep     → tenant rows in their own territories, plus rows they own
//   manager → tenant rows in their region's territories, plus rows they own
//   admin   → every tenant row of their org
// Nobody sees another org's tenant rows. Public reference data (hcp, part_d, open_payment, …) is not scoped.
import { and, eq, inArray, or, sql, type AnyColumn, type SQL } from "drizzle-orm";

import { hcp, territory, territoryAssignment, territoryZip, type Db } from "@pharmacrm/db";

import type { Role, Viewer } from "./viewer";

export interface Scope {
  orgId: string;
  userId: string;
  role: Role;
  /** Territories whose tenant rows are visible; null = the whole org (admin). */
  territoryIds: string[] | null;
}

export async function scopeFor(db: Db, viewer: Viewer): Promise<Scope> {
  const base = { orgId: viewer.orgId, userId: viewer.userId, role: viewer.role };
  if (viewer.role === "admin") return { ...base, territoryIds: null };
  const rows =
    viewer.role === "manager"
      ? viewer.regionId
        ? await db
            .select({ id: territory.id })
            .from(territory)
            .where(and(eq(territory.orgId, viewer.orgId), eq(territory.regionId, viewer.regionId)))
        : []
      : await db
          .select({ id: territoryAssignment.territoryId })
          .from(territoryAssignment)
          .where(and(eq(territoryAssignment.orgId, viewer.orgId), eq(territoryAssignment.userId, viewer.userId)));
  return { ...base, territoryIds: rows.map((r) => r.id) };
}

/** Visibility of a tenant row that carries org, territory and owner (interactions, tasks). */
export function visibleTenantRow(
  scope: Scope,
  columns: { orgId: AnyColumn; territoryId: AnyColumn; ownerId: AnyColumn },
): SQL {
  const inOrg = eq(columns.orgId, scope.orgId);
  if (scope.territoryIds === null) return inOrg;
  const own = eq(columns.ownerId, scope.userId);
  const territoryMatch = scope.territoryIds.length > 0 ? inArray(columns.territoryId, scope.territoryIds) : undefined;
  return and(inOrg, territoryMatch ? or(territoryMatch, own) : own)!;
}

/** True when a practice ZIP (column) lies in one of the scope's territories (admins: always). */
export function zipInScope(scope: Scope, zipColumn: AnyColumn | SQL): SQL {
  return scope.territoryIds === null ? sql`true` : zipInTerritories(scope, zipColumn);
}

/** True when a practice ZIP (column) lies in a territory the scope covers: its own, or for admins any of the org's. */
export function zipInTerritories(scope: Scope, zipColumn: AnyColumn | SQL): SQL {
  if (scope.territoryIds?.length === 0) return sql`false`;
  const territories =
    scope.territoryIds === null
      ? sql``
      : sql`and tz.territory_id in (${sql.join(
          scope.territoryIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  return sql`exists (select 1 from ${territoryZip} tz where tz.zip5 = ${zipColumn} and tz.org_id = ${scope.orgId}::uuid ${territories})`;
}

/** True when the HCP (by NPI column) practises in a ZIP of one of the scope's territories (admins: always). */
export function hcpInScope(scope: Scope, npiColumn: AnyColumn): SQL {
  if (scope.territoryIds === null) return sql`true`;
  return sql`exists (select 1 from ${hcp} h where h.npi = ${npiColumn} and ${zipInScope(scope, sql.raw("h.practice_zip5"))})`;
}

/**
 * The territory an HCP is aligned to, among those the scope may act in (admins: any of the org's).
 * Null when the HCP practises outside them.
 */
export async function alignedTerritory(db: Db, scope: Scope, npi: string): Promise<string | null> {
  const conditions = [eq(territoryZip.orgId, scope.orgId), eq(hcp.npi, npi)];
  if (scope.territoryIds !== null) {
    if (scope.territoryIds.length === 0) return null;
    conditions.push(inArray(territoryZip.territoryId, scope.territoryIds));
  }
  const [row] = await db
    .select({ territoryId: territoryZip.territoryId })
    .from(territoryZip)
    .innerJoin(hcp, eq(hcp.practiceZip5, territoryZip.zip5))
    .where(and(...conditions))
    .orderBy(territoryZip.territoryId)
    .limit(1);
  return row?.territoryId ?? null;
}
