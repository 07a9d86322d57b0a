// pnpm --filter @pharmacrm/demo bench:seed [-- --scale 100000 --keep]
// Seeds a fresh embedded database in a temporary folder and reports load speed per file, total time and
// peak memory. The folder is removed afterwards unless --keep is given.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { openDatabase } from "@pharmacrm/db";

import { DEFAULT_REFERENCE_DATE, seedDemo } from "../seed";
import { parseCliFlags } from "./args";
import { formatSummary } from "./print";

const flags = parseCliFlags();
const scale = flags.scale ?? 100_000;
const folder = await mkdtemp(join(tmpdir(), "pharmacrm-bench-seed-"));
console.log(`Benchmark: scale ${scale} into ${folder}`);

const started = performance.now();
const database = await openDatabase({ dataDir: join(folder, "pglite") });
const openMs = performance.now() - started;
try {
  const summary = await seedDemo(database.db, {
    scale,
    seed: flags.seed,
    workDir: join(folder, "files"),
    today: DEFAULT_REFERENCE_DATE,
    log: (line) => console.log(line),
  });
  console.log(formatSummary(summary));
  console.log("\nfile                                  rows       ms     rows/s");
  for (const f of summary.files) {
    console.log(
      `${f.file.padEnd(36)} ${String(f.rowsLoaded).padStart(8)} ${String(f.ms).padStart(8)} ${String(f.rowsPerSecond).padStart(10)}`,
    );
  }
  console.log(
    `\nopen + migrate ${Math.round(openMs)} ms; total ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // maxRSS is reported in kilobytes.
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  await database.close();
  if (!flags.keep) await rm(folder, { recursive: true, force: true });
}
