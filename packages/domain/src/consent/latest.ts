// The consent in force for an HCP on a channel: the latest record for the product, unless a newer all-products
// revocation overrides it; with no product, the latest all-products record. Consent is append-only (schema/consent).
import { and, desc, eq, isNull, or, sql } from "drizzle-orm";

import { consentRecord, hcp, rowsOf, type Db } from "@pharmacrm/db";

import type { ConsentChannel } from "../channels";
import { zipInScope, type Scope } from "../scope";

export interface ConsentInForce {
  productId: string | null;
  status: "granted" | "revoked";
  source: string;
  recordedAt: Date;
}

export async function consentInForce(
  db: Db,
  scope: Scope,
  npi: string,
  channel: ConsentChannel,
  productId: string | null = null,
): Promise<ConsentInForce | undefined> {
  const records = await db
    .select({
      productId: consentRecord.productId,
      status: consentRecord.status,
      source: consentRecord.source,
      recordedAt: consentRecord.recordedAt,
    })
    .from(consentRecord)
    .where(
      and(
        eq(consentRecord.orgId, scope.orgId),
        eq(consentRecord.hcpNpi, npi),
        eq(consentRecord.channel, channel),
        productId
          ? or(eq(consentRecord.productId, productId), isNull(consentRecord.productId))
          : isNull(consentRecord.productId),
      ),
    )
    .orderBy(desc(consentRecord.recordedAt), desc(consentRecord.id));
  const forProduct = records.find((c) => c.productId !== null);
  const forAll = records.find((c) => c.productId === null);
  const overridden = forProduct && forAll?.status === "revoked" && forAll.recordedAt > forProduct.recordedAt;
  return overridden ? forAll : (forProduct ?? forAll);
}

/**
 * A physician in the viewer's territories whose latest all-products email consent is granted (the newest first):
 * whom a suggested "draft a follow-up email" can name and succeed for. Null when there is none.
 */
export async function physicianWithEmailConsent(db: Db, scope: Scope) {
  const result = await db.execute(sql`
    select h.npi, h.first_name as "firstName", h.last_name as "lastName", h.credential
    from ${consentRecord} c join ${hcp} h on h.npi = c.hcp_npi
    where c.org_id = ${scope.orgId}::uuid and c.channel = 'email' and c.product_id is null and c.status = 'granted'
      and not exists (select 1 from ${consentRecord} later where later.org_id = c.org_id and later.hcp_npi = c.hcp_npi
        and later.channel = 'email' and later.status = 'revoked' and later.recorded_at > c.recorded_at)
      and ${zipInScope(scope, sql.raw("h.practice_zip5"))}
    order by c.recorded_at desc, h.npi limit 1`);
  return (
    rowsOf<{ npi: string; firstName: string | null; lastName: string | null; credential: string | null }>(result)[0] ??
    null
  );
}
