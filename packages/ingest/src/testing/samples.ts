// Test helpers shared by every package's tests: the real public CMS sample files carried in the repository
// (packages/ingest/fixtures/cms; the NUCC taxonomy and ZIP centroids are the demo's reference copies) and quick counts.
import { fileURLToPath } from "node:url";
import { sql, type SQL } from "drizzle-orm";

import { rowsOf, type Db } from "@pharmacrm/db";

const fixture = (path: string): string => fileURLToPath(new URL(`../../fixtures/cms/${path}`, import.meta.url));
const demoReference = (file: string): string =>
  fileURLToPath(new URL(`../../../demo/reference/${file}`, import.meta.url));

/** A sample file by its path in the CMS samples' layout (`nppes/…`, `open_payments/…`, `partd/…`, `nucc_taxonomy/…`, `zip_centroids/…`). */
export const cmsSample = (path: string): string => {
  const [folder, file] = path.split("/") as [string, string];
  return folder === "nucc_taxonomy" || folder === "zip_centroids" ? demoReference(file) : fixture(path);
};

export const NPPES_2025 = cmsSample("nppes/npidata_pfile_2025spring_first1000rows_pandas_reserialized.csv");
export const NPPES_2017 = cmsSample("nppes/npidata_20050523-20170813_subset10rows_noheader.csv");
export const NPPES_2017_HEADER = cmsSample("nppes/npidata_20050523-20170813FileHeader.csv");
export const PART_D_DIRTY = cmsSample("partd/USA_Presc_Medicare_Data_2021_COURSE_MODIFIED.csv");
export const OPEN_PAYMENTS_2024 = cmsSample("open_payments/OP_DTL_GNRL_PGYR2024_sample_first154rows.csv");
export const NUCC_251 = cmsSample("nucc_taxonomy/nucc_taxonomy_251.csv");
export const ZIP_CENTROIDS = cmsSample("zip_centroids/zipcodes_geonames_2017.csv");
export const PRACTICE_LOCATIONS = cmsSample("nppes/pl_pfile_20251103-20251109.csv");
export const OTHER_NAMES = cmsSample("nppes/othername_pfile_20251103-20251109.csv");
export const ENDPOINTS = cmsSample("nppes/endpoint_pfile_20251103-20251109.csv");

export async function query<T>(db: Db, statement: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(statement));
}

export async function count(db: Db, table: string, where: SQL = sql`true`): Promise<number> {
  const [row] = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`,
  );
  return row!.n;
}
