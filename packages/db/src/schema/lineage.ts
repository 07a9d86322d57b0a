// Where reference data came from: one row per loaded file.
import { boolean, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

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

export const dataSourceRun = pgTable("data_source_run", {
  id: uuid("id").primaryKey().defaultRandom(),
  dataset: datasetKind("dataset").notNull(),
  sourceFile: text("source_file").notNull(),
  /** SHA-256 of the file's bytes: identifies the run's input. */
  checksum: varchar("checksum", { length: 64 }).notNull(),
  /** The publisher's release label, e.g. "2025-11 monthly" or "PY2024". */
  release: text("release"),
  /** True for generated demo files, so the UI can mark them. */
  isDemo: boolean("is_demo").notNull().default(false),
  rowsRead: integer("rows_read").notNull().default(0),
  rowsLoaded: integer("rows_loaded").notNull().default(0),
  rowsUpdated: integer("rows_updated").notNull().default(0),
  rowsQuarantined: integer("rows_quarantined").notNull().default(0),
  status: varchar("status", { length: 16 }).notNull().default("running"),
  details: jsonb("details"),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});
