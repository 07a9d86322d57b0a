// The org's compliance rules as check-draft reads them: its banned phrases and, per product, its approved claims.
import { asc, eq } from "drizzle-orm";

import { approvedClaim, bannedPhrase, product, type Db } from "@pharmacrm/db";

import type { ComplianceRules } from "../compliance/check-draft";

export interface ApprovedClaimRow {
  productId: string;
  product: string;
  text: string;
  reference: string | null;
}

export async function complianceRulesFor(
  db: Db,
  orgId: string,
): Promise<ComplianceRules & { claims: ApprovedClaimRow[] }> {
  const [products, claims, banned] = await Promise.all([
    db.select({ id: product.id, name: product.name }).from(product).where(eq(product.orgId, orgId)),
    db
      .select({
        productId: approvedClaim.productId,
        product: product.name,
        text: approvedClaim.text,
        reference: approvedClaim.reference,
      })
      .from(approvedClaim)
      .innerJoin(product, eq(product.id, approvedClaim.productId))
      .where(eq(approvedClaim.orgId, orgId))
      .orderBy(asc(approvedClaim.createdAt), asc(approvedClaim.id)),
    db.select({ phrase: bannedPhrase.phrase }).from(bannedPhrase).where(eq(bannedPhrase.orgId, orgId)),
  ]);
  // Every product of the org is checked, so naming one without an approved claim is flagged too.
  const approvedClaims = new Map<string, string[]>(products.map((p) => [p.name, []]));
  for (const c of claims) approvedClaims.get(c.product)?.push(c.text);
  return { bannedPhrases: banned.map((b) => b.phrase), approvedClaims, claims };
}
