import { and, eq } from "drizzle-orm";
import type { z } from "zod";

import { consentRecord, product, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { requireHcpInReach } from "../hcp/in-reach";
import { type Scope } from "../scope";
import { recordConsentInput } from "./input";

/** Consent is never edited: each change appends a record (the database rejects updates). */
export async function recordConsent(db: Db, scope: Scope, raw: z.input<typeof recordConsentInput>) {
  const input = recordConsentInput.parse(raw);
  await requireHcpInReach(db, scope, input.npi);
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
        evidence: input.evidence || null,
        recordedById: scope.userId,
      })
      .returning();
    await recordAudit(tx, scope, {
      action: "consent.record",
      entityType: "consent_record",
      entityId: created!.id,
      after: created,
    });
    return created!;
  });
}
