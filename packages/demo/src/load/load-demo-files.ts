// Loads the demo data through the real ingestion pipelines: the packaged reference files first (ZIP centroids
// give NPPES its lat/lng), then the generated folder (see generate/demo-files.ts) in dependency order: NPPES,
// then its weekly companions (practice locations, endpoints), Part D and Open Payments, which refer to its NPIs.
import { join } from "node:path";

import { type Db } from "@pharmacrm/db";
import { runIngestion, type IngestionRun, type StartRunInput } from "@pharmacrm/ingest";

import { type DemoManifest } from "../generate/demo-files";
import {
  NUCC_TAXONOMY_FILE,
  NUCC_TAXONOMY_RELEASE,
  ZIP_CENTROIDS_FILE,
  ZIP_CENTROIDS_RELEASE,
} from "../reference-data/files";

export interface LoadedFile {
  run: IngestionRun;
  /** Wall time of this call (a file loaded earlier returns at once). */
  ms: number;
}

export interface DemoLoadResult {
  reference: { taxonomy: LoadedFile; zipCentroids: LoadedFile };
  nppes: LoadedFile;
  /** The weekly companion files (practice locations, endpoints), in manifest order. */
  nppesCompanions: LoadedFile[];
  partD: LoadedFile[];
  openPayments: LoadedFile[];
}

async function load(db: Db, input: StartRunInput, onLoaded: (file: LoadedFile) => void): Promise<LoadedFile> {
  const started = performance.now();
  const run = await runIngestion(db, { ...input, startedVia: "seed" });
  if (run.status !== "succeeded") throw new Error(`${run.sourceFile}: ingestion ${run.status}: ${run.error ?? ""}`);
  const file = { run, ms: performance.now() - started };
  onLoaded(file);
  return file;
}

export async function loadReferenceFiles(
  db: Db,
  onLoaded: (file: LoadedFile) => void = () => {},
): Promise<DemoLoadResult["reference"]> {
  return {
    taxonomy: await load(
      db,
      { dataset: "nucc_taxonomy", file: NUCC_TAXONOMY_FILE, release: NUCC_TAXONOMY_RELEASE },
      onLoaded,
    ),
    zipCentroids: await load(
      db,
      { dataset: "zip_centroids", file: ZIP_CENTROIDS_FILE, release: ZIP_CENTROIDS_RELEASE },
      onLoaded,
    ),
  };
}

export async function loadDemoFiles(
  db: Db,
  dir: string,
  manifest: DemoManifest,
  onLoaded: (file: LoadedFile) => void = () => {},
): Promise<Omit<DemoLoadResult, "reference">> {
  const nppesFile = manifest.files.find((f) => f.dataset === "nppes");
  if (!nppesFile) throw new Error(`no NPPES file in ${dir}/manifest.json`);
  const nppes = await load(
    db,
    { dataset: "nppes", file: join(dir, nppesFile.file), release: nppesFile.release, isDemo: true },
    onLoaded,
  );
  const loaded: Record<"nppesCompanions" | "partD" | "openPayments", LoadedFile[]> = {
    nppesCompanions: [],
    partD: [],
    openPayments: [],
  };
  const group = {
    nppes_practice_location: "nppesCompanions",
    nppes_endpoint: "nppesCompanions",
    part_d: "partD",
    open_payments: "openPayments",
  } as const;
  for (const entry of manifest.files) {
    if (entry.dataset === "nppes") continue;
    // Part D's data year comes from the file name (…_DY2023_…), Open Payments' from its Program_Year column.
    const input = { dataset: entry.dataset, file: join(dir, entry.file), release: entry.release, isDemo: true };
    loaded[group[entry.dataset]].push(await load(db, input, onLoaded));
  }
  return { nppes, ...loaded };
}
