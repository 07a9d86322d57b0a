// The bench populations, built once and reused: PGlite in .data/bench/<name>-<size>, Postgres in a database
// pharmacrm_bench_<name>_<size> on the server at DATABASE_URL or TEST_DATABASE_URL. Shared by bench:search and
// bench:analytics.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";

import { env } from "@pharmacrm/config/env";
import { dataDir } from "@pharmacrm/config/paths";
import { createDatabase, databaseUrl, openDatabase, rowsOf, type Database } from "@pharmacrm/db";

import { buildSyntheticPopulation } from "./synthetic-hcps";

export type Engine = "pglite" | "postgres";

export const benchServerUrl = () => env().DATABASE_URL ?? env().TEST_DATABASE_URL;

/** The engine's database for a population size, created empty (then built) when missing. */
async function openEngine(
  engine: Engine,
  size: number,
  name: string,
): Promise<{ database: Database; where: string; fresh: boolean }> {
  if (engine === "pglite") {
    const dir = join(dataDir(), "bench", `${name}-${size}`);
    const fresh = !existsSync(dir);
    return { database: await openDatabase({ dataDir: dir }), where: dir, fresh };
  }
  const database = `pharmacrm_bench_${name}_${size}`;
  const fresh = await createDatabase(benchServerUrl()!, database, { ifMissing: true });
  return {
    database: await openDatabase({ url: databaseUrl(benchServerUrl()!, database) }),
    where: `Postgres database ${database}`,
    fresh,
  };
}

/** A population of `size` synthetic HCPs under its own name (benches that add rows keep apart from the others). */
export async function openPopulation(engine: Engine, size: number, name = "search"): Promise<Database> {
  const { database, where: dir, fresh } = await openEngine(engine, size, name);
  const [count] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from hcp`));
  if (fresh || Number(count?.n) !== size) {
    if (Number(count?.n) > 0)
      throw new Error(`${dir} holds ${count?.n} HCPs, not ${size}: delete the folder to rebuild it.`);
    console.log(`Building ${size.toLocaleString("en-US")} synthetic HCPs in ${dir} …`);
    const started = performance.now();
    await buildSyntheticPopulation(database.db, size, (line) => console.log(line));
    console.log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  return database;
}
