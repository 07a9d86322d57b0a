// Bookkeeping of ingestion runs: rows that failed validation, and the keys a run has loaded (for its duplicate rule).
import { bigserial, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { dataSourceRun } from "./lineage";

/** Rows that failed validation: kept with the reason, never loaded, never stopping the run. */
export const ingestQuarantine = pgTable(
  "ingest_quarantine",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    runId: uuid("run_id")
      .notNull()
      .references(() => dataSourceRun.id, { onDelete: "cascade" }),
    /** Physical line of the file where the row starts (the header is line 1). */
    line: integer("line").notNull(),
    /** The row exactly as written in the file. */
    rawRow: text("raw_row").notNull(),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("ingest_quarantine_run_line_idx").on(t.runId, t.line)],
);

/**
 * Keys a running run has loaded, with the line that supplied each: how a later duplicate in another chunk (or
 * after a resume) finds the line it duplicates. Emptied when the run succeeds. No foreign key: it is written for
 * every row, and a per-row referential check would cost more than the insert itself.
 */
export const ingestRunKey = pgTable(
  "ingest_run_key",
  {
    runId: uuid("run_id").notNull(),
    key: text("key").notNull(),
    line: integer("line").notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.key] })],
);
