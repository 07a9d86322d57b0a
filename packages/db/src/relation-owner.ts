// Which of the schema's tables and views the connected role may rebuild or maintain. Server mode runs the app as
// pharmacrm_app, which owns nothing (drizzle/0014): dropping and creating indexes needs the owner; ANALYZE and
// REFRESH MATERIALIZED VIEW need the owner or, on PostgreSQL 17+, the MAINTAIN privilege (which 0014 grants).
// Membership of the owning role counts as owning. PGlite's one user owns everything.
import { sql } from "drizzle-orm";

import type { Db } from "./client";
import { rowsOf } from "./rows";

const named = (names: readonly string[]) =>
  sql`c.relnamespace = current_schema()::regnamespace and c.relname in (select jsonb_array_elements_text(${JSON.stringify(names)}::jsonb))`;

/** Of the named relations, those the current role does not own; sorted. */
export async function relationsNotOwned(db: Db, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = rowsOf<{ name: string }>(
    await db.execute(
      sql`select c.relname as name from pg_class c where ${named(names)} and not pg_has_role(current_user, c.relowner, 'USAGE') order by 1`,
    ),
  );
  return rows.map((row) => row.name);
}

/** Of the named relations, those the current role may neither ANALYZE nor REFRESH; sorted. */
export async function relationsNotMaintainable(db: Db, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  // The MAINTAIN privilege does not exist before PostgreSQL 17 (asking for it is an error there): CASE asks only after.
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`select c.relname as name from pg_class c where ${named(names)}
      and not pg_has_role(current_user, c.relowner, 'USAGE')
      and not (case when current_setting('server_version_num')::int >= 170000 then has_table_privilege(c.oid, 'MAINTAIN') else false end)
      order by 1`),
  );
  return rows.map((row) => row.name);
}

/** The role the connection acts as, for messages. */
export async function currentRole(db: Db): Promise<string> {
  const [row] = rowsOf<{ role: string }>(await db.execute(sql`select current_user::text as role`));
  return row?.role ?? "unknown";
}
