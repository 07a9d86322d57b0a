// The orchestration of one import, shared by every import function and by the in-process runner: fetch the file
// (a URL is downloaded once), start the run (or pick up the one requestImport started), then one step per chunk
// until the ingest pipeline says done. Each step is idempotent: a retried or resumed step continues from the
// run's committed checkpoint, and a finished run's next step is a no-op.
import { NonRetriableError } from "inngest";
import { type Db } from "@pharmacrm/db";
import { getRun, ingestChunk, IngestionError, startRun, type IngestionRun } from "@pharmacrm/ingest";
import { ImportFileError } from "./errors";
import { type ImportRequest } from "./events";
import { localImportFile } from "./import-files";

/** What a step returns: plain JSON, so it reads the same after Inngest's serialisation as in-process. */
export interface RunSummary {
  runId: string;
  dataset: string;
  status: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsUpdated: number;
  rowsQuarantined: number;
  percent: number;
  error: string | null;
}

/** The part of Inngest's `step` an import uses; the in-process runner provides the same. */
export interface ImportStep {
  run<T extends RunSummary | string | null>(id: string, fn: () => Promise<T>): Promise<T>;
}

export interface ImportContext {
  event: { data: ImportRequest };
  step: ImportStep;
  /** The database the steps write to (resolved inside each step, so nothing holds it across steps). */
  database: () => Promise<Db>;
  /** Rows per chunk step; the ingest default when unset. */
  chunkRows?: number;
}

export const summarise = (run: IngestionRun): RunSummary => ({
  runId: run.id,
  dataset: run.dataset,
  status: run.status,
  rowsRead: run.rowsRead,
  rowsLoaded: run.rowsLoaded,
  rowsUpdated: run.rowsUpdated,
  rowsQuarantined: run.rowsQuarantined,
  percent: run.percent,
  error: run.error,
});

/** Expected failures (bad file, bad layout) are not retried: retrying cannot fix them. */
async function once<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof IngestionError || error instanceof ImportFileError) throw new NonRetriableError(error.message, { cause: error });
    throw error;
  }
}

export async function importDataset({ event, step, database, chunkRows }: ImportContext): Promise<RunSummary> {
  const request = event.data;
  const file = await step.run("fetch-file", () => once(() => localImportFile(request.file)));
  const headerFile = request.headerFile ? await step.run("fetch-header-file", () => once(() => localImportFile(request.headerFile!))) : null;

  let run = await step.run("start", () =>
    once(async () => {
      const db = await database();
      const started = request.runId ? await getRun(db, request.runId) : undefined;
      if (started && started.dataset === request.dataset && started.filePath === file) return summarise(started);
      const input = { dataset: request.dataset, file, headerFile: headerFile ?? undefined, year: request.year, release: request.release };
      return summarise(await startRun(db, input));
    }),
  );
  if (run.status === "failed" && run.rowsRead === 0 && run.error) throw new NonRetriableError(run.error);

  for (let chunk = 1; run.status !== "succeeded"; chunk++) {
    const runId = run.runId;
    run = await step.run(`chunk-${chunk}`, () => once(async () => summarise((await ingestChunk(await database(), runId, { rows: chunkRows })).run)));
  }
  return run;
}
