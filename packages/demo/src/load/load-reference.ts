// Loads the public reference files shipped with the package: NUCC taxonomy and ZIP centroids
// (ZIP centroids: GeoNames (geonames.org), CC-BY-4.0).
import { taxonomy, zipCentroid, type Db } from "@pharmacrm/db";
import { NUCC_COLUMNS, mapNuccRecord } from "../reference-data/nucc";
import { NUCC_TAXONOMY_FILE, NUCC_TAXONOMY_RELEASE, ZIP_CENTROIDS_FILE, ZIP_CENTROIDS_RELEASE } from "../reference-data/files";
import { ZIP_CENTROID_COLUMNS, mapZipCentroidRecord } from "../reference-data/zip-centroids";
import { insertInBatches } from "./batch-insert";
import { loadCsvFile, type CsvLoadResult } from "./load-csv-file";

export function loadNuccTaxonomy(db: Db, file = NUCC_TAXONOMY_FILE): Promise<CsvLoadResult> {
  return loadCsvFile(db, {
    dataset: "nucc_taxonomy",
    file,
    release: NUCC_TAXONOMY_RELEASE,
    isDemo: false,
    requiredColumns: NUCC_COLUMNS,
    chunkSize: 5_000,
    map: (record) => {
      const values = mapNuccRecord(record);
      return /^[0-9A-Z]{9}X$/.test(values.code) ? { ok: true, value: values } : { ok: false, reason: "invalid taxonomy code" };
    },
    insert: (tx, chunk) => insertInBatches(tx, taxonomy, chunk, { onConflict: "skip" }),
  });
}

export function loadZipCentroids(db: Db, file = ZIP_CENTROIDS_FILE): Promise<CsvLoadResult> {
  return loadCsvFile(db, {
    dataset: "zip_centroids",
    file,
    release: ZIP_CENTROIDS_RELEASE,
    isDemo: false,
    requiredColumns: ZIP_CENTROID_COLUMNS,
    chunkSize: 10_000,
    map: (record) => {
      const values = mapZipCentroidRecord(record);
      return values ? { ok: true, value: values } : { ok: false, reason: "invalid ZIP or coordinates" };
    },
    insert: (tx, chunk) => insertInBatches(tx, zipCentroid, chunk, { onConflict: "skip" }),
  });
}

export async function loadReferenceData(db: Db): Promise<CsvLoadResult[]> {
  return [await loadNuccTaxonomy(db), await loadZipCentroids(db)];
}
