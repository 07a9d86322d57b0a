// The offline engine's vocabulary for one person: the search's reference words (cached per database), and the
// org's products, market drugs, people, territories and regions (a few small queries per turn).
import { and, eq } from "drizzle-orm";

import { appUser, region, territory, type Db } from "@pharmacrm/db";
import { listProducts, orgMarkets, referenceVocabulary, scopeFor, type Viewer } from "@pharmacrm/domain";

import type { PlanContext } from "../offline/planner";
import type { IntentVocabulary } from "../offline/vocabulary";

const lower = (s: string) => s.toLowerCase().trim();

export async function intentVocabulary(db: Db, viewer: Viewer): Promise<IntentVocabulary> {
  const scope = await scopeFor(db, viewer);
  const [reference, products, markets, people, territories, regions] = await Promise.all([
    referenceVocabulary(db),
    listProducts(db, scope),
    orgMarkets(db, viewer.orgId),
    db.select({ name: appUser.name }).from(appUser).where(eq(appUser.orgId, viewer.orgId)),
    db.select({ name: territory.name }).from(territory).where(eq(territory.orgId, viewer.orgId)),
    db
      .select({ name: region.name })
      .from(region)
      .where(and(eq(region.orgId, viewer.orgId))),
  ]);
  return {
    products: products.map((p) => ({
      name: p.name,
      terms: [...new Set([lower(p.name), ...(p.genericName ? [lower(p.genericName)] : [])])],
      sampleable: p.sampleable,
    })),
    drugs: reference.drugs,
    marketDrugs: [...new Set(markets.flatMap((m) => m.brandNames.map(lower)))],
    places: reference.places,
    people: people.map((p) => lower(p.name)).filter((n) => n.includes(" ")),
    areas: [...territories, ...regions].map((t) => lower(t.name)),
  };
}

export async function offlineContext(db: Db, viewer: Viewer): Promise<PlanContext> {
  return { role: viewer.role, vocabulary: await intentVocabulary(db, viewer) };
}
