// The ranked totals (migration 0007): per drug name and per manufacturer, each HCP's total in ranking order, so that
// a search for "writes Eliquis" reads the top of an index. They are snapshots: whatever writes Part D or Open
// Payments rows refreshes them when it is done (the ingestion pipelines do, in the run's final transaction).
import { sql } from "drizzle-orm";
import type { Db } from "./client";

const VIEWS = { prescribing: "prescriber_drug_total", payments: "payee_manufacturer_total" } as const;

export async function refreshRankedTotals(db: Db, which: keyof typeof VIEWS): Promise<void> {
  await db.execute(sql.raw(`refresh materialized view ${VIEWS[which]}`));
}
