// Reading runs and their quarantine: what a UI polls while a run goes and shows after it.
import { asc, desc, eq, sql } from "drizzle-orm";

import { dataSourceRun, ingestQuarantine, type Db } from "@pharmacrm/db";

import { type Dataset } from "../datasets/types";
import { detailsOf, type RunDetails, type RunRow } from "./details";

export type IngestionRun = Omit<RunRow, "details"> & {
  details: RunDetails;
  /** Share of the file's bytes committed, 0–100 (100 once succeeded). */
  percent: number;
};

export function toIngestionRun(run: RunRow): IngestionRun {
  const percent =
    run.status === "succeeded" ? 100 : run.fileSize > 0 ? Math.min(100, (run.bytesRead / run.fileSize) * 100) : 0;
  return { ...run, details: detailsOf(run), percent: Math.round(percent * 10) / 10 };
}

export async function getRun(db: Db, runId: string): Promise<IngestionRun | undefined> {
  const [run] = await db.select().from(dataSourceRun).where(eq(dataSourceRun.id, runId));
  return run ? toIngestionRun(run) : undefined;
}

export interface ListRunsOptions {
  dataset?: Dataset;
  limit?: number;
  offset?: number;
}

/** Most recent first. */
export async function listRuns(db: Db, options: ListRunsOptions = {}): Promise<IngestionRun[]> {
  const rows = await db
    .select()
    .from(dataSourceRun)
    .where(options.dataset ? eq(dataSourceRun.dataset, options.dataset) : undefined)
    .orderBy(desc(dataSourceRun.startedAt), desc(dataSourceRun.id))
    .limit(options.limit ?? 50)
    .offset(options.offset ?? 0);
  return rows.map(toIngestionRun);
}

export type QuarantinedRow = typeof ingestQuarantine.$inferSelect;

/** A run's quarantined rows in file order. */
export async function listQuarantine(
  db: Db,
  runId: string,
  options: { limit?: number; offset?: number } = {},
): Promise<QuarantinedRow[]> {
  return db
    .select()
    .from(ingestQuarantine)
    .where(eq(ingestQuarantine.runId, runId))
    .orderBy(asc(ingestQuarantine.line), asc(ingestQuarantine.id))
    .limit(options.limit ?? 100)
    .offset(options.offset ?? 0);
}

/** Quarantined rows per reason, commonest first. */
export async function quarantineSummary(
  db: Db,
  runId: string,
  limit = 10,
): Promise<{ reason: string; rows: number }[]> {
  return db
    .select({ reason: ingestQuarantine.reason, rows: sql<number>`count(*)::int` })
    .from(ingestQuarantine)
    .where(eq(ingestQuarantine.runId, runId))
    .groupBy(ingestQuarantine.reason)
    .orderBy(desc(sql`count(*)`), asc(ingestQuarantine.reason))
    .limit(limit);
}
