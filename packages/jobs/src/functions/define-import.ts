// An import job: the dataset's trigger, one run per dataset at a time (across functions: the NPPES 2017 function
// shares NPPES's slot), and the shared importDataset orchestration.
import { NonRetriableError } from "inngest";

import { getDb } from "@pharmacrm/db";

import { importRequestSchema, type ImportRequest } from "../events";
import { importDataset, type ImportStep, type RunSummary } from "../import-dataset";
import { inngestFunction, type JobDefinition, type JobOptions } from "./job";

export interface ImportFunctionSpec {
  id: string;
  name: string;
  trigger: { name: string; event: string };
}

/** The handler, shared by the Inngest functions and the in-process runner. */
export function importHandler({ database = getDb, chunkRows, sources }: JobOptions = {}) {
  return async ({ event, step }: { event: { data: unknown }; step: ImportStep }) => {
    const data = importRequestSchema.safeParse(event.data);
    if (!data.success)
      throw new NonRetriableError(
        `Not an import request: ${data.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
      );
    return importDataset({ event: { data: data.data }, step, database, chunkRows, sources });
  };
}

export const importJob = (spec: ImportFunctionSpec): JobDefinition<ImportRequest, RunSummary> => ({
  id: spec.id,
  name: spec.name,
  event: spec.trigger.event,
  schema: importRequestSchema,
  // One import at a time per dataset, whichever function runs it.
  concurrency: { expression: `"cms-import-" + event.data.dataset`, of: (data) => `cms-import-${data.dataset}` },
  retries: 3,
  sameWork: (data) => (data.runId ? [data.runId] : []),
  label: (data) => data.file,
  summary: (result) =>
    `run ${result.runId} ${result.status}, ${result.rowsRead} rows read, ${result.rowsQuarantined} quarantined`,
  handler: importHandler,
});

export const defineImport = (spec: ImportFunctionSpec, options: JobOptions = {}) =>
  inngestFunction(importJob(spec), options);
