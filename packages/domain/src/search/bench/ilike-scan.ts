// The comparison for the benchmark: the same filters the way a simple directory does them, with ILIKE on
// names, cities and drug/manufacturer names, distance computed per row, name order, and an exact count.
import { sql, type SQL } from "drizzle-orm";

import { rowsOf, type Db } from "@pharmacrm/db";

import { zipInScope, type Scope } from "../../scope";
import { physicianSearchInput, type PhysicianSearchInput } from "../input";
import { parseSearchText } from "../parse-query";
import { mergeFilters } from "../search-physicians";
import { specialtySynonyms } from "../specialty-synonyms";
import { searchVocabulary } from "../vocabulary";

const contains = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Matches (exact count) for the same filters, computed by scanning with ILIKE. */
export async function ilikeScan(db: Db, scope: Scope, raw: PhysicianSearchInput): Promise<number> {
  const input = physicianSearchInput.parse(raw);
  const vocabulary = await searchVocabulary(db, scope.orgId);
  const parsed = input.text ? parseSearchText(input.text, vocabulary).filters : {};
  const f = mergeFilters(parsed, input);
  const where: SQL[] = [sql`h.entity_type = 1`, sql`h.deactivation_date is null`];
  if (f.npi) where.push(sql`h.npi = ${f.npi}`);
  for (const token of (f.name ?? "").split(/\s+/).filter(Boolean))
    where.push(sql`(h.last_name ilike ${contains(token)} or h.first_name ilike ${contains(token)})`);
  if (f.specialty?.length) {
    const names = f.specialty.flatMap((s) => specialtySynonyms[s.toLowerCase()] ?? [s]);
    where.push(
      sql`(${sql.join(
        names.map((n) => sql`(t.classification ilike ${contains(n)} or t.specialization ilike ${contains(n)})`),
        sql` or `,
      )})`,
    );
  }
  if (f.city) where.push(sql`h.practice_city ilike ${contains(f.city)}`);
  if (f.state) where.push(sql`h.practice_state = ${f.state}`);
  if (f.zip) where.push(sql`h.practice_zip5 = ${f.zip}`);
  if (f.near) {
    const point =
      "zip" in f.near
        ? sql`(select lat from zip_centroid where zip = ${f.near.zip}), (select lng from zip_centroid where zip = ${f.near.zip})`
        : sql`${f.near.lat}::float8, ${f.near.lng}::float8`;
    where.push(sql`(select 3958.8 * 2 * asin(sqrt(power(sin(radians(h.lat - p.lat) / 2), 2) + cos(radians(p.lat)) * cos(radians(h.lat)) * power(sin(radians(h.lng - p.lng) / 2), 2)))
      from (select ${point}) as p(lat, lng)) <= ${f.radiusMiles ?? 25}::float8`);
  }
  if (f.drug)
    where.push(
      sql`exists (select 1 from part_d_prescribing p where p.npi = h.npi and (p.brand_name ilike ${contains(f.drug)} or p.generic_name ilike ${contains(f.drug)}) and p.total_claims >= ${f.minClaims ?? 0}::int)`,
    );
  if (f.marketId)
    where.push(
      sql`exists (select 1 from part_d_prescribing p join market_drug md on md.brand_name = p.brand_name where p.npi = h.npi and md.market_id = ${f.marketId}::uuid)`,
    );
  if (f.manufacturer)
    where.push(
      sql`exists (select 1 from open_payment o where o.npi = h.npi and o.manufacturer_name ilike ${contains(f.manufacturer)})`,
    );
  if (f.mine) where.push(zipInScope(scope, sql.raw("h.practice_zip5")));
  const from = sql`from hcp h left join taxonomy t on t.code = h.primary_taxonomy_code where ${sql.join(where, sql` and `)}`;
  await db.execute(
    sql`select h.npi, h.last_name, h.first_name ${from} order by h.last_name, h.first_name, h.npi limit 25`,
  );
  const [count] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n ${from}`));
  return Number(count?.n ?? 0);
}
