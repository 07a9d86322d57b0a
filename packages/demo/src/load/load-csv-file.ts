// The one streaming loader: read a CSV by header name, map each record, insert chunk by chunk (one transaction
// per chunk) and record the run in data_source_run. Mapping and inserting are passed in, so each dataset
// only supplies its pure mapping and its table writes.
import { basename } from "node:path";
import { dataSourceRun, type Db } from "@pharmacrm/db";
import { eq } from "drizzle-orm";
import { assertColumns, openCsv, sha256File, type CsvRecord } from "../csv/read-csv";

export type Dataset = (typeof dataSourceRun.$inferInsert)["dataset"];

export interface CsvLoadSpec<T> {
  dataset: Dataset;
  file: string;
  release: string;
  isDemo: boolean;
  requiredColumns: readonly string[];
  /** Records per transaction. */
  chunkSize: number;
  map(record: CsvRecord): { ok: true; value: T } | { ok: false; reason: string };
  insert(tx: Db, chunk: T[]): Promise<void>;
}

export interface CsvLoadResult {
  runId: string;
  dataset: Dataset;
  sourceFile: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsQuarantined: number;
  ms: number;
}

export async function loadCsvFile<T>(db: Db, spec: CsvLoadSpec<T>): Promise<CsvLoadResult> {
  const started = performance.now();
  const sourceFile = basename(spec.file);
  const checksum = await sha256File(spec.file);
  const [run] = await db
    .insert(dataSourceRun)
    .values({ dataset: spec.dataset, sourceFile, checksum, release: spec.release, isDemo: spec.isDemo, status: "running" })
    .returning({ id: dataSourceRun.id });
  const runId = run!.id;
  let rowsRead = 0;
  let rowsLoaded = 0;
  const quarantined = new Map<string, number>();
  const flush = async (chunk: T[]) => {
    if (chunk.length === 0) return;
    await db.transaction((tx) => spec.insert(tx, chunk));
    rowsLoaded += chunk.length;
  };

  try {
    const source = openCsv(spec.file);
    let chunk: T[] = [];
    for await (const record of source.records) {
      if (rowsRead === 0) assertColumns(sourceFile, source.header(), spec.requiredColumns);
      rowsRead++;
      const mapped = spec.map(record);
      if (!mapped.ok) {
        quarantined.set(mapped.reason, (quarantined.get(mapped.reason) ?? 0) + 1);
        continue;
      }
      chunk.push(mapped.value);
      if (chunk.length >= spec.chunkSize) {
        await flush(chunk);
        chunk = [];
      }
    }
    await flush(chunk);
  } catch (error) {
    await db
      .update(dataSourceRun)
      .set({ status: "failed", rowsRead, rowsLoaded, details: { error: String(error) }, finishedAt: new Date() })
      .where(eq(dataSourceRun.id, runId));
    throw error;
  }

  const rowsQuarantined = [...quarantined.values()].reduce((sum, n) => sum + n, 0);
  await db
    .update(dataSourceRun)
    .set({
      status: "succeeded",
      rowsRead,
      rowsLoaded,
      rowsQuarantined,
      details: rowsQuarantined > 0 ? { quarantineReasons: Object.fromEntries(quarantined) } : null,
      finishedAt: new Date(),
    })
    .where(eq(dataSourceRun.id, runId));
  return { runId, dataset: spec.dataset, sourceFile, rowsRead, rowsLoaded, rowsQuarantined, ms: performance.now() - started };
}
