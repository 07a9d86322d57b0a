// Lineage for the HCP page: which loaded file (release, file name, load time) each section's reference data came
// from. Part D and Open Payments are loaded one file per year, so those keep every year's latest run.
import { and, desc, eq, inArray } from "drizzle-orm";

import { dataSourceRun, type Db } from "@pharmacrm/db";

export type ReferenceDataset = (typeof dataSourceRun.dataset.enumValues)[number];

export interface SourceRun {
  release: string | null;
  sourceFile: string;
  dataYear: number | null;
  loadedAt: Date | null;
  isDemo: boolean;
}

/** What the page shows a source for; the key each section's footer reads. */
const SECTION_DATASETS = [
  "nppes",
  "nppes_practice_location",
  "nppes_endpoint",
  "part_d",
  "open_payments",
  "zip_centroids",
] as const;
export type SourceKey = (typeof SECTION_DATASETS)[number];
export type HcpSources = Record<SourceKey, SourceRun[]>;

/** Datasets loaded one file per data year: every year counts. */
const YEARLY = new Set<ReferenceDataset>(["part_d", "open_payments"]);

export async function hcpSources(db: Db): Promise<HcpSources> {
  const rows = await db
    .select({
      dataset: dataSourceRun.dataset,
      release: dataSourceRun.release,
      sourceFile: dataSourceRun.sourceFile,
      dataYear: dataSourceRun.dataYear,
      loadedAt: dataSourceRun.finishedAt,
      isDemo: dataSourceRun.isDemo,
    })
    .from(dataSourceRun)
    .where(and(eq(dataSourceRun.status, "succeeded"), inArray(dataSourceRun.dataset, [...SECTION_DATASETS])))
    .orderBy(desc(dataSourceRun.finishedAt));

  const sources = Object.fromEntries(SECTION_DATASETS.map((d) => [d, [] as SourceRun[]])) as HcpSources;
  for (const { dataset, ...run } of rows) {
    const runs = sources[dataset as SourceKey];
    // Newest first: keep the latest run per dataset (per data year for the yearly ones).
    const taken = YEARLY.has(dataset) ? runs.some((r) => r.dataYear === run.dataYear) : runs.length > 0;
    if (!taken) runs.push(run);
  }
  for (const dataset of YEARLY) sources[dataset as SourceKey].sort((a, b) => (b.dataYear ?? 0) - (a.dataYear ?? 0));
  return sources;
}
