// Test databases, one per test file, on the engine TEST_DB_ENGINE names:
// - pglite (default): an in-memory PGlite started from a migrated snapshot (made once per run by
//   vitest.global-setup.ts), ~2× faster than migrating from scratch;
// - postgres (`pnpm test:pg`): a database on the TEST_DATABASE_URL server cloned from a template migrated once per
//   run, dropped again when the test file closes it.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

import { env } from "@pharmacrm/config/env";
import { dataDir } from "@pharmacrm/config/paths";

import { openDatabase, type Database } from "./client";
import { createDatabase, databaseUrl, dropDatabases } from "./server-databases";

export const snapshotPath = () => join(dataDir(), "test", "migrated.tar.gz");

/** The template every Postgres test database is cloned from, and the prefix of the clones. */
const TEMPLATE = "pharmacrm_test_template";
const CLONE_PREFIX = "pharmacrm_test_clone_";

export type TestEngine = "pglite" | "postgres";

export function testEngine(): TestEngine {
  return env().TEST_DB_ENGINE;
}

function testServerUrl(): string {
  const url = env().TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DB_ENGINE=postgres needs TEST_DATABASE_URL (a Postgres 15+ server with pgvector).");
  return url;
}

/** Once per test run: the PGlite snapshot, or the Postgres template (leftover clones of killed runs dropped). */
export async function prepareTestDatabases(): Promise<string> {
  if (testEngine() === "pglite") return writeMigratedSnapshot();
  const url = testServerUrl();
  await dropDatabases(url, { prefix: CLONE_PREFIX, names: [TEMPLATE] });
  await createDatabase(url, TEMPLATE);
  const template = await openDatabase({ url: databaseUrl(url, TEMPLATE) });
  await template.close();
  return `${new URL(url).host}/${TEMPLATE}`;
}

export async function writeMigratedSnapshot(): Promise<string> {
  const database = await openDatabase({ dataDir: "memory://" });
  const dump = await database.pglite!.dumpDataDir("gzip");
  await database.close();
  const file = snapshotPath();
  await mkdir(dirname(file), { recursive: true });
  // Write then rename: another test run reading the snapshot never sees half a file.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  return file;
}

export async function createTestDatabase(): Promise<Database> {
  if (testEngine() === "postgres") return createPostgresTestDatabase();
  const file = snapshotPath();
  if (!existsSync(file)) return openDatabase({ dataDir: "memory://" });
  const loadDataDir = new Blob([await readFile(file)]);
  // The snapshot is already migrated; migrating again is a cheap no-op that guards against a stale file.
  return openDatabase({ loadDataDir });
}

async function createPostgresTestDatabase(): Promise<Database> {
  const url = testServerUrl();
  const name = `${CLONE_PREFIX}${process.pid}_${randomBytes(4).toString("hex")}`;
  await createDatabase(url, name, { template: TEMPLATE });
  const database = await openDatabase({ url: databaseUrl(url, name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      await dropDatabases(url, { names: [name] });
    },
  };
}
