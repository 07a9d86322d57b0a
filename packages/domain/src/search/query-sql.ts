// The ranked search as SQL. Ranking, highest first: exact NPI, exact name, name similarity (trigram), specialty
// match, distance, prescribing volume (the drug asked for, else the org's markets), profile similarity.
// Filters use existing indexes only: trigram GIN on the distinct names (then lower(name) btrees), primary taxonomy, practice ZIP (radius and city
// become ZIP lists from the centroids), Part D (brand, year) / (generic, year), Open Payments manufacturer.
import { sql, type SQL } from "drizzle-orm";

import { zipInScope, type Scope } from "../scope";
import { distanceMilesSql, type ResolvedSearch } from "./resolve";

/** Ranked results reachable by paging; a search matching more asks the person to narrow it. */
export const RANK_WINDOW = 1_000;

export interface QueryVector {
  vector: number[];
  model: string;
}

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** The one name a list holds, or null when it holds several (e.g. a drug typed as the start of several names). */
const singleName = (names: readonly string[]) => (new Set(names).size === 1 ? names[0]! : null);

/** True when the search has something to rank by; otherwise results are in name order. */
export function isRanked(r: ResolvedSearch, vector: QueryVector | null): boolean {
  return Boolean(
    r.npi ||
    r.nameTokens.length ||
    r.taxonomyCodes ||
    r.near ||
    r.drug ||
    r.market ||
    r.manufacturers ||
    (vector && r.semantic),
  );
}

/** CTEs (drug writers, paid HCPs, nearest profiles) and the joins and conditions over `hcp h`. */
export function searchParts(r: ResolvedSearch, scope: Scope, vector: QueryVector | null) {
  const ctes: SQL[] = [];
  const joins: SQL[] = [];
  const where: SQL[] = [sql`h.entity_type = 1`, sql`h.deactivation_date is null`];
  const score: SQL[] = [];
  const columns: SQL[] = [];
  let late: { join: SQL; column: SQL; score: SQL } | null = null;

  if (r.npi) {
    where.push(sql`h.npi = ${r.npi}`);
    score.push(sql`1000`);
  }
  if (r.nameTokens.length) {
    const single = r.nameTokens.length === 1;
    const likePrefix = (token: string) => `${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const similarities: SQL[] = [];
    r.nameTokens.forEach((token, i) => {
      // The names a word may mean, from the distinct names (hcp_name): close to it (trigram) or starting with it.
      // Their similarity is computed once per name here, not once per HCP.
      const names = sql.identifier(`name_${i}`);
      ctes.push(sql`${names} as (select name, similarity(name, ${token}) as sim from hcp_name
        where name % ${token} or name like ${likePrefix(token)})`);
      const last = sql.identifier(`last_${i}`);
      joins.push(sql`left join ${names} ${last} on ${last}.name = lower(h.last_name)`);
      // One word is a surname typed with typos, or the start of a first name; with several words, any word may be
      // either. (Fuzzy first names for one word would match "jason" for "jonson": noise, and most of the cost.)
      if (single) {
        where.push(sql`(lower(h.last_name) = any(array(select name from ${names}))
          or lower(h.first_name) = any(array(select name from hcp_name where name like ${likePrefix(token)})))`);
        similarities.push(
          sql`greatest(coalesce(${last}.sim, 0), case when lower(h.first_name) like ${likePrefix(token)} then 0.5 else 0 end)`,
        );
      } else {
        const first = sql.identifier(`first_${i}`);
        joins.push(sql`left join ${names} ${first} on ${first}.name = lower(h.first_name)`);
        where.push(
          sql`(lower(h.last_name) = any(array(select name from ${names})) or lower(h.first_name) = any(array(select name from ${names})))`,
        );
        similarities.push(sql`greatest(coalesce(${last}.sim, 0), coalesce(${first}.sim, 0))`);
      }
    });
    const tokens = textArray(r.nameTokens);
    // Exact full name (any order), exact surname, then mean best similarity per word.
    score.push(sql`(case when lower(h.last_name) = any(${tokens}) and (${r.nameTokens.length} = 1 or lower(h.first_name) = any(${tokens})) then 100
      when lower(h.last_name) = any(${tokens}) then 60 else 0 end)`);
    score.push(sql`40 * (${sql.join(similarities, sql` + `)}) / ${r.nameTokens.length}`);
    columns.push(sql`lower(h.last_name) = any(${tokens}) as exact_name`);
  }
  const place = placeFilters(r, "h");
  where.push(...place.where);
  score.push(...place.score);
  if (place.distance) {
    joins.push(sql`left join zip_centroid zc on zc.zip = h.practice_zip5`);
    columns.push(sql`${place.distance} as distance_miles`);
  }
  const rx = r.drug ?? r.market;
  // One drug name in one year, or one manufacturer: its ranked totals (migration 0007) hold the figure per HCP.
  const drugName = r.drug && r.partDYear !== null ? singleName([...r.drug.brandNames, ...r.drug.genericNames]) : null;
  const manufacturer = r.manufacturers ? singleName(r.manufacturers) : null;
  // The ranked totals hold active individuals with their taxonomy, state and ZIP: those filters apply there too.
  const onTotals: SQL[] = [];
  if (r.taxonomyCodes) onTotals.push(sql`and primary_taxonomy_code in (${list(r.taxonomyCodes)})`);
  if (r.state) onTotals.push(sql`and practice_state = ${r.state}`);
  if (r.zip) onTotals.push(sql`and practice_zip5 = ${r.zip}`);
  if (r.mine) onTotals.push(sql`and ${zipInScope(scope, sql.raw("practice_zip5"))}`);
  if (r.near) onTotals.push(r.near.zips.length ? sql`and practice_zip5 in (${list(r.near.zips)})` : sql`and false`);
  const totalsFilter = sql.join(onTotals, sql` `);
  if (rx) {
    if (drugName !== null) {
      ctes.push(sql`writers as (select npi, claims from prescriber_drug_total
        where name = ${drugName} and year = ${r.partDYear} and claims >= ${r.minClaims}::int ${totalsFilter})`);
    } else if (r.market?.brandsOnly && r.partDYear !== null) {
      ctes.push(sql`writers as (select npi, sum(claims)::int as claims from prescriber_drug_total
        where name in (${list(r.market.brandNames)}) and year = ${r.partDYear} ${totalsFilter} group by npi having sum(claims) >= ${r.minClaims}::int)`);
    } else {
      const brands = "brandNames" in rx ? rx.brandNames : [];
      const generics = "genericNames" in rx ? rx.genericNames : [];
      const match = [
        brands.length ? sql`brand_name in (${list(brands)})` : null,
        generics.length ? sql`generic_name in (${list(generics)})` : null,
      ].filter((s): s is SQL => s !== null);
      const year = r.partDYear === null ? sql`` : sql`and year = ${r.partDYear}`;
      ctes.push(sql`writers as (select npi, sum(total_claims)::int as claims from part_d_prescribing
        where (${match.length ? sql.join(match, sql` or `) : sql`false`}) ${year} group by npi having sum(total_claims) >= ${r.minClaims}::int)`);
    }
    joins.push(sql`join writers w on w.npi = h.npi`);
    columns.push(sql`w.claims as rx_claims`);
    score.push(sql`2 * ln(1 + w.claims::float8)`);
  } else if (r.marketBrandNames.length && r.partDYear !== null) {
    // Prescribing in the org's markets is the last tie-breaker: looked up for the best RANK_WINDOW rows only.
    late = {
      join: sql`left join lateral (select sum(p.total_claims)::int as claims from part_d_prescribing p
        where p.npi = b.npi and p.year = ${r.partDYear} and p.brand_name in (${list(r.marketBrandNames)})) mv on true`,
      column: sql`mv.claims as market_claims`,
      score: sql`1.5 * ln(1 + coalesce(mv.claims, 0))`,
    };
  }
  if (r.manufacturers) {
    ctes.push(
      manufacturer !== null
        ? sql`paid as (select npi, amount_usd, payments from payee_manufacturer_total where manufacturer_name = ${manufacturer} ${totalsFilter})`
        : sql`paid as (select npi, sum(amount_usd)::float8 as amount_usd, count(*)::int as payments from open_payment
      where manufacturer_name in (${list(r.manufacturers)}) and npi is not null group by npi)`,
    );
    joins.push(sql`join paid pd on pd.npi = h.npi`);
    columns.push(sql`pd.amount_usd as paid_usd`);
    score.push(sql`ln(1 + pd.amount_usd) / 4`);
  }
  // When the only score that varies is the claims (or the amount) of a ranked total, the best matches are the top of
  // that total's index: the query reads them in that order and stops at the window instead of scoring every match.
  // Filters the totals cannot apply (a city by name, a radius, names, meaning) would leave the ordered read
  // scanning for matches, so those searches score every match instead.
  const others = Boolean(r.npi || r.nameTokens.length || r.near || r.city || (vector && r.semantic));
  const driver = others
    ? null
    : drugName !== null && !r.manufacturers
      ? sql`w.claims desc`
      : manufacturer !== null && !rx
        ? sql`pd.amount_usd desc`
        : null;
  if (vector && r.semantic) {
    // Nearest profiles through the HNSW index, then ranked with everything else.
    ctes.push(sql`nearest as (select npi, 1 - (embedding <=> ${JSON.stringify(vector.vector)}::vector) as similarity
      from hcp_embedding where model = ${vector.model} order by embedding <=> ${JSON.stringify(vector.vector)}::vector limit 500)`);
    joins.push(sql`join nearest ns on ns.npi = h.npi`);
    columns.push(sql`ns.similarity as profile_similarity`);
    score.push(sql`30 * ns.similarity`);
  }
  if (r.mine) where.push(zipInScope(scope, sql.raw("h.practice_zip5")));
  if (r.notSeenDays !== undefined) where.push(notSeenSince(scope, r.notSeenDays));
  // A specialty across the country and nothing else to rank by (tens of thousands of matches, all scoring the
  // same): the org's market volume orders them. The best RANK_WINDOW are among the market's top writers (from the
  // ranked totals) and, when fewer write, the first other matches by NPI: only those candidates are scored, and the
  // count stops at the window. With a state, a ZIP or the territory, scoring every match is cheaper.
  let windowed = driver !== null;
  const nationwide = !r.state && !r.zip && !r.mine;
  if (!others && !rx && !r.manufacturers && r.taxonomyCodes && nationwide && late && r.marketBrandsOnly) {
    const matches = sql.join(where, sql` and `);
    ctes.push(sql`market_writers as (select npi, sum(claims)::int as claims from prescriber_drug_total
        where name in (${list(r.marketBrandNames)}) and year = ${r.partDYear} ${totalsFilter}
        group by npi order by sum(claims) desc, npi limit ${RANK_WINDOW}),
      candidates as (select npi, claims from market_writers
        union all (select h.npi, 0 from hcp h where ${matches} and h.npi not in (select npi from market_writers)
          and (select count(*) from market_writers) < ${RANK_WINDOW} order by h.npi limit ${RANK_WINDOW + 1}))`);
    joins.push(sql`join candidates cand on cand.npi = h.npi`);
    // The market volume is known already: it scores the candidates before the window is cut.
    columns.push(sql`nullif(cand.claims, 0) as candidate_market_claims`);
    score.push(sql`1.5 * ln(1 + cand.claims)`);
    late = { join: sql``, column: sql`b.candidate_market_claims as market_claims`, score: sql`0` };
    windowed = true;
  }
  return { ctes, joins, where, score, columns, late, driver, windowed };
}

/** No call the viewer may see (their territories' calls and their own) in the last `days` days. */
function notSeenSince(scope: Scope, days: number): SQL {
  const visible =
    scope.territoryIds === null
      ? sql``
      : scope.territoryIds.length
        ? sql`and (i.territory_id in (${sql.join(
            scope.territoryIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) or i.owner_id = ${scope.userId}::uuid)`
        : sql`and i.owner_id = ${scope.userId}::uuid`;
  return sql`not exists (select 1 from interaction i where i.org_id = ${scope.orgId}::uuid and i.hcp_npi = h.npi
    and i.occurred_at >= now() - make_interval(days => ${days}::int) ${visible})`;
}

/**
 * Specialty and place over a table with NPPES practice columns (alias `h` for hcp, `o` for hco): conditions, score
 * terms and, for a radius, the distance in miles (which reads the ZIP centroid joined as `zc`).
 */
export function placeFilters(r: ResolvedSearch, alias: "h" | "o") {
  const c = (column: string) => sql.raw(`${alias}.${column}`);
  const where: SQL[] = [];
  const score: SQL[] = [];
  let distance: SQL | null = null;
  if (r.taxonomyCodes) {
    where.push(sql`${c("primary_taxonomy_code")} in (${list(r.taxonomyCodes)})`);
    score.push(sql`15`);
  }
  if (r.state) where.push(sql`${c("practice_state")} = ${r.state}`);
  if (r.zip) where.push(sql`${c("practice_zip5")} = ${r.zip}`);
  if (r.city) {
    const byName = r.city.states.length
      ? sql`(${c("practice_state")} in (${list(r.city.states)}) and upper(${c("practice_city")}) = ${r.city.name})`
      : sql`false`;
    where.push(r.city.zips.length ? sql`(${c("practice_zip5")} in (${list(r.city.zips)}) or ${byName})` : byName);
  }
  if (r.near) {
    where.push(r.near.zips.length ? sql`${c("practice_zip5")} in (${list(r.near.zips)})` : sql`false`);
    distance = distanceMilesSql(sql`coalesce(${c("lat")}, zc.lat)`, sql`coalesce(${c("lng")}, zc.lng)`, r.near);
    score.push(
      sql`10 * greatest(0, 1 - coalesce(${distance}, ${r.near.radiusMiles}::float8) / ${r.near.radiusMiles}::float8)`,
    );
  }
  return { where, score, distance };
}
