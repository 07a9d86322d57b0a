// Generates the demo's CMS-format files into a folder and describes them in manifest.json. The manifest is
// written last, so its presence means a complete set; same (scale, seed, generator version) → same bytes.
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { readNuccTaxonomy } from "../reference-data/nucc";
import { readZipCentroids } from "../reference-data/zip-centroids";
import { PART_D_YEARS } from "./catalog/drugs";
import {
  ENDPOINT_FILE_NAME,
  endpointRecords,
  PRACTICE_LOCATION_FILE_NAME,
  WEEKLY_RELEASE,
  writeEndpointsFile,
  writePracticeLocationsFile,
} from "./nppes-companion-files";
import { writeNppesFile } from "./nppes-file";
import { OPEN_PAYMENTS_YEARS, openPaymentsFileName, writeOpenPaymentsFiles } from "./open-payments-file";
import { partDFileName, writePartDFiles } from "./part-d-file";
import { buildPracticeSites } from "./practice-sites";
import { assertTaxonomyCodes, buildWorld, entitiesInNpiOrder } from "./world";

/** Bump when the generator's output changes, so cached folders are regenerated. */
export const GENERATOR_VERSION = 2;

export const NPPES_FILE_NAME = "npidata_pfile_demo.csv";

export type DemoDataset = "nppes" | "nppes_practice_location" | "nppes_endpoint" | "part_d" | "open_payments";

export interface DemoFile {
  dataset: DemoDataset;
  /** Path relative to the folder. */
  file: string;
  release: string;
  rows: number;
}

export interface DemoManifest {
  generatorVersion: number;
  scale: number;
  seed: number;
  files: DemoFile[];
}

export interface DemoFilesOptions {
  scale: number;
  seed: number;
  dir: string;
}

const MANIFEST = "manifest.json";

export async function generateDemoFiles({ scale, seed, dir }: DemoFilesOptions): Promise<DemoManifest> {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a positive integer, got ${scale}`);
  const [nucc, centroids] = await Promise.all([readNuccTaxonomy(), readZipCentroids()]);
  assertTaxonomyCodes(nucc);
  await rm(join(dir, MANIFEST), { force: true });
  await mkdir(join(dir, "part_d"), { recursive: true });
  await mkdir(join(dir, "open_payments"), { recursive: true });

  const world = buildWorld({ scale, seed, centroids });
  const files: DemoFile[] = [];
  const nppesRows = await writeNppesFile(join(dir, NPPES_FILE_NAME), entitiesInNpiOrder(world));
  files.push({ dataset: "nppes", file: NPPES_FILE_NAME, release: "2025-06 monthly (synthetic demo)", rows: nppesRows });

  // The weekly companions: secondary practice locations (some at organisations' addresses) and endpoints.
  const sites = buildPracticeSites({ world, seed, centroids });
  const locationRows = await writePracticeLocationsFile(join(dir, PRACTICE_LOCATION_FILE_NAME), sites);
  files.push({
    dataset: "nppes_practice_location",
    file: PRACTICE_LOCATION_FILE_NAME,
    release: WEEKLY_RELEASE,
    rows: locationRows,
  });
  const endpointRows = await writeEndpointsFile(
    join(dir, ENDPOINT_FILE_NAME),
    endpointRecords(sites, world.organizations, seed),
  );
  files.push({ dataset: "nppes_endpoint", file: ENDPOINT_FILE_NAME, release: WEEKLY_RELEASE, rows: endpointRows });

  const partD = await writePartDFiles(join(dir, "part_d"), world.individuals, seed);
  for (const year of PART_D_YEARS) {
    files.push({
      dataset: "part_d",
      file: `part_d/${partDFileName(year)}`,
      release: `DY${year} (synthetic demo)`,
      rows: partD.rowsByYear[year],
    });
  }

  const payments = await writeOpenPaymentsFiles({
    dir: join(dir, "open_payments"),
    seed,
    individuals: world.individuals,
    organizations: world.organizations,
    brandsByNpi: partD.brandsByNpi,
    nucc,
  });
  for (const year of OPEN_PAYMENTS_YEARS) {
    const file = `open_payments/${openPaymentsFileName(year)}`;
    files.push({ dataset: "open_payments", file, release: `PY${year} (synthetic demo)`, rows: payments[year] ?? 0 });
  }

  const manifest: DemoManifest = { generatorVersion: GENERATOR_VERSION, scale, seed, files };
  await writeFile(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The folder's manifest when it holds a complete set for these options, else undefined. */
export async function readDemoManifest({ scale, seed, dir }: DemoFilesOptions): Promise<DemoManifest | undefined> {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return undefined;
  const manifest = JSON.parse(await readFile(path, "utf8")) as DemoManifest;
  const matches = manifest.generatorVersion === GENERATOR_VERSION && manifest.scale === scale && manifest.seed === seed;
  return matches && manifest.files.every((f) => existsSync(join(dir, f.file))) ? manifest : undefined;
}

/** Reuses a complete folder generated with the same options; generates otherwise. */
export async function ensureDemoFiles(
  options: DemoFilesOptions,
): Promise<{ manifest: DemoManifest; generated: boolean }> {
  const existing = await readDemoManifest(options);
  if (existing) return { manifest: existing, generated: false };
  return { manifest: await generateDemoFiles(options), generated: true };
}
