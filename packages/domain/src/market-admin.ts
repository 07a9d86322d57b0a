// An admin's markets: the Part D drugs each of the org's products competes with. Share, market claims, writers and
// deciles everywhere (analytics, search, physician pages, next-best actions) read market_drug as it stands, so a
// change here changes them all at once. A drug is named as CMS's Part D data writes it; one that data has never
// seen would count nothing and is refused. Audited.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";

import { market, marketDrug, partDPrescribing, product, type Db } from "@pharmacrm/db";

import { requireAdmin } from "./account/users";
import { recordAudit } from "./audit";
import { DomainError, notFound } from "./errors";
import { brandSearchInput, createMarketInput, marketDrugInput } from "./market-input";
import type { Scope } from "./scope";
import { referenceVocabulary, type ReferenceVocabulary } from "./search/vocabulary";

export async function listMarkets(db: Db, scope: Scope) {
  requireAdmin(scope);
  const [markets, drugs, products] = await Promise.all([
    db
      .select({ id: market.id, name: market.name, therapeuticArea: market.therapeuticArea })
      .from(market)
      .where(eq(market.orgId, scope.orgId))
      .orderBy(asc(market.name)),
    db
      .select({
        marketId: marketDrug.marketId,
        brandName: marketDrug.brandName,
        genericName: marketDrug.genericName,
        isOwn: marketDrug.isOwn,
      })
      .from(marketDrug)
      .where(eq(marketDrug.orgId, scope.orgId))
      .orderBy(sql`${marketDrug.isOwn} desc`, asc(marketDrug.brandName)),
    db
      .select({ name: product.name, marketId: product.marketId })
      .from(product)
      .where(eq(product.orgId, scope.orgId))
      .orderBy(asc(product.name)),
  ]);
  return markets.map((m) => ({
    ...m,
    drugs: drugs.filter((d) => d.marketId === m.id),
    products: products.filter((p) => p.marketId === m.id).map((p) => p.name),
  }));
}

export async function createMarket(db: Db, scope: Scope, raw: z.input<typeof createMarketInput>) {
  requireAdmin(scope);
  const input = createMarketInput.parse(raw);
  return db.transaction(async (tx) => {
    const [same] = await tx
      .select({ id: market.id })
      .from(market)
      .where(and(eq(market.orgId, scope.orgId), sql`lower(${market.name}) = lower(${input.name})`));
    if (same) throw new DomainError("CONFLICT", `There is already a market named ${input.name}.`);
    const [row] = await tx
      .insert(market)
      .values({ orgId: scope.orgId, name: input.name, therapeuticArea: input.therapeuticArea })
      .onConflictDoNothing()
      .returning({ id: market.id });
    if (!row) throw new DomainError("CONFLICT", `There is already a market named ${input.name}.`);
    await recordAudit(tx, scope, { action: "market.create", entityType: "market", entityId: row.id, after: input });
    return { id: row.id, name: input.name };
  });
}

async function orgMarket(tx: Db, scope: Scope, id: string) {
  const [row] = await tx
    .select({ id: market.id, name: market.name })
    .from(market)
    .where(and(eq(market.id, id), eq(market.orgId, scope.orgId)))
    .for("update");
  if (!row) throw notFound("That market");
  return row;
}

/** Adds a Part D drug to a market, with the generic name the data gives it; one of the org's own brands is marked so. */
export async function addMarketDrug(db: Db, scope: Scope, raw: z.input<typeof marketDrugInput>) {
  requireAdmin(scope);
  const { marketId, brandName: typed } = marketDrugInput.parse(raw);
  return db.transaction(async (tx) => {
    const m = await orgMarket(tx, scope, marketId);
    // As the data spells it (CMS's files are not consistent in case), with the generic name it is mostly written under.
    const spellings = brandSpellings(await referenceVocabulary(tx), typed);
    const [seen] = await tx
      .select({ brandName: partDPrescribing.brandName, genericName: partDPrescribing.genericName })
      .from(partDPrescribing)
      .where(inArray(partDPrescribing.brandName, spellings))
      .groupBy(partDPrescribing.brandName, partDPrescribing.genericName)
      .orderBy(sql`max(${partDPrescribing.year}) desc`, sql`sum(${partDPrescribing.totalClaims}) desc`)
      .limit(1);
    if (!seen)
      throw new DomainError(
        "BAD_REQUEST",
        `No Part D prescribing names ${typed}: check the spelling against the suggestions.`,
      );
    const brandName = seen.brandName;
    const [already] = await tx
      .select({ brandName: marketDrug.brandName })
      .from(marketDrug)
      .where(and(eq(marketDrug.marketId, m.id), sql`upper(${marketDrug.brandName}) = upper(${brandName})`));
    if (already) throw new DomainError("CONFLICT", `${already.brandName} is in ${m.name} already.`);
    // The org's own brand in this market: a product of the org that is in it and is sold under that name.
    const [own] = await tx
      .select({ id: product.id })
      .from(product)
      .where(
        and(
          eq(product.orgId, scope.orgId),
          eq(product.marketId, m.id),
          sql`upper(${product.partDBrandName}) = upper(${brandName})`,
        ),
      );
    const row = { orgId: scope.orgId, marketId: m.id, brandName, genericName: seen.genericName, isOwn: Boolean(own) };
    await tx.insert(marketDrug).values(row);
    await recordAudit(tx, scope, {
      action: "market.drug_add",
      entityType: "market",
      entityId: m.id,
      after: { brandName, genericName: seen.genericName },
    });
    return row;
  });
}

/** Takes a competitor's drug out of a market (the org's own brand stays: the market is defined around it). */
export async function removeMarketDrug(db: Db, scope: Scope, raw: z.input<typeof marketDrugInput>) {
  requireAdmin(scope);
  const { marketId, brandName: typed } = marketDrugInput.parse(raw);
  return db.transaction(async (tx) => {
    const m = await orgMarket(tx, scope, marketId);
    const [drug] = await tx
      .select({ brandName: marketDrug.brandName, isOwn: marketDrug.isOwn, genericName: marketDrug.genericName })
      .from(marketDrug)
      .where(and(eq(marketDrug.marketId, m.id), sql`upper(${marketDrug.brandName}) = upper(${typed})`));
    if (!drug) throw notFound(`${typed} in ${m.name}`);
    if (drug.isOwn)
      throw new DomainError("CONFLICT", `${drug.brandName} is your organisation's own brand in ${m.name}.`);
    const brandName = drug.brandName;
    await tx.delete(marketDrug).where(and(eq(marketDrug.marketId, m.id), eq(marketDrug.brandName, brandName)));
    await recordAudit(tx, scope, {
      action: "market.drug_remove",
      entityType: "market",
      entityId: m.id,
      before: { brandName, genericName: drug.genericName },
    });
    return { marketId: m.id, brandName };
  });
}

/** The brand's spellings in the Part D data (the vocabulary keys them by lower case; it may predate a load). */
function brandSpellings(vocabulary: ReferenceVocabulary, typed: string): string[] {
  return [...new Set([...(vocabulary.drugs.get(typed.toLowerCase())?.brandNames ?? []), typed, typed.toUpperCase()])];
}

/** Part D brand names starting with the letters typed (the names a market can hold), with their generic names. */
export async function partDBrandSuggestions(db: Db, scope: Scope, raw: z.input<typeof brandSearchInput>) {
  requireAdmin(scope);
  const prefix = brandSearchInput.parse(raw).q.toLowerCase();
  // The search's cached vocabulary holds every brand (read once through the index, not from every Part D row).
  const { drugs } = await referenceVocabulary(db);
  const brands = [...drugs.entries()]
    .filter(([key, entry]) => key.startsWith(prefix) && entry.brandNames.length > 0)
    .flatMap(([, entry]) => entry.brandNames)
    .sort()
    .slice(0, 10);
  return Promise.all(
    brands.map(async (brandName) => {
      const [row] = await db
        .select({ genericName: partDPrescribing.genericName })
        .from(partDPrescribing)
        .where(eq(partDPrescribing.brandName, brandName))
        .limit(1);
      return { brandName, genericName: row?.genericName ?? null };
    }),
  );
}
