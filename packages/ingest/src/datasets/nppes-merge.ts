// Merging an NPPES chunk: individuals into hcp, organisations into hco, stubs as a deactivation date on whichever
// holds the NPI (an unknown NPI becomes a typeless hcp row), taxonomy slots replaced per individual. Counts are
// per NPI: inserted if its main row is new, updated if any of its rows changed. The statements return counts, not
// keys: an NPI whose slots changed counts as updated unless this transaction already wrote its hcp row (its xmin).
import { sql } from "drizzle-orm";

import { hco, hcp, hcpTaxonomy, rowsOf, type Db } from "@pharmacrm/db";

import { upsertCounting, upsertStatement } from "../load/merge";
import { type StageSource } from "../load/stage";
import { type ChunkMerge } from "./types";

const centroid = {
  computed: { lat: sql`z.lat`, lng: sql`z.lng` },
  joins: sql`left join zip_centroid z on z.zip = r.practice_zip5`,
};

async function count(tx: Db, statement: ReturnType<typeof sql>): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`with changed as (${statement}) select count(*)::int as n from changed`),
  );
  return row?.n ?? 0;
}

/**
 * Replaces each individual's slots; returns the slots removed and the NPIs changed only through their slots. When
 * every individual of the chunk is new (a first load), none has slots to remove or to count.
 */
async function replaceSlots(
  tx: Db,
  source: StageSource,
  allNew: boolean,
): Promise<{ removed: number; slotsOnly: number }> {
  const upsert = { target: "taxonomy", table: hcpTaxonomy, conflict: ["npi", "slot"] } as const;
  if (allNew) {
    // Every NPI here was inserted by this chunk: its slots change nothing the counts do not already say.
    if (source.count("taxonomy") > 0) await upsertCounting(tx, upsert, source);
    return { removed: 0, slotsOnly: 0 };
  }
  // = any(array(…)) lets the planner probe the primary key per NPI; not in (…) becomes one hashed lookup.
  const stillFiled =
    source.count("slot") > 0
      ? sql`and (t.npi, t.slot) not in (select r.npi, r.slot from ${source.from("slot")})`
      : sql``;
  const removed = sql`delete from hcp_taxonomy t where t.npi = any(array(select r.npi from ${source.from("individual")})) ${stillFiled} returning t.npi`;
  const written =
    source.count("taxonomy") > 0
      ? upsertStatement(upsert, source, sql`npi`)
      : sql`select null::varchar as npi where false`;
  const [row] = rowsOf<{ removed: number; slotsOnly: number }>(
    await tx.execute(sql`with removed as (${removed}), written as (${written}),
      touched as (select npi from removed union select npi from written)
      select (select count(*) from removed)::int as "removed",
        count(*) filter (where not exists (select 1 from hcp h where h.npi = touched.npi and h.xmin = pg_current_xact_id()::xid))::int as "slotsOnly"
      from touched`),
  );
  return row ?? { removed: 0, slotsOnly: 0 };
}

export async function mergeNppesChunk(tx: Db, source: StageSource): Promise<ChunkMerge> {
  const people = await upsertCounting(
    tx,
    { target: "hcp", table: hcp, conflict: ["npi"], touch: "updatedAt", ...centroid },
    source,
  );
  const organizations = await upsertCounting(
    tx,
    { target: "hco", table: hco, conflict: ["npi"], touch: "updatedAt", ...centroid },
    source,
  );
  let inserted = people.inserted + organizations.inserted;
  let updated = people.updated + organizations.updated;

  if (source.count("stub") > 0) {
    updated += await count(
      tx,
      sql`update hco set deactivation_date = r.deactivation_date, updated_at = now() from ${source.from("stub")}
        where hco.npi = r.npi and hco.npi = any(array(select r.npi from ${source.from("stub")}))
          and hco.deactivation_date is distinct from r.deactivation_date returning hco.npi`,
    );
    // Only the dates: an HCP deactivated since an earlier file keeps its name and history.
    const stubs = await upsertCounting(
      tx,
      {
        target: "stub",
        table: hcp,
        conflict: ["npi"],
        touch: "updatedAt",
        where: sql`r.npi <> all(array(select hco.npi from hco where hco.npi = any(array(select r.npi from ${source.from("stub")}))))`,
      },
      source,
    );
    inserted += stubs.inserted;
    updated += stubs.updated;
  }

  if (source.count("individual") === 0) return { inserted, updated };
  const slots = await replaceSlots(tx, source, people.inserted === source.count("individual"));
  return {
    inserted,
    updated: updated + slots.slotsOnly,
    tallies: slots.removed > 0 ? { taxonomySlotsRemoved: slots.removed } : undefined,
  };
}
