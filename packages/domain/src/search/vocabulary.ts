// The database's own words for the search: taxonomy names, Part D drug names, places and manufacturers (public
// reference data, cached per database handle for a few minutes) and the org's markets (tenant data, per call).
import { and, asc, eq, sql } from "drizzle-orm";

import { market, marketDrug, rowsOf as rows, taxonomy, type Db } from "@pharmacrm/db";

export interface TaxonomyTerm {
  code: string;
  classification: string;
  specialization: string | null;
  displayName: string;
}

export interface Place {
  /** Lower case, as typed. */
  city: string;
  state: string;
  /** Mean of the city's ZIP centroids, for "near <city>". */
  lat: number;
  lng: number;
  zipCount: number;
}

export interface ReferenceVocabulary {
  taxonomies: TaxonomyTerm[];
  /** Lower-case drug name (brand or generic) → the Part D brand and generic names it stands for. */
  drugs: Map<string, { brandNames: string[]; genericNames: string[] }>;
  /** The newest Part D data year, or null without prescribing data. */
  latestPartDYear: number | null;
  /** Lower-case city → its places, the state with most ZIPs first. */
  places: Map<string, Place[]>;
  manufacturers: string[];
}

export interface MarketTerm {
  id: string;
  name: string;
  brandNames: string[];
}

export interface SearchVocabulary extends ReferenceVocabulary {
  markets: MarketTerm[];
}

const TTL_MS = 10 * 60_000;
const cache = new WeakMap<Db, { at: number; vocabulary: Promise<ReferenceVocabulary> }>();

/** Forget the cached reference vocabulary, e.g. after an ingestion run. */
export function forgetSearchVocabulary(db: Db): void {
  cache.delete(db);
}

export function referenceVocabulary(db: Db): Promise<ReferenceVocabulary> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.vocabulary;
  const vocabulary = loadReferenceVocabulary(db);
  cache.set(db, { at: Date.now(), vocabulary });
  vocabulary.catch(() => cache.delete(db));
  return vocabulary;
}

export async function searchVocabulary(db: Db, orgId: string): Promise<SearchVocabulary> {
  const [reference, markets] = await Promise.all([referenceVocabulary(db), orgMarkets(db, orgId)]);
  return { ...reference, markets };
}

export async function orgMarkets(db: Db, orgId: string): Promise<MarketTerm[]> {
  const rows = await db
    .select({ id: market.id, name: market.name, brandName: marketDrug.brandName })
    .from(market)
    .leftJoin(marketDrug, and(eq(marketDrug.marketId, market.id), eq(marketDrug.orgId, orgId)))
    .where(eq(market.orgId, orgId))
    .orderBy(asc(market.name));
  const byId = new Map<string, MarketTerm>();
  for (const row of rows) {
    const term = byId.get(row.id) ?? { id: row.id, name: row.name, brandNames: [] };
    if (row.brandName) term.brandNames.push(row.brandName);
    byId.set(row.id, term);
  }
  return [...byId.values()];
}

// Distinct values of an indexed column by skipping through the index ("loose index scan"): a few thousand
// probes instead of reading every Part D or Open Payments row.
const distinctByIndex = (table: string, column: string) =>
  sql.raw(`
  with recursive d(v) as (
    (select ${column} from ${table} order by ${column} limit 1)
    union all
    select (select ${column} from ${table} where ${column} > d.v order by ${column} limit 1) from d where d.v is not null
  ) select v from d where v is not null`);

async function loadReferenceVocabulary(db: Db): Promise<ReferenceVocabulary> {
  const taxonomies = await db
    .select({
      code: taxonomy.code,
      classification: taxonomy.classification,
      specialization: taxonomy.specialization,
      displayName: taxonomy.displayName,
    })
    .from(taxonomy);
  const brands = await db.execute(sql`
    select b.v, (select max(year) from part_d_prescribing p where p.brand_name = b.v) as year
    from (${distinctByIndex("part_d_prescribing", "brand_name")}) b`);
  const drugs = new Map<string, { brandNames: string[]; genericNames: string[] }>();
  const entry = (key: string) => {
    const existing = drugs.get(key) ?? { brandNames: [], genericNames: [] };
    drugs.set(key, existing);
    return existing;
  };
  let latestPartDYear: number | null = null;
  for (const row of rows<{ v: string; year: number | null }>(brands)) {
    entry(row.v.toLowerCase()).brandNames.push(row.v);
    if (row.year !== null && (latestPartDYear === null || Number(row.year) > latestPartDYear))
      latestPartDYear = Number(row.year);
  }
  for (const row of rows<{ v: string }>(await db.execute(distinctByIndex("part_d_prescribing", "generic_name")))) {
    entry(row.v.toLowerCase()).genericNames.push(row.v);
  }
  const placeRows = await db.execute(sql`
    select lower(city) as city, state, avg(lat)::float8 as lat, avg(lng)::float8 as lng, count(*)::int as zips
    from zip_centroid group by lower(city), state order by count(*) desc`);
  const places = new Map<string, Place[]>();
  for (const p of rows<{ city: string; state: string; lat: number; lng: number; zips: number }>(placeRows)) {
    const list = places.get(p.city) ?? [];
    list.push({ city: p.city, state: p.state, lat: Number(p.lat), lng: Number(p.lng), zipCount: Number(p.zips) });
    places.set(p.city, list);
  }
  const manufacturers = rows<{ v: string }>(await db.execute(distinctByIndex("open_payment", "manufacturer_name"))).map(
    (r) => r.v,
  );
  return { taxonomies, drugs, latestPartDYear, places, manufacturers };
}
