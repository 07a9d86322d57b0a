// Loads a generated demo folder (see generate/demo-files.ts) in dependency order: NPPES first, then Part D
// and Open Payments, which refer to its NPIs.
import { join } from "node:path";
import { type Db } from "@pharmacrm/db";
import { type DemoManifest } from "../generate/demo-files";
import { type CsvLoadResult } from "./load-csv-file";
import { loadNppesFile, type NppesLoadResult } from "./load-nppes";
import { loadOpenPaymentsFile } from "./load-open-payments";
import { loadPartDFile } from "./load-part-d";

export interface DemoLoadResult {
  nppes: NppesLoadResult;
  partD: CsvLoadResult[];
  openPayments: CsvLoadResult[];
}

const yearOf = (release: string): number => {
  const match = /(\d{4})/.exec(release);
  if (!match) throw new Error(`no year in release label "${release}"`);
  return Number(match[1]);
};

export async function loadDemoFiles(
  db: Db,
  dir: string,
  manifest: DemoManifest,
  onLoaded: (result: CsvLoadResult) => void = () => {},
): Promise<DemoLoadResult> {
  const nppesFile = manifest.files.find((f) => f.dataset === "nppes");
  if (!nppesFile) throw new Error(`no NPPES file in ${dir}/manifest.json`);
  const nppes = await loadNppesFile(db, { file: join(dir, nppesFile.file), release: nppesFile.release, isDemo: true });
  onLoaded(nppes);
  const partD: CsvLoadResult[] = [];
  const openPayments: CsvLoadResult[] = [];
  for (const entry of manifest.files) {
    const file = join(dir, entry.file);
    if (entry.dataset === "part_d") {
      partD.push(await loadPartDFile(db, { file, year: yearOf(entry.release), release: entry.release, isDemo: true }));
      onLoaded(partD.at(-1)!);
    } else if (entry.dataset === "open_payments") {
      openPayments.push(await loadOpenPaymentsFile(db, { file, release: entry.release, isDemo: true }));
      onLoaded(openPayments.at(-1)!);
    }
  }
  return { nppes, partD, openPayments };
}
