import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { hcp, hcpAttribute, type Db } from "@pharmacrm/db";
import { recordAudit } from "../audit";
import { forbidden, notFound } from "../errors";
import { alignedTerritory, type Scope } from "../scope";

export const setHcpAttributesInput = z.object({
  npi: z.string().regex(/^\d{10}$/, "An NPI is 10 digits."),
  segment: z.string().trim().max(40, "A segment name is at most 40 characters.").nullable(),
  tier: z.string().trim().max(10, "A tier is at most 10 characters.").nullable(),
  decile: z.number().int().min(1, "Deciles run from 1 to 10.").max(10, "Deciles run from 1 to 10.").nullable(),
  notes: z.string().trim().max(4000, "Notes are limited to 4,000 characters.").nullable(),
});

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
