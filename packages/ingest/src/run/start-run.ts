// Starting a run: the file's checksum identifies it, so starting the same file again returns the existing run
// (finished: a no-op; unfinished: resumable). Header, layout, required columns and data year are checked up front;
// a file that cannot be loaded fails its run before any row is read.
import { stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { and, eq } from "drizzle-orm";
import { type PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";

import { dataSourceRun, driverOf, type Db } from "@pharmacrm/db";

import { sha256Files } from "../csv/checksum";
import { DATASETS, pipelines } from "../datasets";
import { type Dataset } from "../datasets/types";
import { IngestionError } from "../errors";
import { dropSecondaryIndexes, isBulkLoad, mayDeferIndexes, restoreLeftoverIndexes } from "../load/deferred-indexes";
import { detailsOf, type RunDetails, type RunRow } from "./details";
import { toIngestionRun, type IngestionRun } from "./queries";
import { openSession, readHeaderInfo } from "./session";

export const startRunInput = z.object({
  dataset: z.enum(DATASETS as [Dataset, ...Dataset[]]),
  /** The CSV file to load. */
  file: z.string().min(1),
  /** A separate header file, for files without a header row (NPPES 2017). */
  headerFile: z.string().min(1).optional(),
  /** Data year where the file does not say (Part D). */
  year: z.number().int().optional(),
  /** Release label; by default derived from the file name or content. */
  release: z.string().min(1).optional(),
  /** Generated demo data, marked as such in the UI. */
  isDemo: z.boolean().optional(),
  /** Load in bulk (indexes built at the end) or row by row; by default bulk when the file outsizes its tables. Bulk
   * needs the tables' owner: another database role loads row by row whatever this says. */
  bulk: z.boolean().optional(),
  /** Who asked: the platform operator's user id in the app; none for the CLI, the seed or a raw job event. */
  startedBy: z.uuid().nullish(),
  /** How the run was asked for; a server-side program (the CLI) unless said otherwise. */
  startedVia: z.enum(["app", "cli", "seed", "event"]).default("cli"),
  /** Where the file came from, as runs show it (a path inside the import folder, a URL's host and path, "upload");
   * by default the file's name. Never an absolute server path. */
  sourceLocation: z.string().min(1).max(500).optional(),
});

export type StartRunInput = z.input<typeof startRunInput>;

async function fileSize(file: string): Promise<number> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new IngestionError(`${basename(file)} is not a file`);
    return info.size;
  } catch (error) {
    if (error instanceof IngestionError) throw error;
    throw new IngestionError(
      `${basename(file)} cannot be read (${(error as NodeJS.ErrnoException).code ?? "unknown error"})`,
    );
  }
}

async function findRun(db: Db, dataset: Dataset, checksum: string): Promise<RunRow | undefined> {
  const [run] = await db
    .select()
    .from(dataSourceRun)
    .where(and(eq(dataSourceRun.dataset, dataset), eq(dataSourceRun.checksum, checksum)));
  return run;
}

/** Starts a run for a file, or returns the run that already has (or is loading) this exact file. */
export async function startRun(db: Db, input: StartRunInput): Promise<IngestionRun> {
  return toIngestionRun(await openRun(db, input));
}

/** startRun, returning the stored row. */
export async function openRun(db: Db, input: StartRunInput): Promise<RunRow> {
  const options = startRunInput.parse(input);
  const file = resolve(options.file);
  const headerFile = options.headerFile ? resolve(options.headerFile) : null;
  const size = await fileSize(file);
  if (headerFile) await fileSize(headerFile);
  const checksumStarted = performance.now();
  const checksum = await sha256Files(...(headerFile ? [headerFile, file] : [file]));
  const checksumMs = Math.round(performance.now() - checksumStarted);

  const existing = await findRun(db, options.dataset, checksum);
  const untouched = existing && existing.status === "failed" && existing.rowsRead === 0;
  if (existing && !untouched) {
    if (
      options.year !== undefined &&
      existing.dataYear !== null &&
      existing.dataYear !== options.year &&
      existing.dataset === "part_d"
    ) {
      throw new IngestionError(
        `${basename(file)} was already loaded as data year ${existing.dataYear} (run ${existing.id})`,
      );
    }
    if (existing.filePath !== file || existing.headerFilePath !== headerFile) {
      // Same bytes at another path: continue from wherever the file is now.
      const [moved] = await db
        .update(dataSourceRun)
        .set({ filePath: file, headerFilePath: headerFile })
        .where(eq(dataSourceRun.id, existing.id))
        .returning();
      return moved!;
    }
    return existing;
  }

  const base = {
    dataset: options.dataset,
    sourceFile: basename(file),
    checksum,
    isDemo: options.isDemo ?? false,
    filePath: file,
    headerFilePath: headerFile,
    fileSize: size,
    startedBy: options.startedBy ?? null,
    startedVia: options.startedVia,
    sourceLocation: options.sourceLocation ?? basename(file),
  };
  const driver = driverOf(db)?.driver === "postgres" ? "postgres" : "pglite";
  let values: typeof dataSourceRun.$inferInsert;
  let estimatedRows = 0;
  try {
    const header = await readHeaderInfo(file, headerFile);
    const pipeline = pipelines[options.dataset];
    const description = pipeline.describe({
      fileName: file,
      year: options.year,
      firstRow: header.firstRow
        ? openSession(options.dataset, header.fields, file, null).readRecord(header.firstRow.fields)
        : undefined,
    });
    const session = openSession(options.dataset, header.fields, file, description.dataYear);
    const firstRowBytes = header.firstRow ? header.firstRow.end - header.dataStart : 0;
    estimatedRows = firstRowBytes > 0 ? Math.round((size - header.dataStart) / firstRowBytes) : 0;
    const details: RunDetails = {
      columns: header.fields.length,
      unknownColumns: session.columns.unknown,
      headerFile: headerFile ? basename(headerFile) : null,
      duplicateRule: pipeline.duplicateRule,
      chunks: 0,
      driver,
      timings: { checksumMs, readMs: 0, writeMs: 0 },
    };
    values = {
      ...base,
      release: options.release ?? description.release,
      status: "running",
      layout: session.columns.layout,
      dataYear: description.dataYear,
      bytesRead: header.dataStart,
      lastLine: header.dataLine - 1,
      details,
    };
  } catch (error) {
    if (!(error instanceof IngestionError)) throw error;
    // Recorded so the failure shows where runs are listed; starting again with better options replaces it.
    values = {
      ...base,
      release: options.release ?? null,
      status: "failed",
      error: error.message,
      finishedAt: new Date(),
      details: { driver },
    };
    await saveRun(db, values, existing);
    throw error;
  }
  await restoreLeftoverIndexes(db);
  const run = await saveRun(db, values, existing);
  const tables = pipelines[options.dataset].bulkTables ?? [];
  const bulk = options.bulk ?? (await isBulkLoad(db, tables, estimatedRows));
  if (!bulk || tables.length === 0 || run.rowsRead > 0) return run;
  // Server mode's app role does not own the tables: it loads row by row instead (and says so).
  return (await mayDeferIndexes(db, tables, `run ${run.id} (${run.dataset}, ${run.sourceFile})`))
    ? startBulkLoad(db, run, tables)
    : run;
}

/** Drops the tables' secondary indexes and records them with the run, in one transaction. */
async function startBulkLoad(db: Db, run: RunRow, tables: readonly PgTable[]): Promise<RunRow> {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(dataSourceRun).where(eq(dataSourceRun.id, run.id)).for("update");
    // Another caller that opened the same run a moment ago has started it already.
    if (!locked || locked.rowsRead > 0 || detailsOf(locked).bulk) return locked ?? run;
    const deferredIndexes = await dropSecondaryIndexes(tx, tables);
    const [updated] = await tx
      .update(dataSourceRun)
      .set({ details: { ...detailsOf(locked), bulk: true, deferredIndexes } })
      .where(eq(dataSourceRun.id, run.id))
      .returning();
    return updated!;
  });
}

async function saveRun(
  db: Db,
  values: typeof dataSourceRun.$inferInsert,
  existing: RunRow | undefined,
): Promise<RunRow> {
  if (existing) {
    const [updated] = await db
      .update(dataSourceRun)
      .set({
        ...values,
        startedAt: new Date(),
        updatedAt: new Date(),
        finishedAt: values.finishedAt ?? null,
        error: values.error ?? null,
      })
      .where(eq(dataSourceRun.id, existing.id))
      .returning();
    return updated!;
  }
  const [inserted] = await db.insert(dataSourceRun).values(values).onConflictDoNothing().returning();
  // Another process started the same file a moment ago: use its run.
  return inserted ?? (await findRun(db, values.dataset, values.checksum))!;
}
