// What the in-process runner can run: each Inngest function's handler over this process's database, with the
// function's trigger, its concurrency (which runs take turns) and how a duplicate request is recognised.
// Cron triggers have no in-process equivalent and none is faked: the daily embed runs only with an Inngest server.
// Embedded, embeddings catch up after each import and at server start (resumeEmbeddings in ../send.ts).
import { type z } from "zod";
import { type HcpEmbeddingModel } from "@pharmacrm/ai";
import { type Db } from "@pharmacrm/db";
import { embedRequestSchema, hcpProfilesEmbedRequested, importRequestSchema } from "../events";
import { importHandler, importSpecs } from "../functions";
import { embedHcpProfilesHandler } from "../functions/embed-hcp-profiles";
import { type ImportSourceOptions } from "../import-files";
import { type InProcessStep } from "./in-process-step";

export interface InProcessOptions {
  chunkRows?: number;
  /** The embedding model seam; by default getEmbeddingModel() (tests inject a mock). */
  embeddingModel?: () => HcpEmbeddingModel | null;
  log?: (line: string) => void;
  /** Where a raw event's file may come from (see ImportFunctionOptions). */
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

const inProcessFunction = <D>(fn: InProcessFunction<D>) => fn as unknown as InProcessFunction;

const imports = importSpecs.map((spec) =>
  inProcessFunction({
    event: spec.trigger.event,
    schema: importRequestSchema,
    // One import per dataset at a time, across functions (importConcurrency).
    concurrencyKey: (data) => `cms-import-${data.dataset}`,
    sameWork: (data) => (data.runId ? [data.runId] : []),
    label: (data) => data.file,
    run: async ({ data, step, db, options }) => {
      const result = await importHandler({ database: async () => db, chunkRows: options.chunkRows, sources: options.sources })({ event: { data }, step });
      return `run ${result.runId} ${result.status}, ${result.rowsRead} rows read, ${result.rowsQuarantined} quarantined`;
    },
  }),
);

const embedding = inProcessFunction({
  event: hcpProfilesEmbedRequested.name,
  schema: embedRequestSchema,
  concurrencyKey: () => "embed-hcp-profiles",
  // Ten imports in a row need one catch-up run after the current one, not ten.
  coalesce: true,
  label: (data) => data.reason ?? "on request",
  run: async ({ data, step, db, options, log }) => {
    const handler = embedHcpProfilesHandler({ database: async () => db, embeddingModel: options.embeddingModel });
    const result = await handler({ event: { data }, step, logger: { info: log } });
    if (result.status === "skipped") return "skipped: no embedding model";
    return `${result.embedded} of ${result.checked} profiles embedded with ${result.model}${result.status === "continued" ? `, continuing after NPI ${result.afterNpi}` : ""}`;
  },
});

/** By trigger event name. */
export const inProcessFunctions: ReadonlyMap<string, InProcessFunction> = new Map([...imports, embedding].map((fn) => [fn.event, fn]));
