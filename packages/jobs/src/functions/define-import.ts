// Builds an import function: the dataset's trigger, one run per dataset at a time (across functions: the NPPES
// 2017 function shares NPPES's slot), and the shared importDataset orchestration.
import { getDb, type Db } from "@pharmacrm/db";
import { inngest } from "../client";
import { NonRetriableError } from "inngest";
import { importRequestSchema } from "../events";
import { importDataset, type ImportStep } from "../import-dataset";
import { type ImportSourceOptions } from "../import-files";

export interface ImportFunctionSpec {
  id: string;
  name: string;
  trigger: { name: string; event: string };
}

/** One import at a time per dataset, whichever function runs it. */
export const importConcurrency = { limit: 1, scope: "env", key: `"cms-import-" + event.data.dataset` } as const;

export interface ImportFunctionOptions {
  /** The database the steps write to; the app's by default (tests pass their own). */
  database?: () => Promise<Db>;
  chunkRows?: number;
  /** Where a raw event's file may come from; the import folder and public URLs by default (tests narrow or widen). */
  sources?: ImportSourceOptions;
}

/** The handler, shared by the Inngest functions and the in-process runner. */
export function importHandler({ database = getDb, chunkRows, sources }: ImportFunctionOptions = {}) {
  return async ({ event, step }: { event: { data: unknown }; step: ImportStep }) => {
    const data = importRequestSchema.safeParse(event.data);
    if (!data.success) throw new NonRetriableError(`Not an import request: ${data.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    return importDataset({ event: { data: data.data }, step, database, chunkRows, sources });
  };
}

export function defineImport(spec: ImportFunctionSpec, options: ImportFunctionOptions = {}) {
  const handler = importHandler(options);
  return inngest.createFunction(
    { id: spec.id, name: spec.name, concurrency: importConcurrency, retries: 3, triggers: [{ event: spec.trigger.event }] },
    // Inngest's step is a superset of ImportStep; its step results are JSON, as RunSummary is.
    ({ event, step }) => handler({ event, step: step as unknown as ImportStep }),
  );
}
