// pnpm bench:copilot [-- --size 100000] [--runs 3] [--hcps 20]
// The offline engine end to end on call prep, as a rep asks it: "prep me for my call with Dr <First> <Last>" →
// searchPhysicians resolves the name → prepareCallBrief → the written answer, through runCopilotTurn with its
// audit record and saved conversation. Reuses the search bench's synthetic population (.data/bench/search-<size>,
// built on first use) and adds one bench rep for the Boston territory.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";

import { dataDir } from "@pharmacrm/config/paths";
import { appUser, openDatabase, org, rowsOf, territory, territoryAssignment, type Db } from "@pharmacrm/db";
import { findActiveUserByEmail, type Viewer } from "@pharmacrm/domain";
import { buildSyntheticPopulation } from "@pharmacrm/domain/bench/synthetic-hcps";

import { createOfflineEngine } from "../../offline/engine";
import { readIntent } from "../../offline/intent";
import { ask, readTurn, textOf } from "../headless";
import { intentVocabulary } from "../intent-vocabulary";
import { runCopilotTurn } from "../run-copilot-turn";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { size: { type: "string" }, runs: { type: "string" }, hcps: { type: "string" } },
});
const size = z.coerce
  .number()
  .int()
  .positive()
  .parse(values.size ?? "100000");
const runs = z.coerce
  .number()
  .int()
  .min(1)
  .parse(values.runs ?? "3");
const hcpCount = z.coerce
  .number()
  .int()
  .min(1)
  .parse(values.hcps ?? "20");
const EMAIL = "bench.rep@bench.example";

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function benchRep(db: Db): Promise<Viewer> {
  const existing = await findActiveUserByEmail(db, EMAIL);
  if (existing) return existing;
  const [tenant] = await db.select({ id: org.id }).from(org).where(eq(org.slug, "bench-org"));
  const [boston] = await db
    .select({ id: territory.id })
    .from(territory)
    .where(and(eq(territory.orgId, tenant!.id), eq(territory.code, "BOS")));
  const [user] = await db
    .insert(appUser)
    .values({ orgId: tenant!.id, email: EMAIL, name: "Bench Rep", role: "rep" })
    .returning();
  await db.insert(territoryAssignment).values({ orgId: tenant!.id, userId: user!.id, territoryId: boston!.id });
  return (await findActiveUserByEmail(db, EMAIL))!;
}

/** Physicians whose full name no one else in the rep's territory carries, so the name resolves to one NPI. */
async function benchPhysicians(db: Db, viewer: Viewer): Promise<{ npi: string; name: string }[]> {
  return rowsOf<{ npi: string; name: string }>(
    await db.execute(sql`
      with mine as (
        select h.npi, initcap(h.first_name) || ' ' || initcap(h.last_name) as name, h.first_name, h.last_name
        from hcp h
        join territory_zip tz on tz.zip5 = h.practice_zip5
        join territory_assignment ta on ta.territory_id = tz.territory_id and ta.user_id = ${viewer.userId}
        where h.entity_type = 1 and h.first_name is not null
      )
      select min(m.npi) as npi, min(m.name) as name from mine m
      group by m.first_name, m.last_name having count(*) = 1
      order by 1 limit ${hcpCount}`),
  );
}

const dir = join(dataDir(), "bench", `search-${size}`);
const fresh = !existsSync(dir);
const database = await openDatabase({ dataDir: dir });
const { db } = database;
if (fresh) {
  console.log(`Building ${size.toLocaleString("en-US")} synthetic HCPs in ${dir} …`);
  await buildSyntheticPopulation(db, size, (line) => console.log(line));
}
const viewer = await benchRep(db);
const physicians = await benchPhysicians(db, viewer);
if (physicians.length === 0) throw new Error("No physician with a unique name in the bench territory.");
const model = createOfflineEngine();

async function callPrep(name: string): Promise<{ ms: number; tools: string; resolved: boolean }> {
  const started = performance.now();
  const out = await readTurn(
    runCopilotTurn({ db, viewer, model, request: ask(`prep me for my call with Dr ${name}`) }),
  );
  const ms = performance.now() - started;
  return {
    ms,
    tools: out.toolCalls.map((c) => c.name).join(" → "),
    resolved: textOf(out.responseMessage).startsWith("**Call brief:"),
  };
}

await callPrep(physicians[0]!.name); // warm-up: plans, caches and the search vocabulary, as in a running server
const times: number[] = [];
let resolved = 0;
for (let run = 0; run < runs; run++) {
  for (const p of physicians) {
    const result = await callPrep(p.name);
    times.push(result.ms);
    if (result.resolved) resolved++;
    else if (run === 0) console.log(`  not a brief for ${p.name} (${result.tools})`);
  }
}
times.sort((a, b) => a - b);
const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from hcp`)) as [{ n: number }];
console.log(
  `\nOffline copilot call prep, end to end (search → brief → answer, with audit + saved conversation) · ${database.driver} · ${Number(n).toLocaleString("en-US")} HCPs`,
);
console.log(
  `  ${times.length} turns (${physicians.length} physicians × ${runs} runs), ${resolved} answered with a brief`,
);
console.log(
  `  p50 ${percentile(times, 50).toFixed(1)} ms · p95 ${percentile(times, 95).toFixed(1)} ms · max ${times.at(-1)!.toFixed(1)} ms  (target p95 ≤ 100 ms)`,
);

// The intent layer alone: every message of the labelled set read with this database's vocabulary (loaded once per
// turn in the app; timed here separately), several times over.
const labelled = ["rep-messages", "manager-admin-messages", "holdout-messages", "holdout-2-messages"].flatMap(
  (file) =>
    JSON.parse(readFileSync(new URL(`../../offline/labelled/${file}.json`, import.meta.url), "utf8")) as {
      role: "rep" | "manager" | "admin";
      message: string;
    }[],
);
const vocabularyStarted = performance.now();
const vocabulary = await intentVocabulary(db, viewer);
const vocabularyMs = performance.now() - vocabularyStarted;
const reads: number[] = [];
for (let run = 0; run < runs + 1; run++) {
  for (const item of labelled) {
    const started = performance.now();
    readIntent(item.message, new Date(), null, { role: item.role, vocabulary });
    if (run > 0) reads.push(performance.now() - started); // the first pass warms the regular expressions up
  }
}
reads.sort((a, b) => a - b);
console.log(`\nIntent layer alone: ${reads.length} reads of ${labelled.length} labelled messages`);
console.log(
  `  p50 ${percentile(reads, 50).toFixed(2)} ms · p95 ${percentile(reads, 95).toFixed(2)} ms · max ${reads.at(-1)!.toFixed(2)} ms · vocabulary per turn ${vocabularyMs.toFixed(1)} ms (reference words cached)`,
);
await database.close();
