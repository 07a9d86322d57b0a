// Times the call brief (domain/brief, as the copilot's prepareCallBrief tool serves it) next to the HCP 360 profile
// it builds on, for a viewer's HCPs on a seeded database. Default: the copilot bench's 100k-HCP population and rep.
// Usage (from packages/db): tsx ../domain/src/brief/bench/brief-bench.ts [pglite-dir] [email] [n]
import { join } from "node:path";
import { performance } from "node:perf_hooks";

import { dataDir } from "@pharmacrm/config/paths";
import { openDatabase } from "@pharmacrm/db";

import { benchHcpsOf } from "../../hcp/bench/viewer-hcps";
import { hcpProfile } from "../../hcp/profile";
import { scopeFor } from "../../scope";
import { findActiveUserByEmail } from "../../viewer";
import { prepareCallBrief } from "../prepare-call-brief";

const [dir = join(dataDir(), "bench", "search-100000"), email = "bench.rep@bench.example", count = "30"] =
  process.argv.slice(2);
const database = await openDatabase({ dataDir: dir, migrate: false });
const { db } = database;
const viewer = await findActiveUserByEmail(db, email);
if (!viewer) throw new Error(`No active user ${email}: run pnpm bench:copilot once, or seed the demo data.`);
const scope = await scopeFor(db, viewer);

const npis = await benchHcpsOf(db, viewer.userId, Number(count));
if (npis.length === 0) throw new Error(`${email} has no HCPs with Part D rows in their territories.`);

async function time(label: string, run: (npi: string) => Promise<unknown>) {
  await run(npis[0]!); // warm-up: first query plans and caches
  const times: number[] = [];
  for (const npi of npis) {
    const start = performance.now();
    await run(npi);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!.toFixed(1);
  console.log(`  ${label}: median ${at(0.5)} ms · p95 ${at(0.95)} ms · max ${times.at(-1)!.toFixed(1)} ms`);
}

console.log(`${database.driver} · ${npis.length} HCPs of ${email} · ${dir}`);
await time("hcpProfile (360, all sections)", (npi) => hcpProfile(db, scope, npi));
await time("prepareCallBrief", (npi) => prepareCallBrief(db, scope, npi));
await database.close();
