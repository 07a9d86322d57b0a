// The one database factory: DATABASE_URL set → postgres.js; unset → embedded PGlite (pgvector + pg_trgm).
import { mkdirSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

import { env } from "@pharmacrm/config/env";
import { dataDir, workspaceRoot } from "@pharmacrm/config/paths";

import { rowsOf } from "./rows";
import * as schema from "./schema";

/** A drizzle handle that both drivers satisfy; transactions are of the same type. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  driver: "pglite" | "postgres";
  /** The raw PGlite instance (embedded mode only): snapshots, COPY. */
  pglite?: PGlite;
  /** Runs SQL text that may hold several statements and no parameters (setup and test scripts), on either driver. */
  exec(statements: string): Promise<void>;
  close(): Promise<void>;
}

/** The driver behind a handle openDatabase opened, with its raw client: COPY on postgres.js, blob COPY on PGlite. */
export type DriverClient = { driver: "postgres"; client: postgres.Sql } | { driver: "pglite"; client: PGlite };

const drivers = new WeakMap<Db, DriverClient>();

/**
 * Which driver holds this handle, for the few callers that use a driver's own API (bulk staging). A transaction's
 * handle or one made elsewhere has none: such callers fall back to plain SQL.
 */
export const driverOf = (db: Db): DriverClient | undefined => drivers.get(db);

/** One postgres.js connection held for a while, for session state such as temporary tables. */
export interface ReservedConnection {
  /** Statements on this connection (outside any transaction unless inside `transaction`). */
  db: Db;
  client: postgres.ReservedSql;
  /** BEGIN … COMMIT on this connection (drizzle's transaction() needs the pool's begin, which a reserved one lacks). */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  release(): void;
}

/** Takes a connection out of a postgres.js handle's pool until released; undefined for any other handle. */
export async function reserveConnection(db: Db): Promise<ReservedConnection | undefined> {
  const driver = drivers.get(db);
  if (driver?.driver !== "postgres") return undefined;
  const client = await driver.client.reserve();
  // drizzle reads the type parsers from the client's options: the pool's, already set up by openPostgres.
  const own = drizzlePostgres(Object.assign(client, { options: driver.client.options }), { schema }) as unknown as Db;
  return {
    db: own,
    client,
    async transaction(work) {
      await client`begin`;
      try {
        const result = await work(own);
        await client`commit`;
        return result;
      } catch (error) {
        await client`rollback`.catch(() => {});
        throw error;
      }
    },
    release: () => client.release(),
  };
}

export const migrationsFolder = (): string => join(workspaceRoot(), "drizzle");

export const pgliteExtensions = { vector, pg_trgm };

export interface OpenOptions {
  /** postgres:// URL; default DATABASE_URL. */
  url?: string;
  /** PGlite data folder, "memory://" for in-memory; default PGLITE_DIR or .data/pglite. */
  dataDir?: string;
  /** A PGlite snapshot (from dumpDataDir) to start from: fast test databases. */
  loadDataDir?: Blob;
  migrate?: boolean;
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.url ?? (options.dataDir || options.loadDataDir ? undefined : env().DATABASE_URL);
  const database = url ? openPostgres(url) : await openPglite(options);
  if (options.migrate ?? true) await migrateDatabase(database);
  return database;
}

/**
 * postgres.js's `socket` option (documented, not in its types), to switch Nagle's algorithm off as libpq does: with it
 * on (Node's default), a message sent after a large write (the end of a COPY, the next statement) waits ~40 ms for
 * the server's delayed ACK — measured on a staged ingest chunk, 45 ms per statement.
 */
function noDelaySockets(): (options: { host: string[]; port: number[]; path: string | false }) => Socket {
  let next = 0;
  return ({ host, port, path }) => {
    const i = next++ % host.length;
    const socket = path ? connect(path) : connect({ host: host[i]!, port: port[i]!, noDelay: true });
    // For TLS: postgres.js names the server from the socket's host.
    return Object.assign(socket, { host: host[i] });
  };
}

function openPostgres(url: string): Database {
  // JIT compilation (on by default since PostgreSQL 12) costs 50–100 ms on the app's short queries whose estimated
  // cost crosses jit_above_cost — payer and prescriber searches at 1M HCPs — and buys nothing back (bench:search).
  const client = postgres(url, {
    max: 10,
    onnotice: () => {},
    connection: { jit: "off" },
    ...({ socket: noDelaySockets() } as object),
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  drivers.set(db, { driver: "postgres", client });
  return {
    db,
    driver: "postgres",
    exec: async (statements) => void (await client.unsafe(statements).simple()),
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const dir = options.dataDir ?? (options.loadDataDir ? "memory://" : (env().PGLITE_DIR ?? join(dataDir(), "pglite")));
  const inMemory = dir === "memory://";
  // PGlite creates only the last folder of the path; a fresh clone has no .data/ yet.
  if (!inMemory) mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(inMemory ? undefined : dir, {
    extensions: pgliteExtensions,
    loadDataDir: options.loadDataDir,
  });
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  drivers.set(db, { driver: "pglite", client: pglite });
  return {
    db,
    driver: "pglite",
    pglite,
    exec: async (statements) => void (await pglite.exec(statements)),
    close: () => pglite.close(),
  };
}

export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: migrationsFolder() };
  if (database.driver === "pglite") {
    await migratePglite(database.db as unknown as Parameters<typeof migratePglite>[0], config);
  } else if (await migrationsPending(database, config)) {
    await migratePostgres(database.db as unknown as Parameters<typeof migratePostgres>[0], config).catch(
      (error: unknown) => {
        if (!deniedByPrivileges(error)) throw error;
        throw new Error(
          "Database migrations are pending and this database role may not apply them: run `pnpm db:migrate` with the tables' owner's URL.",
          { cause: error },
        );
      },
    );
  }
}

/** PostgreSQL's insufficient_privilege (42501), anywhere in the error's cause chain (drizzle wraps the driver's). */
function deniedByPrivileges(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (e.code === "42501") return true;
  }
  return false;
}

/** Server mode: the app's role (pharmacrm_app, drizzle/0014) may read the migration ledger but not create it, so the
 * migrator — which starts with CREATE SCHEMA IF NOT EXISTS — runs only when a migration is missing. */
async function migrationsPending(database: Database, config: { migrationsFolder: string }): Promise<boolean> {
  const newest = readMigrationFiles(config).at(-1)?.folderMillis ?? 0;
  const ledger = await database.db
    .execute(sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`)
    .then((result) => rowsOf<{ last: string | null }>(result)[0]?.last ?? null)
    .catch(() => null);
  return ledger === null || Number(ledger) < newest;
}

// One database per process: PGlite allows a single connection, and Next reloads modules in dev.
const globalForDb = globalThis as unknown as { pharmacrmDb?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  globalForDb.pharmacrmDb ??= openDatabase().catch((error: unknown) => {
    globalForDb.pharmacrmDb = undefined;
    throw error;
  });
  return globalForDb.pharmacrmDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
