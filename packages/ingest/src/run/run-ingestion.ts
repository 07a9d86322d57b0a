// Running a pipeline: all at once (runIngestion, for the CLI and the demo seed) or one chunk per call
// (ingestChunk, for a job runner's steps). Both are idempotent and resume from the run's checkpoint.
import { stat } from "node:fs/promises";
import { eq } from "drizzle-orm";

import { dataSourceRun, type Db } from "@pharmacrm/db";

import { ConcurrentRunError, IngestionAbortedError, IngestionError } from "../errors";
import { restoreDeferredIndexes } from "../load/deferred-indexes";
import { stagerFor } from "../load/stage";
import { finalizeRun, processChunk, type ChunkState } from "./chunk";
import { inThreadSource, workerSource } from "./chunk-source";
import { type RunRow } from "./details";
import { toIngestionRun, type IngestionRun } from "./queries";
import { openSession, readHeaderInfo } from "./session";
import { openRun, type StartRunInput } from "./start-run";

/** Rows per chunk (one transaction and checkpoint each). */
export const DEFAULT_CHUNK_ROWS = 10_000;

export interface ChunkOptions {
  /** Rows to read in this call (ingestChunk) or per chunk (runIngestion). */
  rows?: number;
  signal?: AbortSignal;
}

export interface RunOptions extends ChunkOptions {
  /** After every committed chunk (and at the end), with the run as stored. */
  onProgress?: (run: IngestionRun) => void | Promise<void>;
  /**
   * Read and validate in a worker thread while this one writes (~1.5× faster on two cores). Needs the package's
   * TypeScript sources runnable by a worker (tsx); leave it off inside bundlers such as Next.js.
   */
  parallel?: boolean;
}

async function loadRun(db: Db, runId: string): Promise<RunRow> {
  const [run] = await db.select().from(dataSourceRun).where(eq(dataSourceRun.id, runId));
  if (!run) throw new IngestionError(`no ingestion run ${runId}`);
  return run;
}

async function openChunkState(db: Db, run: RunRow, rows: number, parallel = false): Promise<ChunkState> {
  if (!run.filePath) throw new IngestionError(`run ${run.id} has no file path to resume from`);
  const size = await stat(run.filePath).then(
    (info) => info.size,
    () => -1,
  );
  if (size !== run.fileSize) {
    throw new IngestionError(
      `${run.sourceFile} is missing or changed since run ${run.id} started (expected ${run.fileSize} bytes)`,
    );
  }
  const header = await readHeaderInfo(run.filePath, run.headerFilePath);
  const session = openSession(run.dataset, header.fields, run.filePath, run.dataYear);
  const stager = await stagerFor(db);
  const spec = { file: run.filePath, start: run.bytesRead, line: run.lastLine + 1, rows, format: stager.format };
  try {
    const source = parallel
      ? workerSource({ ...spec, dataset: run.dataset, header: header.fields, dataYear: run.dataYear })
      : inThreadSource(session, spec);
    return { run, session, source, stager };
  } catch (error) {
    await stager.dispose();
    throw error;
  }
}

/** What went wrong, for a person: the database's own message rather than drizzle's "Failed query: <SQL + data>". */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (error.message.startsWith("Failed query:") && cause instanceof Error) return `database error: ${cause.message}`;
  return error.message;
}

async function markFailed(db: Db, runId: string, error: unknown): Promise<void> {
  if (error instanceof ConcurrentRunError) return;
  await db
    .update(dataSourceRun)
    .set({ status: "failed", error: describeError(error), updatedAt: new Date() })
    .where(eq(dataSourceRun.id, runId));
  // A failed bulk load gives its indexes back now; if even that fails, the next run to start does it.
  await db.transaction((tx) => restoreDeferredIndexes(tx, runId)).catch(() => {});
}

/** Turns an abort into IngestionAbortedError naming the last committed line. */
async function failure(db: Db, runId: string, error: unknown, signal?: AbortSignal): Promise<unknown> {
  if (signal?.aborted && !(error instanceof ConcurrentRunError)) {
    const run = await loadRun(db, runId);
    const aborted = new IngestionAbortedError(runId, run.lastLine);
    await markFailed(db, runId, aborted);
    return aborted;
  }
  await markFailed(db, runId, error);
  return error;
}

/**
 * Reads and commits the next chunk of a run (up to `rows` rows); after the last one, finalises the run. Safe to
 * call again after a crash or in a retried step: it always continues from the committed checkpoint.
 */
export async function ingestChunk(
  db: Db,
  runId: string,
  options: ChunkOptions = {},
): Promise<{ run: IngestionRun; done: boolean }> {
  let run = await loadRun(db, runId);
  if (run.status === "succeeded") return { run: toIngestionRun(run), done: true };
  // A file that went missing or changed since the run started fails the run, like any other chunk error.
  const state = await openChunkState(db, run, options.rows ?? DEFAULT_CHUNK_ROWS).catch(async (error: unknown) => {
    throw await failure(db, runId, error, options.signal);
  });
  try {
    const step = await processChunk(state, { signal: options.signal });
    run = step.run;
    if (step.done || (await state.source.atEnd())) run = await finalizeRun(db, run, state.session);
    return { run: toIngestionRun(run), done: run.status === "succeeded" };
  } catch (error) {
    throw await failure(db, runId, error, options.signal);
  } finally {
    await state.source.close();
    await state.stager.dispose();
  }
}

/** Loads a file start to finish (or from where an earlier run of the same file stopped). */
export async function runIngestion(db: Db, input: StartRunInput & RunOptions): Promise<IngestionRun> {
  const { rows, signal, onProgress, parallel, ...start } = input;
  let run = await openRun(db, start);
  if (run.status === "succeeded") {
    await onProgress?.(toIngestionRun(run));
    return toIngestionRun(run);
  }
  const runId = run.id;
  const state = await openChunkState(db, run, rows ?? DEFAULT_CHUNK_ROWS, parallel).catch(async (error: unknown) => {
    throw await failure(db, runId, error, signal);
  });
  try {
    await onProgress?.(toIngestionRun(run));
    for (;;) {
      const step = await processChunk({ ...state, run }, { signal });
      run = step.run;
      if (step.done) break;
      await onProgress?.(toIngestionRun(run));
    }
    run = await finalizeRun(db, run, state.session);
    await onProgress?.(toIngestionRun(run));
    return toIngestionRun(run);
  } catch (error) {
    throw await failure(db, run.id, error, signal);
  } finally {
    await state.source.close();
    await state.stager.dispose();
  }
}

/** Continues an unfinished run by id, to the end. */
export async function resumeRun(db: Db, runId: string, options: RunOptions = {}): Promise<IngestionRun> {
  const run = await loadRun(db, runId);
  if (!run.filePath) throw new IngestionError(`run ${runId} has no file path to resume from`);
  return runIngestion(db, {
    dataset: run.dataset,
    file: run.filePath,
    headerFile: run.headerFilePath ?? undefined,
    year: run.dataYear ?? undefined,
    ...options,
  });
}
