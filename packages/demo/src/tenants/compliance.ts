// What each demo org lets its reps say: approved claims per product (the indications as the labels state them,
// quoted word for word in outreach) and the org's banned phrases (on top of the built-in list in
// domain/compliance). Loaded after the tenants, by org slug and product name.
import { and, eq, inArray } from "drizzle-orm";

import { approvedClaim, bannedPhrase, org, product, type Db } from "@pharmacrm/db";

interface ClaimDefinition {
  text: string;
  reference: string;
}

interface OrgCompliance {
  approvedClaims: Record<string, readonly ClaimDefinition[]>;
  bannedPhrases: readonly string[];
}

export const DEMO_COMPLIANCE: Record<string, OrgCompliance> = {
  northwind: {
    approvedClaims: {
      Eliquis: [
        {
          text: "Eliquis is indicated to reduce the risk of stroke and systemic embolism in patients with nonvalvular atrial fibrillation.",
          reference: "Eliquis prescribing information, section 1.1",
        },
        {
          text: "Eliquis is indicated for the treatment of deep vein thrombosis and pulmonary embolism.",
          reference: "Eliquis prescribing information, sections 1.3 and 1.4",
        },
      ],
      Farxiga: [
        {
          text: "Farxiga is indicated as an adjunct to diet and exercise to improve glycemic control in adults with type 2 diabetes mellitus.",
          reference: "Farxiga prescribing information, section 1",
        },
        {
          text: "Farxiga is indicated to reduce the risk of cardiovascular death and hospitalization for heart failure in adults with heart failure.",
          reference: "Farxiga prescribing information, section 1",
        },
      ],
    },
    bannedPhrases: ["game changer", "better than warfarin", "no bleeding risk", "for every patient"],
  },
  acme: {
    approvedClaims: {
      "Trelegy Ellipta": [
        {
          text: "Trelegy Ellipta is indicated for the maintenance treatment of patients with chronic obstructive pulmonary disease.",
          reference: "Trelegy Ellipta prescribing information, section 1.1",
        },
        {
          text: "Trelegy Ellipta is indicated for the maintenance treatment of asthma in patients aged 18 years and older.",
          reference: "Trelegy Ellipta prescribing information, section 1.2",
        },
      ],
    },
    bannedPhrases: ["rescue inhaler", "works instantly", "replaces all other inhalers"],
  },
};

export async function seedCompliance(db: Db): Promise<{ claims: number; bannedPhrases: number }> {
  const orgs = await db
    .select({ id: org.id, slug: org.slug })
    .from(org)
    .where(inArray(org.slug, Object.keys(DEMO_COMPLIANCE)));
  let claims = 0;
  let phrases = 0;
  for (const { id: orgId, slug } of orgs) {
    const rules = DEMO_COMPLIANCE[slug]!;
    for (const [name, definitions] of Object.entries(rules.approvedClaims)) {
      const [own] = await db
        .select({ id: product.id })
        .from(product)
        .where(and(eq(product.orgId, orgId), eq(product.name, name)));
      if (!own) throw new Error(`Demo compliance names ${name}, which is not a product of ${slug}.`);
      await db
        .insert(approvedClaim)
        .values(definitions.map((c) => ({ orgId, productId: own.id, text: c.text, reference: c.reference })));
      claims += definitions.length;
    }
    await db.insert(bannedPhrase).values(rules.bannedPhrases.map((phrase) => ({ orgId, phrase })));
    phrases += rules.bannedPhrases.length;
  }
  return { claims, bannedPhrases: phrases };
}
