// pnpm bench:ingest [-- --rows 100000,1000000] [--chunk-rows 10000] [--in-thread] [--reload] [--keep]
// Ingestion speed for synthetic NPPES-format files (official 330-column layout, every field quoted) into a fresh
// database: embedded PGlite in a temporary folder, or — when DATABASE_URL is set — a scratch database created on
// that server and dropped afterwards. Files are cached in .data/bench (the generator is deterministic).
import { existsSync } from "node:fs";
import { appendFile, copyFile, mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { env } from "@pharmacrm/config/env";
import { dataDir } from "@pharmacrm/config/paths";
import { openDatabase, type Database } from "@pharmacrm/db";
import postgres from "postgres";
import { z } from "zod";
import { writeSyntheticNppesFile } from "../bench/synthetic-nppes";
import { runIngestion } from "../run/run-ingestion";
import { type IngestionRun } from "../run/queries";
import { duration } from "./progress-bar";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    rows: { type: "string" },
    "chunk-rows": { type: "string" },
    "in-thread": { type: "boolean" },
    reload: { type: "boolean" },
    keep: { type: "boolean" },
  },
});
const sizes = z.array(z.coerce.number().int().positive()).parse((values.rows ?? "100000,1000000").split(","));
const chunkRows = values["chunk-rows"] === undefined ? undefined : z.coerce.number().int().positive().parse(values["chunk-rows"]);
const parallel = !values["in-thread"];
const thousands = (n: number) => Math.round(n).toLocaleString("en-US");

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

/** A fresh, migrated database for one measurement, and how to dispose of it. */
async function scratchDatabase(): Promise<{ database: Database; dispose: () => Promise<void>; where: string }> {
  const url = env().DATABASE_URL;
  if (url) {
    const name = `pharmacrm_bench_${process.pid}_${Date.now()}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await openDatabase({ url: target.toString() });
    return {
      database,
      where: `Postgres (scratch database ${name})`,
      dispose: async () => {
        await database.close();
        await admin.unsafe(`drop database if exists ${name}`);
        await admin.end();
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

async function timed(label: string, work: () => Promise<IngestionRun>): Promise<IngestionRun> {
  const started = performance.now();
  const run = await work();
  const ms = performance.now() - started;
  const t = run.details.timings;
  console.log(
    `  ${label.padEnd(22)} ${thousands(run.rowsRead).padStart(10)} rows in ${duration(ms).padStart(6)} → ${thousands(run.rowsRead / (ms / 1000)).padStart(7)} rows/s` +
      (t ? `   (checksum ${duration(t.checksumMs)}, read+validate ${duration(t.readMs)}, write ${duration(t.writeMs)}, finalize ${duration(t.finalizeMs ?? 0)})` : ""),
  );
  return run;
}

for (const rows of sizes) {
  const file = await benchFile(rows);
  const { database, dispose, where } = await scratchDatabase();
  console.log(`\nNPPES ${thousands(rows)} rows (${((await stat(file)).size / 1e6).toFixed(0)} MB) into ${where}, ${parallel ? "reading in a worker thread" : "in one thread"}`);
  try {
    const run = await timed("first load", () => runIngestion(database.db, { dataset: "nppes", file, rows: chunkRows, parallel }));
    const mode = run.details.bulk ? "bulk load (secondary indexes built at the end)" : "row by row";
    console.log(`  ${JSON.stringify(run.details.kinds)}, ${run.details.chunks} chunks, quarantined ${run.rowsQuarantined}, ${mode}`);
    await timed("re-run (same file)", () => runIngestion(database.db, { dataset: "nppes", file }));
    if (values.reload) {
      // Same rows under a new checksum (a trailing blank line): every row is compared and found unchanged.
      const copy = join(tmpdir(), `bench-reload-${rows}.csv`);
      await copyFile(file, copy);
      await appendFile(copy, "\n");
      await timed("reload (all unchanged)", () => runIngestion(database.db, { dataset: "nppes", file: copy, rows: chunkRows, parallel }));
      await rm(copy);
    }
  } finally {
    await dispose();
  }
}
// maxRSS is reported in kilobytes.
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
