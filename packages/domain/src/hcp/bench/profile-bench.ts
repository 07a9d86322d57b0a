// Times the HCP 360 profile (every section, as hcp.byNpi serves it) on a seeded database: for a viewer
// (default the Northwind Boston demo rep), the first N HCPs in their territories that have Part D rows.
// Usage (from packages/db, like bench:search): tsx ../domain/src/hcp/bench/profile-bench.ts [pglite-dir] [email] [n]
import { performance } from "node:perf_hooks";

import { openDatabase } from "@pharmacrm/db";

import { scopeFor } from "../../scope";
import { findActiveUserByEmail } from "../../viewer";
import { hcpProfile } from "../profile";
import { benchHcpsOf } from "./viewer-hcps";

const [dir, email = "rep.boston@northwind.demo", count = "30"] = process.argv.slice(2);
const database = await openDatabase(dir ? { dataDir: dir, migrate: false } : { migrate: false });
const { db } = database;
const viewer = await findActiveUserByEmail(db, email);
if (!viewer) throw new Error(`No active user ${email}: seed the demo data first.`);
const scope = await scopeFor(db, viewer);

const npis = (await benchHcpsOf(db, viewer.userId, Number(count))).map((npi) => ({ npi }));

await hcpProfile(db, scope, npis[0]!.npi); // warm-up: first query plans and caches
const times: number[] = [];
for (const { npi } of npis) {
  const start = performance.now();
  await hcpProfile(db, scope, npi);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
console.log(`hcpProfile (360, all sections) · ${database.driver} · ${times.length} HCPs of ${email}`);
console.log(`  median ${at(0.5)} ms · p95 ${at(0.95)} ms · max ${times.at(-1)!.toFixed(1)} ms`);
await database.close();
