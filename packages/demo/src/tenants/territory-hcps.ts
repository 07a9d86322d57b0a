// The HCPs an org's territories cover (active individuals practising in a territory ZIP) with their volume in
// the org's markets in the latest Part D year, ranked into deciles, segments and tiers.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";

import { hcp, partDPrescribing, territoryZip, type Db } from "@pharmacrm/db";

import { type CreatedOrg } from "./create-org";

export interface TerritoryHcp {
  npi: string;
  firstName: string;
  lastName: string;
  credential: string | null;
  territoryId: string;
  marketClaims: number;
  ownClaims: number;
  /** 1–10 among the org's market writers (10 = heaviest); null for non-writers. */
  decile: number | null;
  segment: "Loyalist" | "Shared" | "Competitor loyal" | "Non-writer";
  tier: "A" | "B" | "C";
}

export async function latestPartDYear(db: Db): Promise<number | null> {
  const [row] = await db.select({ year: sql<number | null>`max(${partDPrescribing.year})` }).from(partDPrescribing);
  return row?.year ?? null;
}

export async function territoryHcps(db: Db, org: CreatedOrg): Promise<TerritoryHcp[]> {
  const year = (await latestPartDYear(db)) ?? 0;
  const rows = await db
    .select({
      npi: hcp.npi,
      firstName: hcp.firstName,
      lastName: hcp.lastName,
      credential: hcp.credential,
      territoryId: territoryZip.territoryId,
      marketClaims: sql<number>`coalesce(sum(${partDPrescribing.totalClaims}), 0)::int`,
      ownClaims: sql<number>`coalesce(sum(${partDPrescribing.totalClaims}) filter (where ${inArray(partDPrescribing.brandName, org.ownBrands)}), 0)::int`,
    })
    .from(hcp)
    .innerJoin(territoryZip, and(eq(territoryZip.zip5, hcp.practiceZip5), eq(territoryZip.orgId, org.id)))
    .leftJoin(
      partDPrescribing,
      and(
        eq(partDPrescribing.npi, hcp.npi),
        eq(partDPrescribing.year, year),
        inArray(partDPrescribing.brandName, org.marketBrands),
      ),
    )
    .where(and(eq(hcp.entityType, 1), isNull(hcp.deactivationDate)))
    .groupBy(hcp.npi, territoryZip.territoryId)
    .orderBy(hcp.npi);

  const writers = rows
    .filter((r) => r.marketClaims > 0)
    .sort((a, b) => a.marketClaims - b.marketClaims || a.npi.localeCompare(b.npi));
  const decileOf = new Map(writers.map((r, rank) => [r.npi, Math.floor((rank * 10) / writers.length) + 1]));
  return rows.map((row) => {
    const decile = decileOf.get(row.npi) ?? null;
    const ownShare = row.marketClaims > 0 ? row.ownClaims / row.marketClaims : 0;
    return {
      ...row,
      firstName: row.firstName ?? "",
      lastName: row.lastName ?? "",
      decile,
      segment:
        decile === null ? "Non-writer" : ownShare >= 0.5 ? "Loyalist" : ownShare > 0 ? "Shared" : "Competitor loyal",
      tier: decile !== null && decile >= 8 ? "A" : decile !== null && decile >= 5 ? "B" : "C",
    };
  });
}

/** Who the rep actively calls on: A and B tiers, some C writers and a few non-writers, at most `cap` per territory. */
export function pickTargets(
  hcps: readonly TerritoryHcp[],
  random: { chance(p: number): boolean },
  cap = 150,
): TerritoryHcp[] {
  const byTerritory = new Map<string, TerritoryHcp[]>();
  for (const h of hcps) {
    const keep = h.tier !== "C" || (h.decile !== null ? random.chance(0.3) : random.chance(0.05));
    if (keep) byTerritory.set(h.territoryId, [...(byTerritory.get(h.territoryId) ?? []), h]);
  }
  return [...byTerritory.values()].flatMap((list) =>
    list.sort((a, b) => (b.decile ?? 0) - (a.decile ?? 0) || a.npi.localeCompare(b.npi)).slice(0, cap),
  );
}
