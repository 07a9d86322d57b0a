// What the in-process runner can run: every job of ../functions (the definitions the Inngest functions are built
// from), over this process's database, with the job's trigger, its concurrency (which runs take turns) and how a
// duplicate request is recognised.
// Cron triggers have no in-process equivalent and none is faked: the daily embed runs only with an Inngest server.
// Embedded, embeddings catch up after each import and at server start (resumeEmbeddings in ../send.ts).
import { type z } from "zod";

import { type HcpEmbeddingModel } from "@pharmacrm/ai";
import { type Db } from "@pharmacrm/db";

import { jobs, type AnyJob } from "../functions";
import { type ImportSourceOptions } from "../import-files";
import { type InProcessStep } from "./in-process-step";

export interface InProcessOptions {
  chunkRows?: number;
  /** The embedding model seam; by default getEmbeddingModel() (tests inject a mock). */
  embeddingModel?: () => HcpEmbeddingModel | null;
  log?: (line: string) => void;
  /** Where a raw event's file may come from (see JobOptions). */
  sources?: ImportSourceOptions;
}

export interface InProcessContext<D> {
  data: D;
  step: InProcessStep;
  db: Db;
  options: InProcessOptions;
  log: (line: string) => void;
}

export interface InProcessFunction<D = unknown> {
  event: string;
  /** The event's data, checked when it is sent (as Inngest checks an event against its schema). */
  schema: z.ZodType<D>;
  /** Runs with the same key take turns, in the order asked (the Inngest function's concurrency key). */
  concurrencyKey(data: D): string;
  /** Keys naming the same work: while one of them is queued or running, another request for it is a no-op. */
  sameWork?(data: D): string[];
  /** True when a request can join a run of its key that has not started yet: that run will see the same data. */
  coalesce?: boolean;
  /** What the log names the run by. */
  label(data: D): string;
  /** Runs the handler; returns the line the log ends the run with. */
  run(context: InProcessContext<D>): Promise<string>;
}

/** A job as the in-process runner runs it: its handler over this process's database, its summary as the last log line. */
const inProcessFunction = (job: AnyJob): InProcessFunction => ({
  event: job.event,
  schema: job.schema,
  concurrencyKey: (data) => job.concurrency.of(data),
  sameWork: job.sameWork,
  coalesce: job.coalesce,
  label: (data) => job.label(data),
  run: async ({ data, step, db, options, log }) => {
    const { chunkRows, sources, embeddingModel } = options;
    const handler = job.handler({ database: async () => db, chunkRows, sources, embeddingModel });
    return job.summary(await handler({ event: { data }, step, logger: { info: log } }));
  },
});

/** By trigger event name. */
export const inProcessFunctions: ReadonlyMap<string, InProcessFunction> = new Map(
  jobs.map((job) => [job.event, inProcessFunction(job)]),
);
