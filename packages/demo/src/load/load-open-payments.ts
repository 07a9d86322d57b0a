// Loads one Open Payments general-payments file.
import { openPayment, type Db } from "@pharmacrm/db";
import { insertInBatches } from "./batch-insert";
import { loadCsvFile, type CsvLoadResult } from "./load-csv-file";
import { OPEN_PAYMENTS_REQUIRED_COLUMNS, mapOpenPaymentRecord, type OpenPaymentValues } from "./map-open-payments";

export function loadOpenPaymentsFile(db: Db, options: { file: string; release: string; isDemo: boolean }): Promise<CsvLoadResult> {
  return loadCsvFile<OpenPaymentValues>(db, {
    dataset: "open_payments",
    ...options,
    requiredColumns: OPEN_PAYMENTS_REQUIRED_COLUMNS,
    chunkSize: 10_000,
    map: (record) => {
      const mapped = mapOpenPaymentRecord(record);
      return mapped.kind === "row" ? { ok: true, value: mapped.row } : { ok: false, reason: mapped.reason };
    },
    insert: (tx, chunk) => insertInBatches(tx, openPayment, chunk, { onConflict: "skip" }),
  });
}
