// Where prepared chunks come from: this thread (one call per chunk, as a job step does), or a worker thread that
// reads and validates ahead while this thread writes (runIngestion with `parallel`: the CLI, the bench, the seed).
import { Worker } from "node:worker_threads";

import { type StageFormat } from "../load/stage";
import { Cursor } from "./cursor";
import { prepareChunk, type PreparedChunk } from "./prepare";
import { type Session } from "./session";

export interface ChunkSource {
  /** The next chunk of up to `rows` records, or undefined at the end of the file. */
  next(): Promise<PreparedChunk | undefined>;
  /** True when no record is left (reads ahead to find out). */
  atEnd(): Promise<boolean>;
  close(): Promise<void>;
}

export interface SourceSpec {
  file: string;
  /** Checkpoint to read from. */
  start: number;
  line: number;
  rows: number;
  format: StageFormat;
}

export function inThreadSource(session: Session, spec: SourceSpec): ChunkSource {
  const cursor = new Cursor(spec.file, spec.start, spec.line);
  return {
    async next() {
      const records = await cursor.take(spec.rows);
      return records.length === 0 ? undefined : prepareChunk(session, records, spec.format);
    },
    atEnd: () => cursor.atEnd(),
    close: () => cursor.close(),
  };
}

export interface WorkerInput extends SourceSpec {
  dataset: Session["pipeline"]["dataset"];
  header: string[];
  dataYear: number | null;
}

export type WorkerMessage =
  { type: "chunk"; chunk: PreparedChunk } | { type: "end" } | { type: "error"; message: string };

/** Chunks prepared ahead by a worker thread (at most `ahead` waiting), in order. */
export function workerSource(input: WorkerInput, ahead = 2): ChunkSource {
  // From TypeScript sources (tsx, vitest) a plain-JS entry registers the TypeScript loader in the worker first.
  const entry = new URL(
    import.meta.url.endsWith(".ts") ? "./prepare-worker.mjs" : "./prepare-worker.js",
    import.meta.url,
  );
  const worker = new Worker(entry, { workerData: { input, ahead } });
  const arrived: WorkerMessage[] = [];
  let waiting: ((message: WorkerMessage) => void) | undefined;
  const deliver = (message: WorkerMessage) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(message);
    } else arrived.push(message);
  };
  worker.on("message", (message: WorkerMessage) => deliver(message));
  worker.on("error", (error) => deliver({ type: "error", message: error.message }));
  worker.on("exit", (code) => {
    if (code !== 0) deliver({ type: "error", message: `the chunk worker stopped (exit code ${code})` });
  });
  let ended = false;
  const receive = async () => arrived.shift() ?? (await new Promise<WorkerMessage>((resolve) => (waiting = resolve)));
  return {
    async next() {
      if (ended) return undefined;
      const message = await receive();
      if (message.type === "error") throw new Error(message.message);
      if (message.type === "end") {
        ended = true;
        return undefined;
      }
      worker.postMessage("more");
      return message.chunk;
    },
    async atEnd() {
      if (ended) return true;
      const message = await receive();
      arrived.unshift(message);
      return message.type === "end";
    },
    async close() {
      await worker.terminate();
    },
  };
}
