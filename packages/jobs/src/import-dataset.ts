// The orchestration of one import, shared by every import function and by the in-process runner: find the file
// (the run requestImport started names it; a raw event's file must be in the import folder or at a public URL,
// downloaded once), start the run (or pick up the one requestImport started), then one step per chunk
// until the ingest pipeline says done. Each step is idempotent: a retried or resumed step continues from the
// run's committed checkpoint, and a finished run's next step is a no-op. After a successful run: the search
// vocabulary is refreshed (in this step, so it runs in the app process in both modes) and, when HCP profile texts
// may have changed, the embedding job is asked to catch up.
import { NonRetriableError } from "inngest";

import { type Db } from "@pharmacrm/db";
import { forgetSearchVocabulary } from "@pharmacrm/domain";
import { getRun, ingestChunk, IngestionError, startRun, type Dataset, type IngestionRun } from "@pharmacrm/ingest";

import { ImportFileError } from "./errors";
import { hcpProfilesEmbedRequested, type ImportRequest } from "./events";
import { resolveImportSource, type ImportSourceOptions } from "./import-files";

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

/** The part of Inngest's `step` the jobs use; the in-process runner provides the same. */
export interface ImportStep {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sendEvent(
    id: string,
    events: { name: string; data: Record<string, unknown> } | { name: string; data: Record<string, unknown> }[],
  ): Promise<unknown>;
}

/** Datasets the search's vocabulary is read from (HCPs, taxonomy names, Part D drugs, manufacturers, ZIP places). */
const VOCABULARY_DATASETS: ReadonlySet<Dataset> = new Set([
  "nppes",
  "nucc_taxonomy",
  "part_d",
  "open_payments",
  "zip_centroids",
]);
/** Datasets an HCP's profile text is made from (see @pharmacrm/ai embeddings/profile-text.ts). */
const PROFILE_DATASETS: ReadonlySet<Dataset> = new Set(["nppes", "part_d", "open_payments"]);

export interface ImportContext {
  event: { data: ImportRequest };
  step: ImportStep;
  /** The database the steps write to (resolved inside each step, so nothing holds it across steps). */
  database: () => Promise<Db>;
  /** Rows per chunk step; the ingest default when unset. */
  chunkRows?: number;
  /** Where a raw event's file may come from (the import folder, public URLs); from the environment by default. */
  sources?: ImportSourceOptions;
}

interface FoundFiles {
  file: string;
  headerFile: string | null;
  location: string | null;
  /** The run requestImport started for them. */
  runId: string | null;
}

/**
 * The files to load. A run requestImport started names its own (checked when it was asked for, kept in the
 * database, so a resumed run finds them wherever they were read from); any other event's file is checked as an
 * app request is: inside the import folder, or a public URL.
 */
async function findFiles(
  request: ImportRequest,
  database: () => Promise<Db>,
  sources: ImportSourceOptions | undefined,
): Promise<FoundFiles> {
  const started = request.runId ? await getRun(await database(), request.runId) : undefined;
  if (started?.filePath && started.dataset === request.dataset) {
    return {
      file: started.filePath,
      headerFile: started.headerFilePath,
      location: started.sourceLocation,
      runId: started.id,
    };
  }
  const source = await resolveImportSource(request.file, sources);
  const header = request.headerFile ? await resolveImportSource(request.headerFile, sources) : null;
  return { file: source.path, headerFile: header?.path ?? null, location: source.location, runId: null };
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
    if (error instanceof IngestionError || error instanceof ImportFileError)
      throw new NonRetriableError(error.message, { cause: error });
    throw error;
  }
}

export async function importDataset({ event, step, database, chunkRows, sources }: ImportContext): Promise<RunSummary> {
  const request = event.data;
  const found = await step.run("fetch-file", () => once(() => findFiles(request, database, sources)));

  let run = await step.run("start", () =>
    once(async () => {
      const db = await database();
      const started = found.runId ? await getRun(db, found.runId) : undefined;
      if (started) return summarise(started);
      const input = {
        dataset: request.dataset,
        file: found.file,
        headerFile: found.headerFile ?? undefined,
        year: request.year,
        release: request.release,
        startedVia: "event" as const,
        sourceLocation: found.location ?? undefined,
      };
      return summarise(await startRun(db, input));
    }),
  );
  if (run.status === "failed" && run.rowsRead === 0 && run.error) throw new NonRetriableError(run.error);

  for (let chunk = 1; run.status !== "succeeded"; chunk++) {
    const runId = run.runId;
    run = await step.run(`chunk-${chunk}`, () =>
      once(async () => summarise((await ingestChunk(await database(), runId, { rows: chunkRows })).run)),
    );
  }

  if (VOCABULARY_DATASETS.has(request.dataset)) {
    await step.run("refresh-search-vocabulary", async () => {
      forgetSearchVocabulary(await database());
      return null;
    });
  }
  if (PROFILE_DATASETS.has(request.dataset)) {
    await step.sendEvent("request-profile-embeddings", {
      name: hcpProfilesEmbedRequested.name,
      data: { reason: `after ${request.dataset} run ${run.runId}` },
    });
  }
  return run;
}
