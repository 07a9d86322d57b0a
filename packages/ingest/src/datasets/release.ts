// Data years and release labels from file names, where the publisher puts them.
import { basename } from "node:path";

import { IngestionError } from "../errors";

/** "MUP_DPR_RY25_P04_V10_DY23_NPIBN.csv" → 2023, "…DY2023…" → 2023, "…_2021_…" → 2021 (one stand-alone year only). */
export function yearFromFileName(fileName: string): number | undefined {
  const name = basename(fileName);
  const dataYear = /DY(\d{4}|\d{2})(?!\d)/i.exec(name);
  if (dataYear) return dataYear[1]!.length === 2 ? 2000 + Number(dataYear[1]) : Number(dataYear[1]);
  const years = [...name.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1]));
  return years.length === 1 ? years[0] : undefined;
}

export function assertYear(year: number, fileName: string): number {
  if (!Number.isInteger(year) || year < 1990 || year > 2100)
    throw new IngestionError(`${basename(fileName)}: ${year} is not a data year`);
  return year;
}

/** NPPES files end with the date they run to: "npidata_pfile_20050523-20251109.csv" → "2025-11-09". */
export function nppesRelease(fileName: string): string | null {
  const dates = [...basename(fileName).matchAll(/(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g)];
  const last = dates.at(-1);
  return last ? `${last[1]}-${last[2]}-${last[3]}` : null;
}
