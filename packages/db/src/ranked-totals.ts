// The ranked totals (migrations 0007–0008): per drug name and per manufacturer, each active individual HCP's total in
// ranking order, with the HCP's primary taxonomy, state and ZIP, so that "endocrinologist writes Ozempic" reads one
// index. They are snapshots: whatever writes Part D, Open Payments or NPPES rows refreshes them when it is done (the
// ingestion pipelines do, in the run's final transaction).
import { sql } from "drizzle-orm";
import type { Db } from "./client";

const VIEWS = {
  prescribing: { views: ["prescriber_drug_total"], sources: ["hcp", "part_d_prescribing"] },
  payments: { views: ["payee_manufacturer_total"], sources: ["hcp", "open_payment"] },
  all: { views: ["prescriber_drug_total", "payee_manufacturer_total"], sources: ["hcp", "part_d_prescribing", "open_payment"] },
} as const;

export async function refreshRankedTotals(db: Db, which: keyof typeof VIEWS): Promise<void> {
  const { views, sources } = VIEWS[which];
  // Statistics first: right after a load they describe the tables before it (PGlite has no autovacuum), and a
  // planner that thinks hcp is empty joins it by nested loop — 22 s instead of 20 ms for the demo's payments.
  for (const table of sources) await db.execute(sql.raw(`analyze ${table}`));
  for (const view of views) {
    await db.execute(sql.raw(`refresh materialized view ${view}`));
    await db.execute(sql.raw(`analyze ${view}`));
  }
}
