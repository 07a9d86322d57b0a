import { and, eq } from "drizzle-orm";
import { recordConsentInput } from "../schemas";
import type { z } from "zod";
import { consentRecord, hcp, product, type Db } from "@pharmacrm/db";
import { recordAudit } from "../audit";
import { DomainError, forbidden, notFound } from "../errors";
import { alignedTerritory, type Scope } from "../scope";


/** Consent is never edited: each change appends a record (the database rejects updates). */
export async function recordConsent(db: Db, scope: Scope, raw: z.input<typeof recordConsentInput>) {
  const input = recordConsentInput.parse(raw);
  const [exists] = await db.select({ npi: hcp.npi }).from(hcp).where(eq(hcp.npi, input.npi)).limit(1);
  if (!exists) throw notFound(`Physician with NPI ${input.npi}`);
  if (scope.territoryIds !== null && !(await alignedTerritory(db, scope, input.npi))) {
    throw forbidden("This physician is outside your territories.");
  }
  if (input.productId) {
    const [own] = await db
      .select({ id: product.id })
      .from(product)
      .where(and(eq(product.id, input.productId), eq(product.orgId, scope.orgId)));
    if (!own) throw new DomainError("BAD_REQUEST", "That product is not one of your organisation's products.");
  }
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(consentRecord)
      .values({
        orgId: scope.orgId,
        hcpNpi: input.npi,
        channel: input.channel,
        productId: input.productId,
        status: input.status,
        source: input.source,
        recordedById: scope.userId,
      })
      .returning();
    await recordAudit(tx, scope, { action: "consent.record", entityType: "consent_record", entityId: created!.id, after: created });
    return created!;
  });
}
