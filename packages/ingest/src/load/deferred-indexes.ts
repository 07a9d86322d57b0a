// Bulk loads: a run that brings more rows than its tables hold drops their secondary indexes when it starts and
// builds them again when it ends, as pg_restore does. Building an index once over the loaded rows costs far less
// than maintaining it row by row (measured on NPPES, 100k rows into empty tables: the hcp upsert went from ~5 s to
// ~1.8 s). Primary keys and unique indexes stay: the merges' ON CONFLICT needs them. The dropped definitions are
// stored with the run in the same transaction, so whoever ends the run — success, failure, or a later run finding
// them left behind — puts them back. Searches during such a load are correct, only slower.
// Dropping and building indexes needs the tables' owner. Server mode runs the app as pharmacrm_app, which owns none
// (drizzle/0014): a load as such a role is not bulk (its indexes stay and are kept up to date row by row), and
// indexes an owner's run left deferred wait, with a warning, for the next run by the owner.
import { and, eq, getTableName, ne, sql } from "drizzle-orm";
import { type PgTable } from "drizzle-orm/pg-core";

import { currentRole, dataSourceRun, relationsNotOwned, rowsOf, type Db } from "@pharmacrm/db";

import { detailsOf } from "../run/details";

export interface DeferredIndex {
  name: string;
  /** CREATE INDEX statement as pg_get_indexdef wrote it. */
  definition: string;
}

/** Fewer estimated rows than this never switch to a bulk load: rebuilding would cost more than it saves. */
export const BULK_LOAD_MIN_ROWS = 20_000;

/** Rows the tables hold: the planner's estimate when analyzed, otherwise counted (up to `limit`). */
async function rowsHeld(db: Db, tables: readonly PgTable[], limit: number): Promise<number> {
  let total = 0;
  for (const table of tables) {
    const name = getTableName(table);
    const [estimate] = rowsOf<{ rows: number }>(
      await db.execute(sql`select reltuples::float8 as rows from pg_class where oid = to_regclass(${name})`),
    );
    if (estimate && estimate.rows >= 0) {
      total += estimate.rows;
      continue;
    }
    const [counted] = rowsOf<{ rows: number }>(
      await db.execute(
        sql`select count(*)::int as rows from (select 1 from ${sql.identifier(name)} limit ${limit}) held`,
      ),
    );
    total += counted?.rows ?? 0;
  }
  return total;
}

/** A load is bulk when its file brings more rows than its tables hold (e.g. the first load of the registry). */
export async function isBulkLoad(
  db: Db,
  tables: readonly PgTable[],
  estimatedRows: number,
  minRows = BULK_LOAD_MIN_ROWS,
): Promise<boolean> {
  if (tables.length === 0 || estimatedRows < minRows) return false;
  return (await rowsHeld(db, tables, estimatedRows)) < estimatedRows;
}

/** Whether this load may drop the tables' indexes: only as their owner; otherwise it says why it loads row by row. */
export async function mayDeferIndexes(db: Db, tables: readonly PgTable[], runLabel: string): Promise<boolean> {
  const notOwned = await relationsNotOwned(
    db,
    tables.map((table) => getTableName(table)),
  );
  if (notOwned.length === 0) return true;
  console.warn(
    `[ingest] ${runLabel}: loading without the bulk mode (no index drop and rebuild): the database role ${await currentRole(db)} ` +
      `does not own ${notOwned.join(", ")}. Indexes are kept up to date row by row, which is slower for a first load; load as the tables' owner for a bulk load.`,
  );
  return false;
}

/** The table a CREATE INDEX statement, as pg_get_indexdef writes it, is on. */
const tableOf = (definition: string): string | undefined =>
  /^CREATE INDEX \S+ ON (?:ONLY )?(?:[^\s.]+\.)?"?([^\s".]+)"? USING /.exec(definition)?.[1];

/** Drops the tables' secondary indexes (not primary keys, unique or constraint indexes) and returns them. */
export async function dropSecondaryIndexes(tx: Db, tables: readonly PgTable[]): Promise<DeferredIndex[]> {
  const names = tables.map((table) => getTableName(table));
  const indexes = rowsOf<DeferredIndex>(
    await tx.execute(sql`select i.relname as name, pg_get_indexdef(x.indexrelid) as definition
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      where t.relnamespace = current_schema()::regnamespace
        and t.relname in (select jsonb_array_elements_text(${JSON.stringify(names)}::jsonb))
        and not x.indisunique and not x.indisprimary
        and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
      order by t.relname, i.relname`),
  );
  for (const index of indexes) await tx.execute(sql`drop index if exists ${sql.identifier(index.name)}`);
  return indexes;
}

/** Builds the indexes a run deferred (idempotent) and forgets them in the run's details. */
export async function restoreDeferredIndexes(tx: Db, runId: string): Promise<void> {
  const [run] = await tx.select().from(dataSourceRun).where(eq(dataSourceRun.id, runId)).for("update");
  const details = run ? detailsOf(run) : {};
  if (!details.deferredIndexes?.length) return;
  const tables = [...new Set(details.deferredIndexes.map((index) => tableOf(index.definition) ?? index.name))];
  const notOwned = await relationsNotOwned(tx, tables);
  if (notOwned.length > 0) {
    // Kept in the run's details: the next run started by the owner builds them (restoreLeftoverIndexes).
    console.warn(
      `[ingest] run ${runId}: ${details.deferredIndexes.length} indexes it deferred are not built yet: the database role ${await currentRole(tx)} ` +
        `does not own ${notOwned.join(", ")}. The next run started by the tables' owner builds them; searches are slower until then.`,
    );
    return;
  }
  // Sorting a million keys in memory rather than in temporary files (Postgres's default is 64 MB).
  await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
  for (const index of details.deferredIndexes) {
    // Only non-unique indexes are deferred, so every definition starts "CREATE INDEX ".
    await tx.execute(sql.raw(index.definition.replace(/^CREATE INDEX /, "CREATE INDEX IF NOT EXISTS ")));
  }
  const { deferredIndexes: _restored, ...rest } = details;
  await tx.update(dataSourceRun).set({ details: rest }).where(eq(dataSourceRun.id, runId));
}

/** Indexes that ended runs left dropped (a failure while restoring, a crash while failing): built again. */
export async function restoreLeftoverIndexes(db: Db): Promise<void> {
  const leftovers = await db
    .select({ id: dataSourceRun.id })
    .from(dataSourceRun)
    .where(and(ne(dataSourceRun.status, "running"), sql`${dataSourceRun.details} ? 'deferredIndexes'`));
  for (const run of leftovers) await db.transaction((tx) => restoreDeferredIndexes(tx, run.id));
}
