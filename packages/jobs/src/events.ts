// Import events, one per dataset (the event names the dataset; its data names the file), and the request to
// (re-)embed HCP profiles. Zod schemas serve the Inngest triggers, the in-process runner and the API's form alike.
import { eventType } from "inngest";
import { z } from "zod";

import { plainText } from "@pharmacrm/domain/validation";
import { DATASETS, type Dataset } from "@pharmacrm/ingest";

export const datasetSchema = z.enum(DATASETS as [Dataset, ...Dataset[]], { message: "Choose one of the datasets" });

// File names, labels and reasons are a person's text: trimmed, and refused with the field's name when they hold a NUL
// or another control character (a path cannot, and the run's row would not store it), whoever sends the event.
const headerFile = plainText("The header file").min(1, "The 2017 layout needs its header file");

const fields = {
  /** A path inside the import folder (IMPORT_DIR), or a public http(s) URL the job downloads there first. */
  file: plainText("The file").min(1, "Give a file path or URL"),
  /** Data year where the file does not say (Part D). */
  year: z.number().int().min(2010, "Data years start at 2010").max(2100, "That year is too far ahead").optional(),
  /** Release label; by default derived from the file name or content. */
  release: plainText("The release label")
    .min(1, "Give a release label or leave it out")
    .max(80, "A release label is at most 80 characters")
    .optional(),
  /** The run requestImport already started for this file, so the job need not hash the file again. */
  runId: z.uuid().optional(),
};

export const importRequestSchema = z.object({ dataset: datasetSchema, ...fields, headerFile: headerFile.optional() });
export type ImportRequest = z.infer<typeof importRequestSchema>;

const datasetImport = <D extends Dataset>(dataset: D) =>
  eventType(`cms/${dataset}.import-requested`, { schema: z.object({ dataset: z.literal(dataset), ...fields }) });

/** NPPES files before 2018 have no header row: the header comes in a separate file. */
export const nppes2017ImportRequested = eventType("cms/nppes-2017.import-requested", {
  schema: z.object({ dataset: z.literal("nppes"), ...fields, headerFile }),
});

export const importRequested = {
  nppes: datasetImport("nppes"),
  nppes_practice_location: datasetImport("nppes_practice_location"),
  nppes_other_name: datasetImport("nppes_other_name"),
  nppes_endpoint: datasetImport("nppes_endpoint"),
  part_d: datasetImport("part_d"),
  open_payments: datasetImport("open_payments"),
  nucc_taxonomy: datasetImport("nucc_taxonomy"),
  zip_centroids: datasetImport("zip_centroids"),
} satisfies Record<Dataset, unknown>;

/** The event that imports this request: the dataset's own, or the 2017 NPPES one when a header file is given. */
export function importEventFor(request: ImportRequest): { name: string; data: ImportRequest } {
  const name =
    request.dataset === "nppes" && request.headerFile
      ? nppes2017ImportRequested.name
      : importRequested[request.dataset].name;
  return { name, data: request };
}

/**
 * Embed the HCP profiles that lack a vector from the configured model (or whose text changed). Sent after each
 * successful NPPES, Part D and Open Payments import; `afterNpi` continues a long run in a fresh one.
 */
export const embedRequestSchema = z.object({
  /** Why: shown in the log (e.g. "after part_d run 4f0c…"). */
  reason: plainText("The reason").max(200, "A reason is at most 200 characters").optional(),
  afterNpi: z
    .string()
    .regex(/^\d{10}$/, "An NPI has 10 digits")
    .optional(),
});
export type EmbedRequest = z.infer<typeof embedRequestSchema>;

export const hcpProfilesEmbedRequested = eventType("ai/hcp-profiles.embed-requested", { schema: embedRequestSchema });
