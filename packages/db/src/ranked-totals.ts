// The ranked totals (migrations 0007–0008): per drug name and per manufacturer, each active individual HCP's total in
// ranking order, with the HCP's primary taxonomy, state and ZIP, so that "endocrinologist writes Ozempic" reads one
// index. They are snapshots: whatever writes Part D, Open Payments or NPPES rows refreshes them when it is done (the
// ingestion pipelines do, in the run's final transaction). ANALYZE keeps the planner's row estimates true.
import { sql } from "drizzle-orm";
import type { Db } from "./client";

const VIEWS = { prescribing: ["prescriber_drug_total"], payments: ["payee_manufacturer_total"], all: ["prescriber_drug_total", "payee_manufacturer_total"] } as const;

export async function refreshRankedTotals(db: Db, which: keyof typeof VIEWS): Promise<void> {
  for (const view of VIEWS[which]) {
    await db.execute(sql.raw(`refresh materialized view ${view}`));
    await db.execute(sql.raw(`analyze ${view}`));
  }
}
