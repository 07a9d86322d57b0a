// Loads one Part D "by Provider and Drug" file; the data year comes from the caller (it is not a column).
import { partDPrescribing, type Db } from "@pharmacrm/db";
import { insertInBatches } from "./batch-insert";
import { loadCsvFile, type CsvLoadResult } from "./load-csv-file";
import { PART_D_REQUIRED_COLUMNS, mapPartDRecord, type PartDValues } from "./map-part-d";

export function loadPartDFile(db: Db, options: { file: string; year: number; release: string; isDemo: boolean }): Promise<CsvLoadResult> {
  const { year, ...source } = options;
  return loadCsvFile<PartDValues>(db, {
    dataset: "part_d",
    ...source,
    requiredColumns: PART_D_REQUIRED_COLUMNS,
    chunkSize: 10_000,
    map: (record) => {
      const mapped = mapPartDRecord(record, year);
      return mapped.kind === "row" ? { ok: true, value: mapped.row } : { ok: false, reason: mapped.reason };
    },
    insert: (tx, chunk) => insertInBatches(tx, partDPrescribing, chunk, { onConflict: "skip" }),
  });
}
