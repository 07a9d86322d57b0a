// Why each result is there, in one line: "matched: Cardiovascular Disease · 4 mi · 412 Eliquis claims".
import { sql } from "drizzle-orm";

import { rowsOf as rows, type Db } from "@pharmacrm/db";

import type { ResolvedSearch } from "./resolve";

/** A row as the search query returns it. */
export interface ExplainedRow {
  npi: string;
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  credential: string | null;
  primary_taxonomy_code: string | null;
  classification: string | null;
  specialization: string | null;
  practice_city: string | null;
  practice_state: string | null;
  practice_zip5: string | null;
  in_my_territories: boolean;
  score: number;
  exact_name?: boolean;
  distance_miles?: number | null;
  rx_claims?: number | null;
  market_claims?: number | null;
  paid_usd?: number | null;
  profile_similarity?: number | null;
}

const number = new Intl.NumberFormat("en-US");
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

export async function explainResults(db: Db, found: ExplainedRow[], r: ResolvedSearch) {
  const topMarketDrug = await topMarketDrugs(db, found, r);
  return found.map((row) => {
    const reasons: string[] = [];
    if (r.npi) reasons.push("exact NPI");
    if (r.nameTokens.length) reasons.push(row.exact_name ? "exact name" : `name ≈ “${r.nameTokens.join(" ")}”`);
    if (r.taxonomyCodes)
      reasons.push(`matched: ${row.specialization ?? row.classification ?? row.primary_taxonomy_code}`);
    if (row.distance_miles != null) reasons.push(`${Math.round(Number(row.distance_miles))} mi`);
    if (row.rx_claims != null)
      reasons.push(
        `${number.format(Number(row.rx_claims))} ${r.drug?.label ?? r.market?.name ?? ""} claims`.replace("  ", " "),
      );
    const top = topMarketDrug.get(row.npi);
    if (top) reasons.push(`${number.format(top.claims)} ${top.brandName} claims`);
    if (row.paid_usd != null)
      reasons.push(
        `${usd.format(Number(row.paid_usd))} from ${r.manufacturers!.length === 1 ? r.manufacturers![0] : "matching manufacturers"}`,
      );
    if (row.profile_similarity != null)
      reasons.push(`profile match ${Math.round(Number(row.profile_similarity) * 100)}%`);
    return {
      npi: row.npi,
      firstName: row.first_name,
      middleName: row.middle_name,
      lastName: row.last_name,
      credential: row.credential,
      taxonomyCode: row.primary_taxonomy_code,
      specialty: row.classification,
      specialization: row.specialization,
      city: row.practice_city,
      state: row.practice_state,
      zip5: row.practice_zip5,
      inMyTerritories: Boolean(row.in_my_territories),
      distanceMiles: row.distance_miles == null ? null : Number(row.distance_miles),
      claims:
        row.rx_claims != null ? Number(row.rx_claims) : row.market_claims != null ? Number(row.market_claims) : null,
      score: Number(row.score),
      explanation: reasons.join(" · "),
    };
  });
}

/** The org-market drug each HCP wrote most in the latest year, for the page's rows only. */
async function topMarketDrugs(db: Db, found: ExplainedRow[], r: ResolvedSearch) {
  const result = new Map<string, { brandName: string; claims: number }>();
  const npis = found.filter((f) => f.market_claims != null && Number(f.market_claims) > 0).map((f) => f.npi);
  if (npis.length === 0 || r.partDYear === null || r.marketBrandNames.length === 0) return result;
  const list = (values: readonly string[]) =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
  const top = await db.execute(sql`select npi, brand_name, sum(total_claims)::int as claims from part_d_prescribing
    where npi in (${list(npis)}) and year = ${r.partDYear} and brand_name in (${list(r.marketBrandNames)})
    group by npi, brand_name order by npi, claims desc, brand_name`);
  for (const row of rows<{ npi: string; brand_name: string; claims: number }>(top)) {
    if (!result.has(row.npi)) result.set(row.npi, { brandName: row.brand_name, claims: Number(row.claims) });
  }
  return result;
}
