// The ranked totals (migrations 0007–0008): per drug name and per manufacturer, each active individual HCP's total in
// ranking order, with the HCP's primary taxonomy, state and ZIP, so that "endocrinologist writes Ozempic" reads one
// index. They are snapshots: whatever writes Part D, Open Payments or NPPES rows refreshes them when it is done (the
// ingestion pipelines do, in the run's final transaction).
import { sql } from "drizzle-orm";

import type { Db } from "./client";
import { currentRole, relationsNotMaintainable } from "./relation-owner";

const VIEWS = {
  prescribing: { views: ["prescriber_drug_total"], sources: ["hcp", "part_d_prescribing"] },
  payments: { views: ["payee_manufacturer_total"], sources: ["hcp", "open_payment"] },
  all: {
    views: ["prescriber_drug_total", "payee_manufacturer_total"],
    sources: ["hcp", "part_d_prescribing", "open_payment"],
  },
} as const;

/**
 * Analyzes the sources, then refreshes and analyzes the views. Those the connected role may not maintain (server
 * mode's pharmacrm_app on PostgreSQL before 17, which has no MAINTAIN privilege) are skipped with a warning, not an
 * error: the load itself is done, and the totals stay as they were until the owner refreshes them. Returns the views
 * skipped.
 */
export async function refreshRankedTotals(db: Db, which: keyof typeof VIEWS): Promise<string[]> {
  const { views, sources } = VIEWS[which];
  const blocked = new Set(await relationsNotMaintainable(db, [...sources, ...views]));
  // Statistics first: right after a load they describe the tables before it (PGlite has no autovacuum), and a
  // planner that thinks hcp is empty joins it by nested loop — 22 s instead of 20 ms for the demo's payments.
  for (const table of sources) if (!blocked.has(table)) await db.execute(sql.raw(`analyze ${table}`));
  for (const view of views) {
    if (blocked.has(view)) continue;
    await db.execute(sql.raw(`refresh materialized view ${view}`));
    await db.execute(sql.raw(`analyze ${view}`));
  }
  const skipped = views.filter((view) => blocked.has(view));
  if (skipped.length > 0) {
    console.warn(
      `[db] Ranked totals not refreshed (${skipped.join(", ")}): the database role ${await currentRole(db)} neither owns them nor holds MAINTAIN ` +
        `(PostgreSQL 17+). Search keeps the totals from before this load until the owner runs REFRESH MATERIALIZED VIEW ${skipped.join(", ")}.`,
    );
  }
  return skipped;
}
