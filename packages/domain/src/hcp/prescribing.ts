// An HCP's Medicare Part D prescribing by drug and year, and the org's markets seen through it: market claims,
// the org's own brands' claims, share and year-over-year trend.
//
// CMS publishes a drug row only at ≥ 11 claims and blanks beneficiary counts of 1–10 (and 65+ cells flagged
// "*" or "#"). A blank stays unknown here: it is never read as 0, sums leave it out and say how many cells they
// left out, so every total is a lower bound.
import { and, asc, eq } from "drizzle-orm";

import { market, marketDrug, partDPrescribing, type Db } from "@pharmacrm/db";

export interface PrescribingRow {
  year: number;
  brandName: string;
  genericName: string;
  claims: number;
  fills30Day: number | null;
  drugCost: number | null;
  /** Null when CMS suppressed it (1–10 beneficiaries). */
  beneficiaries: number | null;
  ge65Claims: number | null;
  /** "*": 65+ claims 1–10; "#": suppressed to protect the complementary under-65 cell; null: shown. */
  ge65Suppression: "*" | "#" | null;
  /** The org's markets this drug belongs to (names), and whether it is one of the org's brands. */
  markets: string[];
  isOwn: boolean;
}

export interface PrescribingYear {
  year: number;
  claims: number;
  drugCost: number;
  /** Sum of the published beneficiary counts … */
  beneficiaries: number;
  /** … and how many drug rows had theirs suppressed (left out of the sum). */
  suppressedBeneficiaryCells: number;
}

export interface MarketYear {
  year: number;
  marketClaims: number;
  ownClaims: number;
  /** Own claims ÷ market claims; null when the HCP wrote no published market claims that year. */
  share: number | null;
  /** Change in market claims against the previous data year (0.1 = +10 %); null without a base. */
  marketClaimsChange: number | null;
  ownClaimsChange: number | null;
  /** Change in share, in percentage points; null without both shares. */
  shareChangePoints: number | null;
}

export interface MarketPrescribing {
  id: string;
  name: string;
  therapeuticArea: string | null;
  drugs: { brandName: string; genericName: string; isOwn: boolean }[];
  years: MarketYear[];
}

export interface HcpPrescribing {
  years: number[];
  rows: PrescribingRow[];
  byYear: PrescribingYear[];
  markets: MarketPrescribing[];
}

const num = (value: string | null): number | null => (value == null ? null : Number(value));
const cents = (value: number) => Math.round(value * 100) / 100;
const drugKey = (brand: string, generic: string) => `${brand}\u0000${generic}`;

export async function hcpPrescribing(db: Db, orgId: string, npi: string): Promise<HcpPrescribing> {
  const [claims, marketDrugs] = await Promise.all([
    db
      .select()
      .from(partDPrescribing)
      .where(eq(partDPrescribing.npi, npi))
      .orderBy(asc(partDPrescribing.year), asc(partDPrescribing.brandName), asc(partDPrescribing.genericName)),
    db
      .select({
        marketId: market.id,
        marketName: market.name,
        therapeuticArea: market.therapeuticArea,
        brandName: marketDrug.brandName,
        genericName: marketDrug.genericName,
        isOwn: marketDrug.isOwn,
      })
      .from(marketDrug)
      .innerJoin(market, and(eq(market.id, marketDrug.marketId), eq(market.orgId, orgId)))
      .where(eq(marketDrug.orgId, orgId))
      .orderBy(asc(market.name), marketDrug.isOwn, asc(marketDrug.brandName)),
  ]);

  const marketsOfDrug = new Map<string, { names: string[]; isOwn: boolean }>();
  for (const d of marketDrugs) {
    const entry = marketsOfDrug.get(drugKey(d.brandName, d.genericName)) ?? { names: [], isOwn: false };
    entry.names.push(d.marketName);
    entry.isOwn ||= d.isOwn;
    marketsOfDrug.set(drugKey(d.brandName, d.genericName), entry);
  }

  const rows: PrescribingRow[] = claims.map((r) => {
    const inMarkets = marketsOfDrug.get(drugKey(r.brandName, r.genericName));
    const flag = r.ge65SuppressionFlag === "*" || r.ge65SuppressionFlag === "#" ? r.ge65SuppressionFlag : null;
    return {
      year: r.year,
      brandName: r.brandName,
      genericName: r.genericName,
      claims: r.totalClaims,
      fills30Day: num(r.total30DayFills),
      drugCost: num(r.totalDrugCost),
      beneficiaries: r.totalBeneficiaries,
      ge65Claims: flag ? null : r.ge65TotalClaims,
      ge65Suppression: flag,
      markets: inMarkets?.names ?? [],
      isOwn: inMarkets?.isOwn ?? false,
    };
  });
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);

  const byYear = years.map((year): PrescribingYear => {
    const ofYear = rows.filter((r) => r.year === year);
    return {
      year,
      claims: ofYear.reduce((sum, r) => sum + r.claims, 0),
      drugCost: cents(ofYear.reduce((sum, r) => sum + (r.drugCost ?? 0), 0)),
      beneficiaries: ofYear.reduce((sum, r) => sum + (r.beneficiaries ?? 0), 0),
      suppressedBeneficiaryCells: ofYear.filter((r) => r.beneficiaries == null).length,
    };
  });

  return { years, rows, byYear, markets: marketsWithShare(marketDrugs, rows, years) };
}

function marketsWithShare(
  marketDrugs: {
    marketId: string;
    marketName: string;
    therapeuticArea: string | null;
    brandName: string;
    genericName: string;
    isOwn: boolean;
  }[],
  rows: PrescribingRow[],
  years: number[],
): MarketPrescribing[] {
  const markets = new Map<string, MarketPrescribing>();
  for (const d of marketDrugs) {
    const m = markets.get(d.marketId) ?? {
      id: d.marketId,
      name: d.marketName,
      therapeuticArea: d.therapeuticArea,
      drugs: [],
      years: [],
    };
    m.drugs.push({ brandName: d.brandName, genericName: d.genericName, isOwn: d.isOwn });
    markets.set(d.marketId, m);
  }
  for (const m of markets.values()) {
    const members = new Map(m.drugs.map((d) => [drugKey(d.brandName, d.genericName), d.isOwn]));
    let previous: MarketYear | null = null;
    for (const year of years) {
      let marketClaims = 0;
      let ownClaims = 0;
      for (const r of rows) {
        if (r.year !== year) continue;
        const own = members.get(drugKey(r.brandName, r.genericName));
        if (own === undefined) continue;
        marketClaims += r.claims;
        if (own) ownClaims += r.claims;
      }
      const share = marketClaims > 0 ? ownClaims / marketClaims : null;
      // Only consecutive data years make a year-over-year change.
      const base = previous && previous.year === year - 1 ? previous : null;
      const current: MarketYear = {
        year,
        marketClaims,
        ownClaims,
        share,
        marketClaimsChange: change(base?.marketClaims, marketClaims),
        ownClaimsChange: change(base?.ownClaims, ownClaims),
        shareChangePoints: base?.share != null && share != null ? (share - base.share) * 100 : null,
      };
      m.years.push(current);
      previous = current;
    }
  }
  return [...markets.values()];
}

function change(before: number | undefined, after: number): number | null {
  if (before === undefined || before === 0) return null;
  return (after - before) / before;
}
