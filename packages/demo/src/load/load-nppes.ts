// Loads an NPPES main file: individuals and deactivated stubs into hcp, organisations into hco, every
// taxonomy slot into hcp_taxonomy; practice lat/lng from zip_centroid (which must be loaded first).
import { hco, hcp, hcpTaxonomy, zipCentroid, type Db } from "@pharmacrm/db";
import { insertInBatches } from "./batch-insert";
import { loadCsvFile, type CsvLoadResult } from "./load-csv-file";
import { NPPES_REQUIRED_COLUMNS, mapNppesRecord, type CentroidLookup, type NppesMapped } from "./map-nppes";

type Entity = Exclude<NppesMapped, { kind: "quarantine" }>;

export async function centroidLookup(db: Db): Promise<CentroidLookup> {
  const rows = await db.select({ zip: zipCentroid.zip, lat: zipCentroid.lat, lng: zipCentroid.lng }).from(zipCentroid);
  const byZip = new Map(rows.map((row) => [row.zip, { lat: row.lat, lng: row.lng }]));
  return (zip5) => byZip.get(zip5);
}

export interface NppesLoadResult extends CsvLoadResult {
  individuals: number;
  organizations: number;
  deactivated: number;
}

export async function loadNppesFile(db: Db, options: { file: string; release: string; isDemo: boolean }): Promise<NppesLoadResult> {
  const centroidOf = await centroidLookup(db);
  const counts = { individuals: 0, organizations: 0, deactivated: 0 };
  const result = await loadCsvFile<Entity>(db, {
    dataset: "nppes",
    ...options,
    requiredColumns: NPPES_REQUIRED_COLUMNS,
    chunkSize: 2_000,
    map: (record) => {
      const mapped = mapNppesRecord(record, centroidOf);
      return mapped.kind === "quarantine" ? { ok: false, reason: mapped.reason } : { ok: true, value: mapped };
    },
    insert: async (tx, chunk) => {
      const hcps = chunk.flatMap((entity) => (entity.kind === "hcp" ? [entity.hcp] : []));
      const hcos = chunk.flatMap((entity) => (entity.kind === "hco" ? [entity.hco] : []));
      const taxonomies = chunk.flatMap((entity) => (entity.kind === "hcp" ? entity.taxonomies : []));
      await insertInBatches(tx, hcp, hcps, { onConflict: "skip" });
      await insertInBatches(tx, hcpTaxonomy, taxonomies, { onConflict: "skip" });
      await insertInBatches(tx, hco, hcos, { onConflict: "skip" });
      for (const row of hcps) {
        if (row.entityType === 1) counts.individuals++;
        else counts.deactivated++;
      }
      counts.organizations += hcos.length;
    },
  });
  return { ...result, ...counts };
}
