// The demo orgs' compliance lists: they name real products of each org, their approved claims pass the org's own
// check when quoted in a draft, their banned phrases are caught, and seeding writes them per org.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { approvedClaim, bannedPhrase, org, product, type Database } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";
// The check the copilot's drafts go through.
import { checkDraft, composeOutreach } from "@pharmacrm/domain";

import { DEMO_COMPLIANCE, seedCompliance } from "./compliance";
import { DEMO_ORGS } from "./definitions";

const productsOf = (slug: string) =>
  DEMO_ORGS.find((o) => o.slug === slug)!.markets.flatMap((m) => m.products.map((p) => p.name));
const rulesOf = (slug: string) => ({
  bannedPhrases: DEMO_COMPLIANCE[slug]!.bannedPhrases,
  approvedClaims: new Map(
    productsOf(slug).map((name) => [name, (DEMO_COMPLIANCE[slug]!.approvedClaims[name] ?? []).map((c) => c.text)]),
  ),
});

describe("demo compliance lists", () => {
  it("cover every product of every demo org, and name no other", () => {
    expect(Object.keys(DEMO_COMPLIANCE).sort()).toEqual(DEMO_ORGS.map((o) => o.slug).sort());
    for (const slug of Object.keys(DEMO_COMPLIANCE)) {
      expect(Object.keys(DEMO_COMPLIANCE[slug]!.approvedClaims).sort()).toEqual([...new Set(productsOf(slug))].sort());
    }
  });

  it.each(DEMO_ORGS.flatMap((o) => [...new Set(productsOf(o.slug))].map((name) => [o.slug, name] as const)))(
    "%s: a draft quoting %s's approved claims passes",
    (slug, name) => {
      for (const purpose of ["follow_up", "invitation", "sample_offer"] as const) {
        const draft = composeOutreach({
          purpose,
          salutationName: "Dr Chen",
          product: name,
          claims: DEMO_COMPLIANCE[slug]!.approvedClaims[name]!.map((c) => c.text),
          topic: null,
          lastMet: "2025-06-01",
          sender: { name: "Kevin Walsh", org: "Northwind Therapeutics" },
        });
        expect(checkDraft(`${draft.subject}\n${draft.body}`, rulesOf(slug))).toEqual({ passed: true, flags: [] });
      }
    },
  );

  it.each(Object.keys(DEMO_COMPLIANCE))("%s: each banned phrase is flagged", (slug) => {
    for (const phrase of DEMO_COMPLIANCE[slug]!.bannedPhrases) {
      expect(checkDraft(`Honestly, this is ${phrase}.`, rulesOf(slug)).flags.map((f) => f.kind)).toContain(
        "banned_phrase",
      );
    }
  });
});

describe("seedCompliance", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    for (const o of DEMO_ORGS) {
      const [created] = await database.db.insert(org).values({ name: o.name, slug: o.slug, isDemo: true }).returning();
      await database.db
        .insert(product)
        .values([...new Set(productsOf(o.slug))].map((name) => ({ orgId: created!.id, name })));
    }
  });
  afterAll(() => database.close());

  it("writes each org's claims against its own products and its banned phrases", async () => {
    const { db } = database;
    expect(await seedCompliance(db)).toEqual({ claims: 6, bannedPhrases: 7 });
    const claims = await db
      .select({ slug: org.slug, product: product.name, text: approvedClaim.text })
      .from(approvedClaim)
      .innerJoin(product, eq(product.id, approvedClaim.productId))
      .innerJoin(org, eq(org.id, approvedClaim.orgId));
    expect(claims.every((c) => (c.product === "Trelegy Ellipta" ? c.slug === "acme" : c.slug === "northwind"))).toBe(
      true,
    );
    expect(claims.every((c) => c.text.startsWith(c.product))).toBe(true);
    const acmePhrases = await db
      .select({ phrase: bannedPhrase.phrase })
      .from(bannedPhrase)
      .innerJoin(org, eq(org.id, bannedPhrase.orgId))
      .where(eq(org.slug, "acme"));
    expect(acmePhrases.map((p) => p.phrase).sort()).toEqual([
      "replaces all other inhalers",
      "rescue inhaler",
      "works instantly",
    ]);
  });
});
