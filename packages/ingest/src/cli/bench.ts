// pnpm bench:ingest [-- --rows 100000,1000000] [--engines pglite,postgres] [--chunk-rows 10000] [--in-thread] [--reload] [--keep]
// Ingestion speed for synthetic NPPES-format files (official 330-column layout, every field quoted) into a fresh
// database on each engine: embedded PGlite in a temporary folder, and Postgres — a scratch database created on the
// server at DATABASE_URL or TEST_DATABASE_URL and dropped afterwards. Beside each load, the baseline: the same file
// COPYed raw into an unindexed table. Files are cached in .data/bench (the generator is deterministic).
import { existsSync } from "node:fs";
import { appendFile, copyFile, mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";

import { env } from "@pharmacrm/config/env";
import { dataDir } from "@pharmacrm/config/paths";
import { createDatabase, databaseUrl, dropDatabases, openDatabase, type Database } from "@pharmacrm/db";

import { rawCopy } from "../bench/raw-copy";
import { writeSyntheticNppesFile } from "../bench/synthetic-nppes";
import { NPPES_HEADER } from "../layouts";
import { type IngestionRun } from "../run/queries";
import { runIngestion } from "../run/run-ingestion";
import { duration } from "./progress-bar";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    rows: { type: "string" },
    engines: { type: "string" },
    "chunk-rows": { type: "string" },
    "in-thread": { type: "boolean" },
    reload: { type: "boolean" },
    keep: { type: "boolean" },
  },
});
const serverUrl = env().DATABASE_URL ?? env().TEST_DATABASE_URL;
const engineSchema = z.enum(["pglite", "postgres"], { message: "--engines lists pglite and/or postgres" });
const engines = z.array(engineSchema).parse((values.engines ?? (serverUrl ? "pglite,postgres" : "pglite")).split(","));
const sizes = z.array(z.coerce.number().int().positive()).parse((values.rows ?? "100000,1000000").split(","));
const chunkRows =
  values["chunk-rows"] === undefined ? undefined : z.coerce.number().int().positive().parse(values["chunk-rows"]);
const parallel = !values["in-thread"];
const thousands = (n: number) => Math.round(n).toLocaleString("en-US");
if (engines.includes("postgres") && !serverUrl)
  throw new Error(
    "Postgres needs DATABASE_URL or TEST_DATABASE_URL (a server where scratch databases can be created).",
  );
if (!engines.includes("postgres"))
  console.log("Postgres not measured: set TEST_DATABASE_URL (or DATABASE_URL) to a server to compare both engines.");

async function benchFile(rows: number): Promise<string> {
  const dir = join(dataDir(), "bench");
  await mkdir(dir, { recursive: true });
  const file = join(dir, `npidata_pfile_synthetic_v2_${rows}.csv`);
  if (!existsSync(file)) {
    const started = performance.now();
    process.stdout.write(`generating ${thousands(rows)} rows… `);
    await writeSyntheticNppesFile(`${file}.partial`, rows);
    await copyFile(`${file}.partial`, file);
    await rm(`${file}.partial`);
    console.log(`${duration(performance.now() - started)}`);
  }
  return file;
}

interface Scratch {
  database: Database;
  url?: string;
  where: string;
  dispose: () => Promise<void>;
}

/** A fresh, migrated database on one engine for one measurement, and how to dispose of it. */
async function scratchDatabase(engine: "pglite" | "postgres"): Promise<Scratch> {
  if (engine === "postgres") {
    const name = `pharmacrm_bench_${process.pid}_${Date.now()}`;
    await createDatabase(serverUrl!, name);
    const url = databaseUrl(serverUrl!, name);
    const database = await openDatabase({ url });
    return {
      database,
      url,
      where: `Postgres (scratch database ${name})`,
      dispose: async () => {
        await database.close();
        await dropDatabases(serverUrl!, { names: [name] });
      },
    };
  }
  const folder = await mkdtemp(join(tmpdir(), "pharmacrm-bench-ingest-"));
  const database = await openDatabase({ dataDir: join(folder, "pglite") });
  return {
    database,
    where: `PGlite (${folder})`,
    dispose: async () => {
      await database.close();
      if (!values.keep) await rm(folder, { recursive: true, force: true });
    },
  };
}

async function timed(label: string, work: () => Promise<IngestionRun>): Promise<{ run: IngestionRun; rate: number }> {
  const started = performance.now();
  const run = await work();
  const ms = performance.now() - started;
  const t = run.details.timings;
  const rate = run.rowsRead / (ms / 1000);
  console.log(
    `  ${label.padEnd(22)} ${thousands(run.rowsRead).padStart(10)} rows in ${duration(ms).padStart(6)} → ${thousands(rate).padStart(7)} rows/s` +
      (t
        ? `   (checksum ${duration(t.checksumMs)}, read+validate ${duration(t.readMs)}, write ${duration(t.writeMs)}, finalize ${duration(t.finalizeMs ?? 0)})`
        : ""),
  );
  return { run, rate };
}

const results: { engine: string; rows: number; pipeline: number; raw: number }[] = [];
for (const rows of sizes) {
  const file = await benchFile(rows);
  for (const engine of engines) {
    const scratch = await scratchDatabase(engine);
    const { database } = scratch;
    console.log(
      `\nNPPES ${thousands(rows)} rows (${((await stat(file)).size / 1e6).toFixed(0)} MB) into ${scratch.where}, ${parallel ? "reading in a worker thread" : "in one thread"}`,
    );
    try {
      const first = await timed("first load", () =>
        runIngestion(database.db, { dataset: "nppes", file, rows: chunkRows, parallel }),
      );
      const mode = first.run.details.bulk ? "bulk load (secondary indexes built at the end)" : "row by row";
      console.log(
        `  ${JSON.stringify(first.run.details.kinds)}, ${first.run.details.chunks} chunks, quarantined ${first.run.rowsQuarantined}, ${mode}`,
      );
      await timed("re-run (same file)", () => runIngestion(database.db, { dataset: "nppes", file }));
      if (values.reload) {
        // Same rows under a new checksum (a trailing blank line): every row is compared and found unchanged.
        const copy = join(tmpdir(), `bench-reload-${rows}.csv`);
        await copyFile(file, copy);
        await appendFile(copy, "\n");
        await timed("reload (all unchanged)", () =>
          runIngestion(database.db, { dataset: "nppes", file: copy, rows: chunkRows, parallel }),
        );
        await rm(copy);
      }
      const started = performance.now();
      const copied = await rawCopy(database, file, NPPES_HEADER.length, scratch.url);
      const raw = copied / ((performance.now() - started) / 1000);
      console.log(
        `  ${"raw COPY (baseline)".padEnd(22)} ${thousands(copied).padStart(10)} rows in ${duration(performance.now() - started).padStart(6)} → ${thousands(raw).padStart(7)} rows/s`,
      );
      results.push({ engine, rows, pipeline: first.rate, raw });
    } finally {
      await scratch.dispose();
    }
  }
}

console.log("\n| engine | rows | pipeline rows/s | raw COPY rows/s | pipeline ÷ raw COPY |\n|---|---|---|---|---|");
for (const r of results)
  console.log(
    `| ${r.engine} | ${thousands(r.rows)} | ${thousands(r.pipeline)} | ${thousands(r.raw)} | ${((100 * r.pipeline) / r.raw).toFixed(0)} % |`,
  );
// maxRSS is reported in kilobytes.
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
