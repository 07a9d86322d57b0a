// The consent in force for an HCP on a channel: the latest record for the product, unless a newer all-products
// revocation overrides it; with no product, the latest all-products record. Consent is append-only (schema/consent).
import { and, desc, eq, isNull, or } from "drizzle-orm";

import { consentRecord, type Db } from "@pharmacrm/db";

import type { ConsentChannel } from "../channels";
import type { Scope } from "../scope";

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
