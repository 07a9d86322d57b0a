// pnpm bench:search [-- --sizes 100000,1000000] [--runs 5] [--engines pglite,postgres]
// Search latency on each engine: p50/p95/max per query kind and overall, through the real searchPhysicians, and the
// same filters as a plain ILIKE scan (what a simple directory does) for comparison. Each population is built once and
// reused: PGlite in .data/bench/search-<size>, Postgres in a database pharmacrm_bench_search_<size> on the server at
// DATABASE_URL or TEST_DATABASE_URL (measured only when one is set).
import { parseArgs } from "node:util";
import { z } from "zod";

import { org, territory, type Db } from "@pharmacrm/db";

import type { Scope } from "../../scope";
import { searchPhysicians } from "../search-physicians";
import { ilikeScan } from "./ilike-scan";
import { benchServerUrl, openPopulation, type Engine } from "./population";
import { BENCH_QUERIES } from "./queries";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { sizes: { type: "string" }, runs: { type: "string" }, engines: { type: "string" } },
});
const sizes = z.array(z.coerce.number().int().positive()).parse((values.sizes ?? "100000,1000000").split(","));
const runs = z.coerce
  .number()
  .int()
  .min(1)
  .parse(values.runs ?? "5");
const serverUrl = benchServerUrl();
const engines: Engine[] = z
  .array(z.enum(["pglite", "postgres"], { message: "--engines lists pglite and/or postgres" }))
  .parse((values.engines ?? (serverUrl ? "pglite,postgres" : "pglite")).split(","));
if (engines.includes("postgres") && !serverUrl) throw new Error("Postgres needs DATABASE_URL or TEST_DATABASE_URL.");
if (!engines.includes("postgres"))
  console.log("Postgres not measured: set TEST_DATABASE_URL (or DATABASE_URL) to a server to compare both engines.");

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;

function summary(label: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return `${label.padEnd(28)} p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  max ${ms(sorted.at(-1)!)}  (${sorted.length} runs)`;
}

async function scopes(db: Db): Promise<{ admin: Scope; rep: Scope }> {
  const [tenant] = await db.select({ id: org.id }).from(org).limit(1);
  const [boston] = await db.select({ id: territory.id }).from(territory).limit(1);
  const userId = "00000000-0000-0000-0000-000000000000";
  return {
    admin: { orgId: tenant!.id, userId, role: "admin", territoryIds: null },
    rep: { orgId: tenant!.id, userId, role: "rep", territoryIds: [boston!.id] },
  };
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const overall: { engine: Engine; size: number; kind: string; times: number[] }[] = [];
for (const size of sizes)
  for (const engine of engines) {
    const database = await openPopulation(engine, size);
    const db = database.db;
    const { admin, rep } = await scopes(db);
    // Warm caches (vocabulary, buffers) once, as a running server would be.
    for (const q of BENCH_QUERIES) await searchPhysicians(db, q.rep ? rep : admin, q.input);
    const byKind = new Map<string, number[]>();
    const ilikeByKind = new Map<string, number[]>();
    const all: number[] = [];
    const ilikeAll: number[] = [];
    console.log(`\n${engine}, ${size.toLocaleString("en-US")} HCPs — ${BENCH_QUERIES.length} queries × ${runs} runs`);
    for (const q of BENCH_QUERIES) {
      const scope = q.rep ? rep : admin;
      let found = 0;
      let ilikeFound = 0;
      const own: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = await time(async () => (found = (await searchPhysicians(db, scope, q.input)).total ?? 0));
        own.push(t);
        const u = await time(async () => (ilikeFound = await ilikeScan(db, scope, q.input)));
        for (const [map, kind, value] of [
          [byKind, q.kind, t],
          [ilikeByKind, q.kind, u],
        ] as const)
          map.set(kind, [...(map.get(kind) ?? []), value]);
        all.push(t);
        ilikeAll.push(u);
      }
      const median = percentile(
        [...own].sort((a, b) => a - b),
        50,
      );
      console.log(
        `  ${q.label.padEnd(48)} ${String(found).padStart(6)} found (ILIKE ${String(ilikeFound).padStart(6)})  p50 ${ms(median)}`,
      );
    }
    console.log("\nsearchPhysicians");
    for (const [kind, times] of byKind) console.log(`  ${summary(kind, times)}`);
    console.log(`  ${summary("ALL", all)}`);
    console.log("plain ILIKE scan, same filters");
    for (const [kind, times] of ilikeByKind) console.log(`  ${summary(kind, times)}`);
    console.log(`  ${summary("ALL", ilikeAll)}`);
    for (const [kind, times] of [...byKind, ["ALL", all] as const]) overall.push({ engine, size, kind, times });
    await database.close();
  }

console.log("\n| engine | HCPs | kind | p50 | p95 | max |\n|---|---|---|---|---|---|");
for (const { engine, size, kind, times } of overall) {
  const sorted = [...times].sort((a, b) => a - b);
  const cell = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `| ${engine} | ${size.toLocaleString("en-US")} | ${kind} | ${cell(percentile(sorted, 50))} | ${cell(percentile(sorted, 95))} | ${cell(sorted.at(-1)!)} |`,
  );
}
