// The offline engine's vocabulary for one person: the search's reference words (cached per database), and the
// org's products, market drugs, people, territories, regions and account segments (a few small queries per turn).
import { and, eq, isNotNull } from "drizzle-orm";

import { appUser, hcpAttribute, region, territory, type Db } from "@pharmacrm/db";
import { certifiedQuestions, listProducts, orgMarkets, referenceVocabulary, type Viewer } from "@pharmacrm/domain";

import type { PlanContext } from "../offline/planner";
import type { IntentVocabulary } from "../offline/vocabulary";

const lower = (s: string) => s.toLowerCase().trim();

// The org's words change rarely (an admin adds a product or a user): kept a minute per database and org, so a
// turn does not re-read them.
const TTL_MS = 60_000;
const cache = new WeakMap<Db, Map<string, { at: number; vocabulary: Promise<IntentVocabulary> }>>();

export function intentVocabulary(db: Db, viewer: Viewer): Promise<IntentVocabulary> {
  const byOrg = cache.get(db) ?? new Map<string, { at: number; vocabulary: Promise<IntentVocabulary> }>();
  cache.set(db, byOrg);
  const hit = byOrg.get(viewer.orgId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.vocabulary;
  const vocabulary = loadIntentVocabulary(db, viewer);
  byOrg.set(viewer.orgId, { at: Date.now(), vocabulary });
  vocabulary.catch(() => byOrg.delete(viewer.orgId));
  return vocabulary;
}

async function loadIntentVocabulary(db: Db, viewer: Viewer): Promise<IntentVocabulary> {
  // Active products are the org's, whoever asks: the admin scope reads them all.
  const scope = { orgId: viewer.orgId, userId: viewer.userId, role: "admin" as const, territoryIds: null };
  const [reference, products, markets, people, territories, regions, segments] = await Promise.all([
    referenceVocabulary(db),
    listProducts(db, scope),
    orgMarkets(db, viewer.orgId),
    db.select({ name: appUser.name }).from(appUser).where(eq(appUser.orgId, viewer.orgId)),
    db.select({ name: territory.name }).from(territory).where(eq(territory.orgId, viewer.orgId)),
    db
      .select({ name: region.name })
      .from(region)
      .where(and(eq(region.orgId, viewer.orgId))),
    db
      .selectDistinct({ segment: hcpAttribute.segment })
      .from(hcpAttribute)
      .where(and(eq(hcpAttribute.orgId, viewer.orgId), isNotNull(hcpAttribute.segment))),
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
    regions: regions.map((r) => lower(r.name)),
    segments: segments.flatMap((s) => (s.segment ? [lower(s.segment)] : [])),
  };
}

export async function offlineContext(db: Db, viewer: Viewer): Promise<PlanContext> {
  // Certified questions are read every turn: one certified a moment ago answers as certified at once.
  const [vocabulary, certified] = await Promise.all([
    intentVocabulary(db, viewer),
    certifiedQuestions(db, viewer.orgId),
  ]);
  return { role: viewer.role, vocabulary, certified };
}
