// pnpm ingest <dataset> <file> [--header f] [--year yyyy] [--release label] [--demo]
// Runs the same pipeline as the app and the demo seed, into the configured database (DATABASE_URL or the embedded
// PGlite), with a progress bar. Ctrl-C stops after the current chunk; running the command again resumes.
import { stat } from "node:fs/promises";
import { ZodError } from "zod";

import { openDatabase } from "@pharmacrm/db";

import { IngestionAbortedError, IngestionError } from "../errors";
import { listQuarantine, listRuns, quarantineSummary, type IngestionRun } from "../run/queries";
import { runIngestion } from "../run/run-ingestion";
import { parseCommand, USAGE, type Command } from "./args";
import { duration, ProgressBar } from "./progress-bar";

const thousands = (n: number) => n.toLocaleString("en-US");
const PARALLEL_FROM_BYTES = 32 * 1024 * 1024;

function summary(run: IngestionRun): string {
  const d = run.details;
  const ms = run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : 0;
  return [
    `${run.sourceFile} (${run.dataset}, layout ${run.layout ?? "?"}${run.release ? `, release ${run.release}` : ""}) — ${run.status}, run ${run.id}`,
    `  read ${thousands(run.rowsRead)} · loaded ${thousands(run.rowsLoaded)} · updated ${thousands(run.rowsUpdated)} · unchanged ${thousands(run.rowsUnchanged)} · quarantined ${thousands(run.rowsQuarantined)}`,
    d.kinds
      ? `  ${Object.entries(d.kinds)
          .map(([kind, n]) => `${kind} ${thousands(n)}`)
          .join(" · ")}`
      : "",
    d.tallies
      ? `  ${Object.entries(d.tallies)
          .map(([what, n]) => `${what} ${thousands(n)}`)
          .join(" · ")}`
      : "",
    d.unknownColumns?.length ? `  ignored unknown columns: ${d.unknownColumns.join(", ")}` : "",
    ms > 0 ? `  ${duration(ms)} in all (${thousands(Math.round(run.rowsRead / (ms / 1000)))} rows/s)` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

async function main(command: Command): Promise<number> {
  if (command.command === "help") {
    console.log(USAGE);
    return 0;
  }
  const database = await openDatabase();
  const { db } = database;
  try {
    if (command.command === "runs") {
      for (const run of await listRuns(db, { dataset: command.dataset, limit: 30 })) {
        console.log(
          `${run.id}  ${run.startedAt.toISOString()}  ${run.dataset.padEnd(24)} ${run.status.padEnd(9)} ${String(run.percent).padStart(5)}%  ${thousands(run.rowsRead).padStart(11)} rows  ${run.sourceFile}`,
        );
      }
      return 0;
    }
    if (command.command === "quarantine") {
      for (const row of await listQuarantine(db, command.runId, { limit: command.limit })) {
        console.log(`line ${row.line}: ${row.reason}\n    ${row.rawRow.slice(0, 160)}`);
      }
      return 0;
    }
    const controller = new AbortController();
    process.once("SIGINT", () => {
      process.stderr.write("\nStopping after the current chunk…\n");
      controller.abort();
    });
    const bar = new ProgressBar();
    // A worker thread reading ahead pays off once the file takes more than a few seconds.
    const parallel = (await stat(command.input.file)).size > PARALLEL_FROM_BYTES;
    const run = await runIngestion(db, {
      ...command.input,
      rows: command.chunkRows,
      parallel,
      signal: controller.signal,
      onProgress: (r) => bar.update(r),
    });
    bar.finish();
    console.log(summary(run));
    if (run.rowsQuarantined > 0) {
      console.log("  commonest quarantine reasons:");
      for (const { reason, rows } of await quarantineSummary(db, run.id, 5))
        console.log(`    ${thousands(rows).padStart(7)} × ${reason}`);
      console.log(`  all of them: pnpm ingest quarantine ${run.id}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

try {
  process.exitCode = await main(parseCommand(process.argv.slice(2)));
} catch (error) {
  if (error instanceof IngestionAbortedError || error instanceof IngestionError) console.error(`\n${error.message}`);
  else if (error instanceof ZodError)
    console.error(
      `${error.issues.map((i) => `${i.path.join(".") || "argument"}: ${i.message}`).join("\n")}\n\n${USAGE}`,
    );
  else console.error(error);
  process.exitCode = 1;
}
