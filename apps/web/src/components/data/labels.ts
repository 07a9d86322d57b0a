// Words and numbers the Data screen shows for datasets and runs, in one place.
import type { RouterOutputs } from "~/trpc/react";

import type { Dataset } from "@pharmacrm/ingest";

export type ImportRun = RouterOutputs["data"]["runs"]["items"][number];

export const datasetInfo = {
  nppes: { label: "NPPES providers", file: "npidata_pfile_*.csv" },
  nppes_practice_location: { label: "NPPES practice locations", file: "pl_pfile_*.csv" },
  nppes_other_name: { label: "NPPES other names", file: "othername_pfile_*.csv" },
  nppes_endpoint: { label: "NPPES endpoints", file: "endpoint_pfile_*.csv" },
  part_d: { label: "Medicare Part D prescribers", file: "MUP_DPR_*.csv" },
  open_payments: { label: "Open Payments (general)", file: "OP_DTL_GNRL_PGYR*.csv" },
  nucc_taxonomy: { label: "NUCC taxonomy", file: "nucc_taxonomy_*.csv" },
  zip_centroids: { label: "ZIP centroids", file: "GeoNames US ZIP file" },
} satisfies Record<Dataset, { label: string; file: string }>;

export const datasets = Object.keys(datasetInfo) as Dataset[];

type RunOrigin = ImportRun["origin"];

/** Who started a run, as far as this viewer may know: another org's people are not named. */
export function startedByText(origin: RunOrigin): string {
  if (origin.via === "seed") return "Demo seed";
  if (origin.via === "cli") return "Command line on the server";
  if (origin.via === "event") return "A job event";
  if (origin.via === "app")
    return origin.startedBy ? `${origin.startedBy.name} (${origin.startedBy.orgName})` : "A platform operator";
  return "Not recorded";
}

/** Where the file came from (a path in the import folder, a URL's host and path, an upload), when it says more than
 * the file's name; null when withheld. */
export function sourceText(run: Pick<ImportRun, "origin" | "sourceFile">): string | null {
  const { location } = run.origin;
  if (location === null || location === run.sourceFile) return null;
  return location === "upload" ? "Uploaded file" : location;
}

export const datasetLabel = (dataset: string): string => datasetInfo[dataset as Dataset]?.label ?? dataset;

export const isLive = (run: Pick<ImportRun, "status"> | null | undefined): boolean => run?.status === "running";

const numberFormat = new Intl.NumberFormat("en-US");
export const formatCount = (n: number | null | undefined): string =>
  n === null || n === undefined ? "—" : numberFormat.format(n);

/** "850 ms", "12.4 s", "3 min 05 s". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${String(Math.round((ms % 60_000) / 1000)).padStart(2, "0")} s`;
}

/** Wall time of a run: to its end, or until now while it goes. */
export const runDuration = (run: Pick<ImportRun, "startedAt" | "finishedAt" | "updatedAt" | "status">): number =>
  ((run.finishedAt ?? (run.status === "running" ? new Date() : run.updatedAt)) as Date).getTime() -
  (run.startedAt as Date).getTime();
