// US ZIP centroids — GeoNames (geonames.org), CC-BY-4.0. Row mapping and an in-memory list for the generator.
import { readCsvObjects } from "@pharmacrm/ingest";

import { ZIP_CENTROIDS_FILE } from "./files";

export interface ZipCentroidValues {
  zip: string;
  lat: number;
  lng: number;
  city: string;
  state: string;
  county: string | null;
}

/** ZIPs are codes, not numbers: restore the leading zeros a spreadsheet round-trip may have dropped. */
export const normalizeZip5 = (value: string): string => value.trim().split(/[-.]/)[0]!.padStart(5, "0").slice(0, 5);

export function mapZipCentroidRecord(record: Record<string, string>): ZipCentroidValues | undefined {
  const lat = Number(record["latitude"]);
  const lng = Number(record["longitude"]);
  const zip = normalizeZip5(record["zip_code"] ?? "");
  if (!/^\d{5}$/.test(zip) || !Number.isFinite(lat) || !Number.isFinite(lng)) return undefined;
  const county = (record["county"] ?? "").trim();
  return {
    zip,
    lat,
    lng,
    city: (record["city"] ?? "").trim(),
    state: (record["state"] ?? "").trim(),
    county: county === "" ? null : county,
  };
}

export async function readZipCentroids(file = ZIP_CENTROIDS_FILE): Promise<ZipCentroidValues[]> {
  const centroids: ZipCentroidValues[] = [];
  for await (const record of readCsvObjects(file)) {
    const values = mapZipCentroidRecord(record);
    if (values) centroids.push(values);
  }
  return centroids;
}
