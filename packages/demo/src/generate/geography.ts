// Metro membership of ZIPs by haversine distance between GeoNames centroids and metro centres.
// ZIP centroids: GeoNames (geonames.org), CC-BY-4.0.
import { type ZipCentroidValues } from "../reference-data/zip-centroids";
import { METRO_RADIUS_MILES, METROS, type Metro } from "./catalog/metros";
import { isStateOrDc } from "./catalog/states";

const EARTH_RADIUS_MILES = 3958.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

export function haversineMiles(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface MetroZip {
  centroid: ZipCentroidValues;
  miles: number;
}

/**
 * Each metro's ZIPs (centroid within the radius), sorted by ZIP. A ZIP near two metros goes to the nearer one
 * so that territories built on different metros never share a ZIP.
 */
export function zipsByMetro(
  centroids: readonly ZipCentroidValues[],
  metros: readonly Metro[] = METROS,
): Map<string, MetroZip[]> {
  const result = new Map<string, MetroZip[]>(metros.map((metro) => [metro.key, []]));
  for (const centroid of centroids) {
    let best: { metro: Metro; miles: number } | undefined;
    for (const metro of metros) {
      const miles = haversineMiles(centroid, metro);
      if (miles <= METRO_RADIUS_MILES && (!best || miles < best.miles)) best = { metro, miles };
    }
    if (best) result.get(best.metro.key)!.push({ centroid, miles: best.miles });
  }
  for (const zips of result.values()) zips.sort((a, b) => a.centroid.zip.localeCompare(b.centroid.zip));
  return result;
}

/** ZIPs for the national spread: the 50 states and DC, outside every metro. */
export function nationalZips(
  centroids: readonly ZipCentroidValues[],
  metroZips: Map<string, MetroZip[]>,
): ZipCentroidValues[] {
  const inMetro = new Set([...metroZips.values()].flatMap((zips) => zips.map((z) => z.centroid.zip)));
  return centroids
    .filter((c) => isStateOrDc(c.state) && !inMetro.has(c.zip))
    .sort((a, b) => a.zip.localeCompare(b.zip));
}
