// The org's compliance library for its admins: approved claims per product (what reps and the copilot may quote,
// word for word) and banned phrases (on top of the built-in list). The copilot's drafts and briefs read the same
// rows (outreach/compliance-rules.ts). A claim is added or withdrawn, never edited: a quoted claim stays what it
// was. Every change is audited with the text.
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";

import { approvedClaim, appUser, bannedPhrase, product, type Db } from "@pharmacrm/db";

import { requireAdmin } from "../account/users";
import { recordAudit } from "../audit";
import { DomainError, notFound } from "../errors";
import { complianceRulesFor } from "../outreach/compliance-rules";
import type { Scope } from "../scope";
import { BUILT_IN_BANNED, checkDraft } from "./check-draft";
import { addBannedPhraseInput, addClaimInput, removeLibraryEntryInput, tryDraftInput } from "./library-input";

export async function complianceLibrary(db: Db, scope: Scope) {
  requireAdmin(scope);
  const [products, claims, banned] = await Promise.all([
    db
      .select({ id: product.id, name: product.name, active: product.active })
      .from(product)
      .where(eq(product.orgId, scope.orgId))
      .orderBy(asc(product.name)),
    db
      .select({
        id: approvedClaim.id,
        productId: approvedClaim.productId,
        text: approvedClaim.text,
        reference: approvedClaim.reference,
        addedBy: appUser.name,
        addedAt: approvedClaim.createdAt,
      })
      .from(approvedClaim)
      .leftJoin(appUser, eq(appUser.id, approvedClaim.createdById))
      .where(eq(approvedClaim.orgId, scope.orgId))
      .orderBy(asc(approvedClaim.createdAt), asc(approvedClaim.id)),
    db
      .select({ id: bannedPhrase.id, phrase: bannedPhrase.phrase, addedAt: bannedPhrase.createdAt })
      .from(bannedPhrase)
      .where(eq(bannedPhrase.orgId, scope.orgId))
      .orderBy(asc(bannedPhrase.phrase)),
  ]);
  return {
    products: products.map((p) => ({ ...p, claims: claims.filter((c) => c.productId === p.id) })),
    banned,
    builtIn: BUILT_IN_BANNED,
  };
}

export async function addApprovedClaim(db: Db, scope: Scope, raw: z.input<typeof addClaimInput>) {
  requireAdmin(scope);
  const input = addClaimInput.parse(raw);
  return db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ name: product.name })
      .from(product)
      .where(and(eq(product.id, input.productId), eq(product.orgId, scope.orgId)));
    if (!owner) throw notFound("That product");
    const [same] = await tx
      .select({ id: approvedClaim.id })
      .from(approvedClaim)
      .where(
        and(
          eq(approvedClaim.orgId, scope.orgId),
          eq(approvedClaim.productId, input.productId),
          sql`lower(${approvedClaim.text}) = lower(${input.text})`,
        ),
      );
    if (same) throw new DomainError("CONFLICT", `${owner.name} already has that claim.`);
    const [row] = await tx
      .insert(approvedClaim)
      .values({
        orgId: scope.orgId,
        productId: input.productId,
        text: input.text,
        reference: input.reference,
        createdById: scope.userId,
      })
      .returning({ id: approvedClaim.id });
    await recordAudit(tx, scope, {
      action: "compliance.claim_add",
      entityType: "approved_claim",
      entityId: row!.id,
      after: { product: owner.name, text: input.text, reference: input.reference },
    });
    return { id: row!.id, product: owner.name };
  });
}

export async function withdrawApprovedClaim(db: Db, scope: Scope, raw: z.input<typeof removeLibraryEntryInput>) {
  requireAdmin(scope);
  const { id } = removeLibraryEntryInput.parse(raw);
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(approvedClaim)
      .where(and(eq(approvedClaim.id, id), eq(approvedClaim.orgId, scope.orgId)))
      .returning({ productId: approvedClaim.productId, text: approvedClaim.text, reference: approvedClaim.reference });
    if (!gone) throw notFound("That claim");
    await recordAudit(tx, scope, {
      action: "compliance.claim_withdraw",
      entityType: "approved_claim",
      entityId: id,
      before: gone,
    });
    return { id };
  });
}

export async function addBannedPhrase(db: Db, scope: Scope, raw: z.input<typeof addBannedPhraseInput>) {
  requireAdmin(scope);
  const { phrase } = addBannedPhraseInput.parse(raw);
  if (BUILT_IN_BANNED.includes(phrase.toLowerCase()))
    throw new DomainError("CONFLICT", `"${phrase}" is banned already, in the built-in list.`);
  return db.transaction(async (tx) => {
    const [same] = await tx
      .select({ id: bannedPhrase.id })
      .from(bannedPhrase)
      .where(and(eq(bannedPhrase.orgId, scope.orgId), sql`lower(${bannedPhrase.phrase}) = lower(${phrase})`));
    if (same) throw new DomainError("CONFLICT", `"${phrase}" is banned already.`);
    const [row] = await tx
      .insert(bannedPhrase)
      .values({ orgId: scope.orgId, phrase })
      .onConflictDoNothing()
      .returning({ id: bannedPhrase.id });
    if (!row) throw new DomainError("CONFLICT", `"${phrase}" is banned already.`);
    await recordAudit(tx, scope, {
      action: "compliance.phrase_ban",
      entityType: "banned_phrase",
      entityId: row.id,
      after: { phrase },
    });
    return { id: row.id, phrase };
  });
}

export async function removeBannedPhrase(db: Db, scope: Scope, raw: z.input<typeof removeLibraryEntryInput>) {
  requireAdmin(scope);
  const { id } = removeLibraryEntryInput.parse(raw);
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(bannedPhrase)
      .where(and(eq(bannedPhrase.id, id), eq(bannedPhrase.orgId, scope.orgId)))
      .returning({ phrase: bannedPhrase.phrase });
    if (!gone) throw notFound("That phrase");
    await recordAudit(tx, scope, {
      action: "compliance.phrase_unban",
      entityType: "banned_phrase",
      entityId: id,
      before: gone,
    });
    return { id };
  });
}

/** Checks a sentence as the copilot's drafts are checked, with the org's library as it is now. Writes nothing. */
export async function tryComplianceCheck(db: Db, scope: Scope, raw: z.input<typeof tryDraftInput>) {
  requireAdmin(scope);
  const input = tryDraftInput.parse(raw);
  const rules = await complianceRulesFor(db, scope.orgId);
  let productName: string | null = null;
  if (input.productId) {
    const [row] = await db
      .select({ name: product.name })
      .from(product)
      .where(and(eq(product.id, input.productId), eq(product.orgId, scope.orgId)));
    if (!row) throw notFound("That product");
    productName = row.name;
  }
  return checkDraft(input.text, rules, productName);
}
