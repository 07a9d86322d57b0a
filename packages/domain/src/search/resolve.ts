// Structured filters → the values the query needs: taxonomy codes, ZIP lists, Part D names, manufacturer names.
// Unknown words fail with a message a person can act on rather than an empty page.
import { and, eq, sql } from "drizzle-orm";

import { rowsOf as rows, zipCentroid, type Db } from "@pharmacrm/db";

import { DomainError } from "../errors";
import type { PhysicianSearchFilters } from "./input";
import { specialtySynonyms } from "./specialty-synonyms";
import type { SearchVocabulary } from "./vocabulary";

export interface ResolvedSearch {
  npi?: string;
  /** Lower-case name words (two letters or more). */
  nameTokens: string[];
  taxonomyCodes?: string[];
  /** City as ZIPs (from the centroids) plus the NPPES city name and state(s). */
  city?: { name: string; states: string[]; zips: string[] };
  state?: string;
  zip?: string;
  near?: { lat: number; lng: number; radiusMiles: number; zips: string[] };
  drug?: { label: string; brandNames: string[]; genericNames: string[] };
  /** `brandsOnly`: no brand name of the market is also a generic name, so its per-name ranked totals are brand totals. */
  market?: { id: string; name: string; brandNames: string[]; brandsOnly: boolean };
  minClaims: number;
  manufacturers?: string[];
  mine: boolean;
  notSeenDays?: number;
  semantic?: string;
  /** Brands of every market of the org: prescribing volume for ranking. */
  marketBrandNames: string[];
  /** No brand of the org's markets is also a generic name: their per-name ranked totals are brand totals. */
  marketBrandsOnly: boolean;
  partDYear: number | null;
}

const bad = (message: string) => new DomainError("BAD_REQUEST", message);

/** True when no brand name is also a generic name (the ranked totals then hold each brand's own claims). */
const brandsOnly = (brandNames: readonly string[], vocabulary: SearchVocabulary) =>
  brandNames.every((brand) => !vocabulary.drugs.get(brand.toLowerCase())?.genericNames.length);
const TAXONOMY_CODE = /^[0-9A-Z]{9}X$/i;

export async function resolveSearch(
  db: Db,
  filters: Partial<PhysicianSearchFilters>,
  vocabulary: SearchVocabulary,
): Promise<ResolvedSearch> {
  const resolved: ResolvedSearch = {
    npi: filters.npi,
    nameTokens: (filters.name ?? "")
      .toLowerCase()
      .replace(/^dr\.?\s+/, "")
      .split(/[\s,.]+/)
      .map((t) => t.replace(/[^\p{L}'’-]/gu, ""))
      .filter((t) => t.length >= 2),
    state: filters.state,
    zip: filters.zip,
    minClaims: filters.minClaims ?? 0,
    mine: filters.mine ?? false,
    notSeenDays: filters.notSeenDays,
    semantic: filters.semantic || undefined,
    marketBrandNames: [...new Set(vocabulary.markets.flatMap((m) => m.brandNames))],
    marketBrandsOnly: false,
    partDYear: vocabulary.latestPartDYear,
  };
  resolved.marketBrandsOnly = brandsOnly(resolved.marketBrandNames, vocabulary);
  if (filters.specialty?.length) resolved.taxonomyCodes = taxonomyCodes(filters.specialty, vocabulary);
  if (filters.city) resolved.city = await cityZips(db, filters.city, filters.state);
  if (filters.near) resolved.near = await nearZips(db, filters.near, filters.radiusMiles ?? 25);
  else if (filters.radiusMiles !== undefined && filters.zip) {
    resolved.near = await nearZips(db, { zip: filters.zip }, filters.radiusMiles);
    resolved.zip = undefined;
  }
  if (filters.drug) resolved.drug = drugNames(filters.drug, vocabulary);
  if (filters.marketId) {
    const found = vocabulary.markets.find((m) => m.id === filters.marketId);
    if (!found) throw bad("That market is not one of your organisation's markets.");
    resolved.market = { ...found, brandsOnly: brandsOnly(found.brandNames, vocabulary) };
  }
  if (filters.manufacturer) {
    const needle = filters.manufacturer.toLowerCase();
    const names = vocabulary.manufacturers.filter((m) => m.toLowerCase().includes(needle));
    if (names.length === 0) throw bad(`No manufacturer called “${filters.manufacturer}” has reported payments.`);
    resolved.manufacturers = names;
  }
  return resolved;
}

function taxonomyCodes(terms: readonly string[], vocabulary: SearchVocabulary): string[] {
  const codes = new Set<string>();
  for (const term of terms) {
    const lower = term.toLowerCase();
    const names = (specialtySynonyms[lower] ?? [term]).map((n) => n.toLowerCase());
    const matches = vocabulary.taxonomies.filter((t) =>
      TAXONOMY_CODE.test(term)
        ? t.code === term.toUpperCase()
        : names.some(
            (n) =>
              t.classification.toLowerCase() === n ||
              t.specialization?.toLowerCase() === n ||
              t.displayName.toLowerCase() === n,
          ),
    );
    if (matches.length === 0)
      throw bad(
        `No specialty called “${term}”. Try a taxonomy name such as Dermatology or a term such as “heart doctor”.`,
      );
    // A classification on its own ("Dermatology") covers its specializations too.
    for (const m of matches) {
      codes.add(m.code);
      if (!m.specialization && names.includes(m.classification.toLowerCase())) {
        for (const t of vocabulary.taxonomies) if (t.classification === m.classification) codes.add(t.code);
      }
    }
  }
  return [...codes].sort();
}

function drugNames(drug: string, vocabulary: SearchVocabulary) {
  const key = drug.toLowerCase();
  const exact = vocabulary.drugs.get(key);
  const entries = exact ? [[key, exact] as const] : [...vocabulary.drugs].filter(([name]) => name.startsWith(key));
  if (entries.length === 0) throw bad(`No Part D drug called “${drug}” in the prescribing data.`);
  const brandNames = [...new Set(entries.flatMap(([, d]) => d.brandNames))];
  const genericNames = [...new Set(entries.flatMap(([, d]) => d.genericNames))];
  return {
    label: brandNames.length === 1 ? brandNames[0]! : (genericNames[0] ?? brandNames[0] ?? drug),
    brandNames,
    genericNames,
  };
}

async function cityZips(db: Db, city: string, state: string | undefined) {
  const found = await db
    .select({ zip: zipCentroid.zip, state: zipCentroid.state })
    .from(zipCentroid)
    .where(
      and(sql`lower(${zipCentroid.city}) = ${city.toLowerCase()}`, state ? eq(zipCentroid.state, state) : undefined),
    );
  return {
    name: city.toUpperCase(),
    states: state ? [state] : [...new Set(found.map((f) => f.state))],
    zips: found.map((f) => f.zip),
  };
}

const EARTH_RADIUS_MILES = 3958.8;

/** Great-circle distance in miles between two SQL lat/lng expressions and a point. */
export const distanceMilesSql = (lat: unknown, lng: unknown, point: { lat: number; lng: number }) =>
  sql`(${EARTH_RADIUS_MILES}::float8 * 2 * asin(sqrt(power(sin(radians(${lat} - ${point.lat}::float8) / 2), 2) + cos(radians(${point.lat}::float8)) * cos(radians(${lat})) * power(sin(radians(${lng} - ${point.lng}::float8) / 2), 2))))`;

async function nearZips(db: Db, near: NonNullable<PhysicianSearchFilters["near"]>, radiusMiles: number) {
  let point: { lat: number; lng: number };
  if ("zip" in near) {
    const [centroid] = await db
      .select({ lat: zipCentroid.lat, lng: zipCentroid.lng })
      .from(zipCentroid)
      .where(eq(zipCentroid.zip, near.zip));
    if (!centroid) throw bad(`ZIP ${near.zip} is not a US ZIP code we know.`);
    point = centroid;
  } else point = near;
  // A bounding box first (cheap), then the exact distance.
  const dLat = radiusMiles / 69;
  const dLng = radiusMiles / (69 * Math.max(0.1, Math.cos((point.lat * Math.PI) / 180)));
  const zips = rows<{ zip: string }>(
    await db.execute(sql`
      select zip from zip_centroid
      where lat between ${point.lat - dLat}::float8 and ${point.lat + dLat}::float8 and lng between ${point.lng - dLng}::float8 and ${point.lng + dLng}::float8
        and ${distanceMilesSql(sql.raw("lat"), sql.raw("lng"), point)} <= ${radiusMiles}::float8`),
  ).map((r) => r.zip);
  return { ...point, radiusMiles, zips };
}
