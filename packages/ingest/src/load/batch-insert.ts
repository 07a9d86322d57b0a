// Batched multi-row inserts that avoid Postgres' 65,535 bind-parameter limit altogether: each statement
// carries up to ROWS_PER_STATEMENT rows as ONE json parameter expanded by json_to_recordset. On PGlite this
// is ~4× faster than a VALUES list with one parameter per cell (less to parse, plan and bind), and it is plain
// Postgres, so the same code serves the postgres.js driver.
import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import { type PgTable } from "drizzle-orm/pg-core";

import { type Db } from "@pharmacrm/db";

export const ROWS_PER_STATEMENT = 5_000;

export interface InsertOptions {
  /** "skip": rows whose key already exists are ignored (re-runnable public-data loads). Default "error". */
  onConflict?: "skip" | "error";
}

/**
 * Inserts rows (drizzle insert shapes) in statements of up to ROWS_PER_STATEMENT rows. Columns are the union of
 * keys the rows set; a row lacking one of them inserts NULL there, not the column default.
 */
export async function insertInBatches<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly T["$inferInsert"][],
  options: InsertOptions = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table));
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await db.execute(insertStatement(table, columns, rows.slice(start, start + ROWS_PER_STATEMENT), options));
  }
}

type ColumnEntry = [key: string, column: ReturnType<typeof getTableColumns>[string]];

function insertStatement(
  table: PgTable,
  columns: ColumnEntry[],
  rows: readonly Record<string, unknown>[],
  options: InsertOptions,
): SQL {
  const used = columns.filter(([key]) => rows.some((row) => row[key] !== undefined));
  const payload = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const [key, column] of used) record[column.name] = row[key] ?? null;
    return record;
  });
  const names = sql.join(
    used.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  // Column names and SQL types come from the drizzle schema, never from input data.
  const definitions = sql.raw(used.map(([, column]) => `"${column.name}" ${column.getSQLType()}`).join(", "));
  const conflict = options.onConflict === "skip" ? sql` on conflict do nothing` : sql``;
  return sql`insert into ${sql.identifier(getTableName(table))} (${names}) select ${names} from json_to_recordset(${JSON.stringify(payload)}::json) as r(${definitions})${conflict}`;
}
