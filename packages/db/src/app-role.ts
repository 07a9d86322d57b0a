// Server mode: make pharmacrm_app (drizzle/0014) a role the app can log in as. Run as the tables' owner after the
// migrations (docker-compose's migrate service does: `pnpm db:setup && pnpm db:app-role`). Idempotent: grants again
// (covering tables created since) and sets the password, so a changed APP_DATABASE_PASSWORD takes effect on the next
// run. Embedded PGlite has no other roles: nothing to do there.
import { sql } from "drizzle-orm";

import type { Database } from "./client";
import { rowsOf } from "./rows";

export const APP_ROLE = "pharmacrm_app";

export async function ensureAppRole(database: Database, password: string): Promise<"ready" | "embedded"> {
  if (database.driver === "pglite") return "embedded";
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select grant_app_role()`);
    // ALTER ROLE takes no parameters: the password is quoted by format(%L) in the server, never spliced in here.
    const [statement] = rowsOf<{ sql: string }>(
      await tx.execute(
        sql`select format('ALTER ROLE %I LOGIN PASSWORD %L', ${APP_ROLE}::text, ${password}::text) as sql`,
      ),
    );
    const [exists] = rowsOf<{ n: number }>(
      await tx.execute(sql`select count(*)::int as n from pg_roles where rolname = ${APP_ROLE}`),
    );
    if (!exists?.n)
      throw new Error(
        `The role ${APP_ROLE} does not exist and this role may not create it: create it as a superuser, then run this again.`,
      );
    await tx.execute(sql.raw(statement!.sql));
  });
  return "ready";
}
