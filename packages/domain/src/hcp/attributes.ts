import { and, eq } from "drizzle-orm";
import { setHcpAttributesInput } from "../schemas";
import type { z } from "zod";
import { hcp, hcpAttribute, type Db } from "@pharmacrm/db";
import { recordAudit } from "../audit";
import { forbidden, notFound } from "../errors";
import { alignedTerritory, type Scope } from "../scope";


/** Upsert the org's segment/tier/decile/notes for an HCP the caller may act on. */
export async function setHcpAttributes(db: Db, scope: Scope, raw: z.input<typeof setHcpAttributesInput>) {
  const { npi, ...values } = setHcpAttributesInput.parse(raw);
  const [exists] = await db.select({ npi: hcp.npi }).from(hcp).where(eq(hcp.npi, npi)).limit(1);
  if (!exists) throw notFound(`Physician with NPI ${npi}`);
  if (scope.territoryIds !== null && !(await alignedTerritory(db, scope, npi))) {
    throw forbidden("This physician is outside your territories.");
  }
  return db.transaction(async (tx) => {
    const key = and(eq(hcpAttribute.orgId, scope.orgId), eq(hcpAttribute.hcpNpi, npi));
    const [before] = await tx.select().from(hcpAttribute).where(key);
    const [after] = await tx
      .insert(hcpAttribute)
      .values({ orgId: scope.orgId, hcpNpi: npi, ...values, updatedById: scope.userId })
      .onConflictDoUpdate({
        target: [hcpAttribute.orgId, hcpAttribute.hcpNpi],
        set: { ...values, updatedById: scope.userId, updatedAt: new Date() },
      })
      .returning();
    await recordAudit(tx, scope, { action: "hcp.setAttributes", entityType: "hcp_attribute", entityId: npi, before, after });
    return after!;
  });
}
