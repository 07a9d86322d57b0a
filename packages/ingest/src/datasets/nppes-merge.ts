// Merging an NPPES chunk: individuals into hcp, organisations into hco, stubs as a deactivation date on whichever
// holds the NPI (an unknown NPI becomes a typeless hcp row), taxonomy slots replaced per individual. Counts are
// per NPI: inserted if its main row is new, updated if any of its rows changed.
import { hco, hcp, hcpTaxonomy, rowsOf, type Db } from "@pharmacrm/db";
import { sql } from "drizzle-orm";
import { upsertReturningKeys } from "../load/merge";
import { type StageSource } from "../load/stage";
import { type ChunkMerge } from "./types";

const centroid = { computed: { lat: sql`z.lat`, lng: sql`z.lng` }, joins: sql`left join zip_centroid z on z.zip = r.practice_zip5` };

export async function mergeNppesChunk(tx: Db, source: StageSource): Promise<ChunkMerge> {
  const inserted = new Set<string>();
  const changed = new Set<string>();
  const note = (result: { inserted: string[]; updated: string[] }) => {
    result.inserted.forEach((npi) => inserted.add(npi));
    result.updated.forEach((npi) => changed.add(npi));
  };

  note(await upsertReturningKeys(tx, { target: "hcp", table: hcp, conflict: ["npi"], touch: "updatedAt", ...centroid }, source, "npi"));
  note(await upsertReturningKeys(tx, { target: "hco", table: hco, conflict: ["npi"], touch: "updatedAt", ...centroid }, source, "npi"));

  if (source.count("stub") > 0) {
    const organizations = rowsOf<{ npi: string }>(
      await tx.execute(sql`update hco set deactivation_date = r.deactivation_date, updated_at = now() from ${source.from("stub")}
        where hco.npi = r.npi and hco.deactivation_date is distinct from r.deactivation_date returning hco.npi`),
    );
    organizations.forEach((row) => changed.add(row.npi));
    // Only the dates: an HCP deactivated since an earlier file keeps its name and history.
    note(
      await upsertReturningKeys(
        tx,
        { target: "stub", table: hcp, conflict: ["npi"], touch: "updatedAt", where: sql`not exists (select 1 from hco where hco.npi = r.npi)` },
        source,
        "npi",
      ),
    );
  }

  let slotsRemoved = 0;
  if (source.count("individual") > 0) {
    // = any(array(…)) lets the planner probe the primary key per NPI; not in (…) becomes one hashed lookup.
    const stillFiled =
      source.count("slot") > 0 ? sql`and (t.npi, t.slot) not in (select r.npi, r.slot from ${source.from("slot")})` : sql``;
    const removed = rowsOf<{ npi: string }>(
      await tx.execute(sql`delete from hcp_taxonomy t where t.npi = any(array(select r.npi from ${source.from("individual")})) ${stillFiled}
        returning t.npi`),
    );
    slotsRemoved = removed.length;
    removed.forEach((row) => changed.add(row.npi));
  }
  const slots = await upsertReturningKeys(tx, { target: "taxonomy", table: hcpTaxonomy, conflict: ["npi", "slot"] }, source, "npi");
  [...slots.inserted, ...slots.updated].forEach((npi) => changed.add(npi));

  for (const npi of inserted) changed.delete(npi);
  return { inserted: inserted.size, updated: changed.size, tallies: slotsRemoved > 0 ? { taxonomySlotsRemoved: slotsRemoved } : undefined };
}
