// The embedded default: without an Inngest server, the same function handlers run in this process, in the
// background (in-process-functions.ts lists them). Runs with the same concurrency key take turns (one import per
// dataset, one embedding run), later requests queued behind; an event already queued or running (same event id or
// same work) is not started twice. A failure is logged (and, for imports, recorded on the run by the pipeline);
// it never escapes to crash the server.
import { type Db } from "@pharmacrm/db";
import { listRuns } from "@pharmacrm/ingest";

import { importEventFor } from "../events";
import { inProcessFunctions, type InProcessOptions } from "./in-process-functions";
import { inProcessStep, type JobEvent } from "./in-process-step";

interface RunnerState {
  /** Per concurrency key: the tail of its queue. */
  queues: Map<string, Promise<void>>;
  /** Event ids and same-work keys queued or running. */
  busy: Set<string>;
  /** Concurrency keys with a coalescing run queued that has not started: its event id. */
  waiting: Map<string, string>;
  resumed: WeakSet<object>;
}

// One state per process: Next may load this module more than once.
const global = globalThis as unknown as { pharmacrmJobs?: RunnerState };
const state = (global.pharmacrmJobs ??= {
  queues: new Map(),
  busy: new Set(),
  waiting: new Map(),
  resumed: new WeakSet(),
});
state.waiting ??= new Map();

export type { InProcessOptions } from "./in-process-functions";

let options: InProcessOptions = {};

/** Tunes the runner (tests: smaller chunks, a quiet log, a mock embedding model). */
export function configureInProcessRunner(next: InProcessOptions): void {
  options = next;
}

const log = (line: string) => (options.log ?? console.log)(`[jobs] ${line}`);

/** True while this run (or event) is queued or running in this process. */
export const isImportBusy = (key: string): boolean => state.busy.has(key);

/** Starts the function an event triggers in the background and returns the event id at once; a duplicate is a no-op. */
export function runInProcess(db: Db, event: JobEvent): string {
  const fn = inProcessFunctions.get(event.name);
  if (!fn) throw new Error(`No function handles the event ${event.name}`);
  const data = fn.schema.parse(event.data);
  const queue = fn.concurrencyKey(data);
  const waiting = fn.coalesce ? state.waiting.get(queue) : undefined;
  if (waiting) return waiting;
  const eventId = event.id ?? `${event.name}-${crypto.randomUUID()}`;
  const keys = [eventId, ...(fn.sameWork?.(data) ?? [])];
  if (keys.some((key) => state.busy.has(key))) return eventId;
  for (const key of keys) state.busy.add(key);
  if (fn.coalesce) state.waiting.set(queue, eventId);

  const label = `${event.name} ${fn.label(data)}`;
  const execute = async () => {
    if (state.waiting.get(queue) === eventId) state.waiting.delete(queue);
    log(`start ${label}`);
    const step = inProcessStep((next) => runInProcess(db, next), options.log ? log : undefined);
    log(`done ${label}: ${await fn.run({ data, step, db, options, log })}`);
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

/** Resolves when every queued and running job of this process has finished (tests, shutdown). */
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
  const runs = (await listRuns(db, { limit: 200 })).filter(
    (run) => run.status === "running" && run.filePath && !state.busy.has(run.id),
  );
  for (const run of runs) {
    log(`resuming run ${run.id} (${run.dataset}, ${run.sourceFile}) from line ${run.lastLine + 1}`);
    const data = {
      dataset: run.dataset,
      file: run.filePath!,
      headerFile: run.headerFilePath ?? undefined,
      runId: run.id,
    };
    runInProcess(db, importEventFor(data));
  }
  return runs.map((run) => run.id);
}
