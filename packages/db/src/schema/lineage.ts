// Where reference data came from: one row per loaded file. An ingestion run is identified by the file's checksum
// and checkpoints its progress here, so a UI can poll it and a killed run resumes where it stopped.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

import { appUser } from "./org";

export const datasetKind = pgEnum("dataset_kind", [
  "nppes",
  "nppes_practice_location",
  "nppes_other_name",
  "nppes_endpoint",
  "part_d",
  "open_payments",
  "nucc_taxonomy",
  "zip_centroids",
]);

export const dataSourceRun = pgTable(
  "data_source_run",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dataset: datasetKind("dataset").notNull(),
    sourceFile: text("source_file").notNull(),
    /** SHA-256 of the file's bytes (of the header file's, then the data file's, when the header is separate). */
    checksum: varchar("checksum", { length: 64 }).notNull(),
    /** The publisher's release label, e.g. "2025-11 monthly" or "PY2024". */
    release: text("release"),
    /** True for generated demo files, so the UI can mark them. */
    isDemo: boolean("is_demo").notNull().default(false),
    /** Data rows read so far (header excluded) = loaded + updated + unchanged + quarantined. */
    rowsRead: integer("rows_read").notNull().default(0),
    /** Rows that created a new record. */
    rowsLoaded: integer("rows_loaded").notNull().default(0),
    /** Rows that changed an existing record. */
    rowsUpdated: integer("rows_updated").notNull().default(0),
    /** Valid rows identical to what was already stored. */
    rowsUnchanged: integer("rows_unchanged").notNull().default(0),
    rowsQuarantined: integer("rows_quarantined").notNull().default(0),
    /** running → succeeded | failed; a failed or interrupted run resumes from its checkpoint. */
    status: varchar("status", { length: 16 }).notNull().default("running"),
    /** Why the run failed, in words a person can act on. */
    error: text("error"),
    /** Layout detected from the header, e.g. "nppes-2017" or "part-d-legacy". */
    layout: varchar("layout", { length: 40 }),
    /** Part D data year or Open Payments program year. */
    dataYear: smallint("data_year"),
    /** Absolute paths, so a run can be resumed by id alone. */
    filePath: text("file_path"),
    headerFilePath: text("header_file_path"),
    fileSize: bigint("file_size", { mode: "number" }).notNull().default(0),
    /** Checkpoint: bytes of the file whose rows are committed; progress = bytes_read / file_size. */
    bytesRead: bigint("bytes_read", { mode: "number" }).notNull().default(0),
    /** Checkpoint: physical lines committed (header included); the next row starts on line last_line + 1. */
    lastLine: integer("last_line").notNull().default(0),
    details: jsonb("details"),
    /** Who started the run: a platform operator in the app; null for the CLI, the demo seed or a raw job event. */
    startedBy: uuid("started_by").references(() => appUser.id),
    /** How: 'app' (the Data screen), 'cli' (pnpm ingest), 'seed' (the demo seed) or 'event' (a job event sent
     *  directly); null for runs recorded before this was kept. */
    startedVia: varchar("started_via", { length: 16 }),
    /** Where the file came from, for display: its path inside the import folder, "host/path" of a URL (no query),
     *  or "upload". Never an absolute server path (file_path is that, for resuming, and is never shown). */
    sourceLocation: text("source_location"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    /** Last checkpoint (or status change): lets a UI tell a live run from a stalled one. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("data_source_run_dataset_checksum_uq").on(t.dataset, t.checksum),
    index("data_source_run_started_idx").on(t.startedAt),
    check("data_source_run_status_check", sql`${t.status} in ('running', 'succeeded', 'failed')`),
    check("data_source_run_started_via_check", sql`${t.startedVia} in ('app', 'cli', 'seed', 'event')`),
  ],
);
