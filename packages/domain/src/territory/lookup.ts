// What the territory set-up's reads and writes share: an open territory locked for change, and which physicians
// its counts name.
import { and, eq, sql, type SQL } from "drizzle-orm";

import { territory, type Db } from "@pharmacrm/db";

import { DomainError, notFound } from "../errors";
import type { Scope } from "../scope";

/** What the screens show of a territory. */
export const territoryColumns = {
  id: territory.id,
  code: territory.code,
  name: territory.name,
  regionId: territory.regionId,
  closedAt: territory.closedAt,
};

/** The physicians a territory's counts name: individuals NPPES has not deactivated, as the physician list shows. */
export const physicianListed = (h: SQL) => sql`${h}.entity_type = 1 and ${h}.deactivation_date is null`;

/** Inside a transaction: an open territory of the admin's org, locked. */
export async function openTerritory(tx: Db, scope: Scope, id: string) {
  const [row] = await tx
    .select()
    .from(territory)
    .where(and(eq(territory.id, id), eq(territory.orgId, scope.orgId)))
    .for("update");
  if (!row) throw notFound("That territory");
  if (row.closedAt) throw new DomainError("CONFLICT", `${row.name} is closed; create a new territory instead.`);
  return row;
}
