// The reps a viewer may see figures of: enabled reps assigned to a territory in the viewer's scope (a rep: themselves),
// each with the territories of theirs the viewer sees. The scorecard and the team's focus both start here.
import { sql } from "drizzle-orm";

import { rowsOf, type Db } from "@pharmacrm/db";

import type { Scope } from "../scope";

export interface RepInScope {
  id: string;
  name: string;
  /** Territory names, sorted, and their ids in the same order. */
  territories: string[];
  territoryIds: string[];
}

export async function repsInScope(db: Db, scope: Scope): Promise<RepInScope[]> {
  const inScope =
    scope.territoryIds === null
      ? sql`true`
      : scope.territoryIds.length
        ? sql`ta.territory_id in (${sql.join(
            scope.territoryIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
        : sql`false`;
  const who = scope.role === "rep" ? sql`u.id = ${scope.userId}::uuid` : sql`true`;
  const rows = await db.execute(sql`select u.id, u.name,
      array_agg(t.name order by t.name) as territories, array_agg(t.id::text order by t.name) as territory_ids
    from territory_assignment ta join app_user u on u.id = ta.user_id join territory t on t.id = ta.territory_id
    where ta.org_id = ${scope.orgId}::uuid and u.role = 'rep' and u.disabled_at is null and ${who} and ${inScope}
    group by u.id, u.name order by u.name`);
  return rowsOf<{ id: string; name: string; territories: string[]; territory_ids: string[] }>(rows).map((r) => ({
    id: r.id,
    name: r.name,
    territories: r.territories,
    territoryIds: r.territory_ids,
  }));
}
