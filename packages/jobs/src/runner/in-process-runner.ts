// The embedded default: without an Inngest server, the same function handlers run in this process, in the
// background. One import per dataset at a time (as the functions' concurrency says), later requests queued
// behind it; an event already queued or running (same event id or same run) is not started twice. A failure is
// logged and, by the ingest pipeline, recorded on its run; it never escapes to crash the server.
import { type Db } from "@pharmacrm/db";
import { listRuns } from "@pharmacrm/ingest";
import { importEventFor, importRequestSchema } from "../events";
import { importSpecs } from "../functions";
import { importDataset } from "../import-dataset";
import { inProcessStep, type JobEvent } from "./in-process-step";

interface RunnerState {
  /** Per concurrency key (the dataset): the tail of its queue. */
  queues: Map<string, Promise<void>>;
  /** Event ids and run ids queued or running. */
  busy: Set<string>;
  resumed: WeakSet<object>;
}

// One state per process: Next may load this module more than once.
const global = globalThis as unknown as { pharmacrmJobs?: RunnerState };
const state = (global.pharmacrmJobs ??= { queues: new Map(), busy: new Set(), resumed: new WeakSet() });

const handledEvents = new Set(importSpecs.map((spec) => spec.trigger.event));

export interface InProcessOptions {
  chunkRows?: number;
  log?: (line: string) => void;
}

let options: InProcessOptions = {};

/** Tunes the runner (tests: smaller chunks, a quiet log). */
export function configureInProcessRunner(next: InProcessOptions): void {
  options = next;
}

const log = (line: string) => (options.log ?? console.log)(`[jobs] ${line}`);

/** True while this run (or event) is queued or running in this process. */
export const isImportBusy = (key: string): boolean => state.busy.has(key);

/** Starts an event's function in the background and returns its id at once; a duplicate is a no-op. */
export function runInProcess(db: Db, event: JobEvent): string {
  if (!handledEvents.has(event.name)) throw new Error(`No function handles the event ${event.name}`);
  const data = importRequestSchema.parse(event.data);
  const eventId = event.id ?? `${event.name}-${crypto.randomUUID()}`;
  const keys = [eventId, ...(data.runId ? [data.runId] : [])];
  if (keys.some((key) => state.busy.has(key))) return eventId;
  for (const key of keys) state.busy.add(key);

  const queue = data.dataset;
  const label = `${event.name} ${data.file}`;
  const execute = async () => {
    log(`start ${label}`);
    const step = inProcessStep((next) => runInProcess(db, next), options.log ? log : undefined);
    const result = await importDataset({ event: { data }, step, database: async () => db, chunkRows: options.chunkRows });
    log(`done ${label}: run ${result.runId} ${result.status}, ${result.rowsRead} rows read, ${result.rowsQuarantined} quarantined`);
  };
  const tail = (state.queues.get(queue) ?? Promise.resolve())
    .then(execute)
    .catch((error: unknown) => log(`failed ${label}: ${error instanceof Error ? error.message : String(error)}`))
    .finally(() => {
      for (const key of keys) state.busy.delete(key);
      if (state.queues.get(queue) === tail) state.queues.delete(queue);
    });
  state.queues.set(queue, tail);
  return eventId;
}

/** Resolves when every queued and running import of this process has finished (tests, shutdown). */
export async function drainInProcessRunner(): Promise<void> {
  while (state.queues.size > 0) await Promise.all([...state.queues.values()]);
}

/**
 * After a restart, runs left "running" by this process's predecessor are continued from their checkpoints (once
 * per database handle). Another process advancing the same run makes this one stop without writing.
 */
export async function resumeInterruptedImports(db: Db): Promise<string[]> {
  if (state.resumed.has(db)) return [];
  state.resumed.add(db);
  const runs = (await listRuns(db, { limit: 200 })).filter((run) => run.status === "running" && run.filePath && !state.busy.has(run.id));
  for (const run of runs) {
    log(`resuming run ${run.id} (${run.dataset}, ${run.sourceFile}) from line ${run.lastLine + 1}`);
    const data = { dataset: run.dataset, file: run.filePath!, headerFile: run.headerFilePath ?? undefined, runId: run.id };
    runInProcess(db, importEventFor(data));
  }
  return runs.map((run) => run.id);
}
