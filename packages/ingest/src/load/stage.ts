// Getting a chunk's rows to the database the fastest way each driver offers, as a row source the merge statements
// select from (aliased r). Both drivers COPY into temporary tables typed like their targets: postgres.js from stdin
// on a connection the stager holds, PGlite from a Blob (measured on an NPPES chunk: ~35 ms for 7,700 hcp rows,
// against ~150–200 ms for json_to_recordset over one parameter and ~85 ms for jsonb arrays; on Postgres, COPY of
// jsonb into a shared staging table made the write step twice as slow). COPY runs before the chunk's transaction
// (PGlite would wait on its own transaction lock); the merge inside the transaction, on the same connection, reads
// what was staged.
import { createHash, randomBytes } from "node:crypto";
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { type PgTable } from "drizzle-orm/pg-core";

import { driverOf, reserveConnection, type Db, type ReservedConnection } from "@pharmacrm/db";

/** Rows of one target table, keyed by the table's TypeScript column keys. */
export interface StagedRows {
  table: PgTable;
  rows: readonly Record<string, unknown>[];
}

/** A chunk's rows by target name (a target is a table, or a subset of its columns such as NPPES stubs). */
export type StagedChunk = Record<string, StagedRows>;

export interface StagedColumn {
  key: string;
  name: string;
  type: string;
}

/** "copy": COPY text lines (tab-separated, \N for null); "json": a JSON array of values per row. */
export type StageFormat = "copy" | "json";

/** A chunk ready to send: per target, its columns and its rows encoded (plain data, so a worker can make it). */
export interface PreparedStage {
  format: StageFormat;
  targets: Record<string, { columns: StagedColumn[]; rows: string[] }>;
}

/** What merge statements select from: `from ${source.from("hcp")}` yields rows aliased `r`. */
export interface StageSource {
  columns(target: string): StagedColumn[];
  from(target: string): SQL;
  count(target: string): number;
}

export interface Stager {
  format: StageFormat;
  /** Where staged rows can be read: the key claim runs here. */
  db: Db;
  /** The chunk's transaction, on the connection that staged. */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  /** Stages outside the chunk transaction; returns the merge source. */
  stage(chunk: PreparedStage): Promise<StageSource>;
  /** When the run is over: drops what was staged, gives back the connection. */
  dispose(): Promise<void>;
}

/** Columns a target's rows set (the union of their keys), in table order, with SQL types from the schema. */
function stagedColumns({ table, rows }: StagedRows): StagedColumn[] {
  const present = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) present.add(key);
  return Object.entries(getTableColumns(table))
    .filter(([key]) => present.has(key))
    .map(([key, column]) => ({ key, name: column.name, type: column.getSQLType() }));
}

// COPY text format: backslash escapes; an array goes in as an array literal, itself escaped.
const copyEscape = (text: string) =>
  text.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
const arrayLiteral = (values: readonly unknown[]) =>
  `{${values.map((v) => (v === null || v === undefined ? "NULL" : `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(",")}}`;

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (Array.isArray(value)) return copyEscape(arrayLiteral(value));
  return copyEscape(String(value));
}

/** Encodes every target's rows for the stager's format. */
export function prepareStage(chunk: StagedChunk, format: StageFormat): PreparedStage {
  const targets: PreparedStage["targets"] = {};
  for (const [target, staged] of Object.entries(chunk)) {
    const columns = stagedColumns(staged);
    const keys = columns.map((c) => c.key);
    const rows =
      format === "copy"
        ? staged.rows.map((row) => keys.map((key) => copyValue(row[key])).join("\t"))
        : staged.rows.map((row) => JSON.stringify(keys.map((key) => row[key] ?? null)));
    targets[target] = { columns, rows };
  }
  return { format, targets };
}

const columnsOf = (chunk: PreparedStage) => (target: string) => {
  const found = chunk.targets[target];
  if (!found) throw new Error(`nothing staged for target ${target}`);
  return found.columns;
};

/** Typed columns out of a jsonb array value `e`. Names and types come from the drizzle schema, never from input. */
function typedColumns(columns: StagedColumn[]): SQL {
  return sql.raw(
    columns
      .map(
        (c, i) =>
          (c.type.endsWith("[]")
            ? `array(select jsonb_array_elements_text(e->${i}))::${c.type}`
            : `(e->>${i})::${c.type}`) + ` as "${c.name}"`,
      )
      .join(", "),
  );
}

/** Any driver: each target's rows as one jsonb parameter per statement (no COPY available). */
const jsonStager = (db: Db): Stager => ({
  format: "json",
  db,
  transaction: (work) => db.transaction(work),
  async stage(chunk) {
    return {
      columns: columnsOf(chunk),
      count: (target) => chunk.targets[target]?.rows.length ?? 0,
      from(target) {
        const { columns, rows } = chunk.targets[target]!;
        return sql`(select ${typedColumns(columns)} from jsonb_array_elements(${`[${rows.join(",")}]`}::jsonb) e) as r`;
      },
    };
  },
  async dispose() {},
});

/** Loads COPY text lines into a table on the stager's connection. */
type CopyLines = (table: string, names: string, lines: string[]) => Promise<void>;

/**
 * COPY into temporary tables typed like their targets (one per target shape), truncated before each chunk: the merge
 * reads typed columns, and nothing staged outlives the connection. `exec` runs statement text on the same connection
 * as `copy`, which is where the claim and the chunk's transaction must run too.
 */
function temporaryTableStager(
  connection: Pick<Stager, "db" | "transaction">,
  exec: (statement: string) => Promise<unknown>,
  copy: CopyLines,
  release: () => void = () => {},
): Stager {
  const created = new Set<string>();
  // Per stager: two callers working on runs at once (even the same run) never share a staging table.
  const instance = randomBytes(6).toString("hex");
  const tableFor = (target: string, columns: StagedColumn[]) => {
    const shape = createHash("md5")
      .update(columns.map((c) => `${c.name} ${c.type}`).join(","))
      .digest("hex")
      .slice(0, 8);
    return `ingest_stage_${instance}_${target.toLowerCase().replace(/[^a-z0-9]/g, "")}_${shape}`;
  };
  return {
    db: connection.db,
    transaction: connection.transaction,
    format: "copy",
    async stage(chunk) {
      const tables = new Map<string, string>();
      for (const [target, { columns, rows }] of Object.entries(chunk.targets)) {
        if (rows.length === 0) continue;
        const table = tableFor(target, columns);
        tables.set(target, table);
        if (!created.has(table)) {
          const definition = columns.map((c) => `"${c.name}" ${c.type}`).join(", ");
          await exec(`create temporary table if not exists "${table}" (${definition})`);
          created.add(table);
        }
        await exec(`truncate "${table}"`);
        await copy(table, columns.map((c) => `"${c.name}"`).join(", "), rows);
      }
      return {
        columns: columnsOf(chunk),
        count: (target) => chunk.targets[target]?.rows.length ?? 0,
        from: (target) => sql`${sql.identifier(tables.get(target)!)} as r`,
      };
    },
    async dispose() {
      try {
        for (const table of created) await exec(`drop table if exists "${table}"`);
      } finally {
        created.clear();
        release();
      }
    },
  };
}

/** postgres.js: a connection of the stager's own (temporary tables belong to one), COPY FROM STDIN in 1,000-line writes. */
function postgresStager(reserved: ReservedConnection): Stager {
  const { client } = reserved;
  return temporaryTableStager(
    reserved,
    (statement) => client.unsafe(statement),
    async (table, names, lines) => {
      const writable = await client.unsafe(`copy "${table}" (${names}) from stdin`).writable();
      const done = new Promise<void>((resolve, reject) => {
        writable.on("finish", resolve);
        writable.on("error", reject);
      });
      for (let i = 0; i < lines.length; i += 1000) {
        if (!writable.write(`${lines.slice(i, i + 1000).join("\n")}\n`))
          await new Promise((resolve) => writable.once("drain", resolve));
      }
      writable.end();
      await done;
    },
    reserved.release,
  );
}

/** The slice of the PGlite API COPY from a Blob needs. */
export interface PgliteClient {
  query(query: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
  exec(query: string): Promise<unknown>;
}

/** PGlite: COPY from a Blob; one connection, so the claim and the transaction run on the handle itself. */
export function pgliteStager(db: Db, client: PgliteClient): Stager {
  return temporaryTableStager(
    { db, transaction: (work) => db.transaction(work) },
    (statement) => client.exec(statement),
    async (table, names, lines) => {
      await client.query(`copy "${table}" (${names}) from '/dev/blob'`, [], {
        blob: new Blob([`${lines.join("\n")}\n`]),
      });
    },
  );
}

/** The fastest stager the handle's driver allows; release it with dispose(). */
export async function stagerFor(db: Db): Promise<Stager> {
  const reserved = await reserveConnection(db);
  if (reserved) return postgresStager(reserved);
  const driver = driverOf(db);
  return driver?.driver === "pglite" ? pgliteStager(db, driver.client) : jsonStager(db);
}
