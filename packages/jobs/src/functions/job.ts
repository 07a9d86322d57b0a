// One definition per background job. Both ways a job runs are built from it: the Inngest function (server mode) and
// the in-process runner's function (the embedded default). The trigger, the concurrency rule, the retries and the
// handler are written once, here and in the job's file.
import { cron } from "inngest";
import { type z } from "zod";

import { type HcpEmbeddingModel } from "@pharmacrm/ai";
import { type Db } from "@pharmacrm/db";

import { inngest } from "../client";
import { type ImportStep } from "../import-dataset";
import { type ImportSourceOptions } from "../import-files";

/** What a caller may swap: the database, the model seam, chunk sizes, where files may come from (tests, the runner). */
export interface JobOptions {
  database?: () => Promise<Db>;
  chunkRows?: number;
  sources?: ImportSourceOptions;
  embeddingModel?: () => HcpEmbeddingModel | null;
}

export interface JobContext {
  event: { data: unknown };
  step: ImportStep;
  logger: { info(message: string): void };
}

export interface JobDefinition<D = never, R = unknown, O extends JobOptions = JobOptions> {
  id: string;
  name: string;
  /** The event that starts it. */
  event: string;
  /** A schedule as well, under Inngest only: the in-process runner fakes none. */
  cron?: string;
  /** The event's data, checked when it is sent in-process (Inngest functions check it in their handler). */
  schema: z.ZodType<D>;
  /**
   * One run at a time per key. `expression` is Inngest's (CEL over the event; none means one run of the function at a
   * time), `of` is the same key for the in-process runner; a test holds the two equal.
   */
  concurrency: { expression?: string; of(data: D): string };
  /** Inngest retries a failed step this many times (at most 20). */
  retries: 0 | 1 | 2 | 3 | 4 | 5 | 10 | 20;
  /** Keys naming the same work: while one of them is queued or running in-process, another request is a no-op. */
  sameWork?(data: D): string[];
  /** True when a request can join a queued in-process run of its key: that run will see the same data. */
  coalesce?: boolean;
  /** What the in-process log names the run by, and the line it ends the run with. */
  label(data: D): string;
  summary(result: R): string;
  handler(options: O): (context: JobContext) => Promise<R>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of different data and results
export type AnyJob = JobDefinition<any, any, any>;

/** The Inngest function of a job (options: tests pass their database and narrower limits). */
export function inngestFunction<D, R, O extends JobOptions>(job: JobDefinition<D, R, O>, options = {} as O) {
  const handler = job.handler(options);
  const concurrency = job.concurrency.expression
    ? { limit: 1, scope: "env" as const, key: job.concurrency.expression }
    : { limit: 1 };
  const triggers = job.cron ? [{ event: job.event }, cron(job.cron)] : [{ event: job.event }];
  return inngest.createFunction(
    { id: job.id, name: job.name, concurrency, retries: job.retries, triggers },
    // Inngest's step is a superset of ImportStep; step results are JSON, as the handlers' results are.
    ({ event, step, logger }) => handler({ event, step: step as unknown as ImportStep, logger }),
  );
}
