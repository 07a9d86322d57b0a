// seedDemo: generate (or reuse) the CMS-format demo files, ingest the reference data and the files through the
// ingestion pipelines (the same ones real CMS files go through), then create the tenants.
import { join } from "node:path";

import { dataDir } from "@pharmacrm/config/paths";
import { type Db } from "@pharmacrm/db";

import { ensureDemoFiles } from "./generate/demo-files";
import { loadDemoFiles, loadReferenceFiles, type LoadedFile } from "./load/load-demo-files";
import { seedCompliance } from "./tenants/compliance";
import { isSeeded, seedTenants } from "./tenants/seed-tenants";

export const DEFAULT_SCALE = 3000;
export const DEFAULT_SEED = 42;
/** Activity is dated relative to this day unless the caller passes `today` (the CLIs pass the real date). */
export const DEFAULT_REFERENCE_DATE = new Date("2025-07-01T00:00:00Z");

export const defaultWorkDir = (scale: number, seed: number): string =>
  join(dataDir(), "demo", `scale-${scale}-seed-${seed}`);

export interface SeedOptions {
  /** Individual HCPs to generate (organisations and deactivated NPIs come on top). Default 3000. */
  scale?: number;
  seed?: number;
  /** Where the generated files go; default `<dataDir>/demo/scale-<n>-seed-<s>`. Reused when complete. */
  workDir?: string;
  /** Reference date for tenant activity (the last ~6 months before it). */
  today?: Date;
  log?: (line: string) => void;
}

export interface SeededFile {
  dataset: string;
  file: string;
  runId: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsQuarantined: number;
  ms: number;
  rowsPerSecond: number;
}

export interface SeedSummary {
  scale: number;
  seed: number;
  workDir: string;
  /** False when files from an earlier run with the same options were reused. */
  filesGenerated: boolean;
  today: string;
  counts: {
    hcps: number;
    hcos: number;
    deactivated: number;
    taxonomyCodes: number;
    zipCentroids: number;
    practiceLocations: number;
    endpoints: number;
    partDRows: number;
    payments: number;
    orgs: number;
    users: number;
    territoryHcps: number;
    interactions: number;
    samples: number;
    tasks: number;
    consents: number;
    nbaDecisions: number;
    callPlans: number;
  };
  files: SeededFile[];
  timings: { generateMs: number; referenceMs: number; filesMs: number; tenantsMs: number; totalMs: number };
}

export class AlreadySeededError extends Error {
  constructor() {
    super("The database already holds the demo orgs; start from an empty database to seed again.");
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function describe({ run, ms }: LoadedFile): SeededFile {
  return {
    dataset: run.dataset,
    file: run.sourceFile,
    runId: run.id,
    rowsRead: run.rowsRead,
    rowsLoaded: run.rowsLoaded,
    rowsQuarantined: run.rowsQuarantined,
    ms: Math.round(ms),
    rowsPerSecond: Math.round(run.rowsRead / (ms / 1000)),
  };
}

export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const scale = options.scale ?? DEFAULT_SCALE;
  const seed = options.seed ?? DEFAULT_SEED;
  const workDir = options.workDir ?? defaultWorkDir(scale, seed);
  const today = options.today ?? DEFAULT_REFERENCE_DATE;
  const log = options.log ?? (() => {});
  if (await isSeeded(db)) throw new AlreadySeededError();
  const started = performance.now();

  log(`Demo files (scale ${scale}, seed ${seed}) in ${workDir}`);
  const { manifest, generated } = await ensureDemoFiles({ scale, seed, dir: workDir });
  const generateMs = performance.now() - started;
  log(generated ? `  generated in ${seconds(generateMs)}` : "  reused files generated earlier with the same options");

  const logLoaded = (loadedFile: LoadedFile) => {
    const f = describe(loadedFile);
    const quarantined = f.rowsQuarantined > 0 ? `, ${f.rowsQuarantined} quarantined` : "";
    log(`  ingested ${f.file}: ${f.rowsRead} rows${quarantined} in ${seconds(f.ms)} (${f.rowsPerSecond} rows/s)`);
  };
  const referenceStarted = performance.now();
  const reference = await loadReferenceFiles(db, logLoaded);
  const referenceMs = performance.now() - referenceStarted;
  const filesStarted = performance.now();
  const loaded = await loadDemoFiles(db, workDir, manifest, logLoaded);
  const filesMs = performance.now() - filesStarted;
  const files = [
    reference.taxonomy,
    reference.zipCentroids,
    loaded.nppes,
    ...loaded.nppesCompanions,
    ...loaded.partD,
    ...loaded.openPayments,
  ].map(describe);

  const tenantsStarted = performance.now();
  const tenants = await seedTenants(db, { seed, today });
  await seedCompliance(db);
  const tenantsMs = performance.now() - tenantsStarted;
  log(
    `  tenants: ${tenants.orgs} orgs, ${tenants.users} users, ${tenants.interactions} calls, ${tenants.tasks} tasks in ${seconds(tenantsMs)}`,
  );

  const sum = (results: LoadedFile[]) =>
    results.reduce((n, { run }) => n + run.rowsLoaded + run.rowsUpdated + run.rowsUnchanged, 0);
  const kinds = loaded.nppes.run.details.kinds ?? {};
  return {
    scale,
    seed,
    workDir,
    filesGenerated: generated,
    today: today.toISOString().slice(0, 10),
    counts: {
      hcps: kinds.individual ?? 0,
      hcos: kinds.organization ?? 0,
      deactivated: kinds.deactivated ?? 0,
      taxonomyCodes: sum([reference.taxonomy]),
      zipCentroids: sum([reference.zipCentroids]),
      practiceLocations: sum(loaded.nppesCompanions.filter((f) => f.run.dataset === "nppes_practice_location")),
      endpoints: sum(loaded.nppesCompanions.filter((f) => f.run.dataset === "nppes_endpoint")),
      partDRows: sum(loaded.partD),
      payments: sum(loaded.openPayments),
      orgs: tenants.orgs,
      users: tenants.users,
      territoryHcps: tenants.territoryHcps,
      interactions: tenants.interactions,
      samples: tenants.samples,
      tasks: tenants.tasks,
      consents: tenants.consents,
      nbaDecisions: tenants.nbaDecisions,
      callPlans: tenants.callPlans,
    },
    files,
    timings: {
      generateMs: Math.round(generateMs),
      referenceMs: Math.round(referenceMs),
      filesMs: Math.round(filesMs),
      tenantsMs: Math.round(tenantsMs),
      totalMs: Math.round(performance.now() - started),
    },
  };
}
