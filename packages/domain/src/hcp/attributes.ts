import { and, eq } from "drizzle-orm";
import type { z } from "zod";

import { hcpAttribute, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { type Scope } from "../scope";
import { requireHcpInReach } from "./in-reach";
import { setHcpAttributesInput } from "./input";

/** Upsert the org's segment/tier/decile/notes for an HCP the caller may act on. */
export async function setHcpAttributes(db: Db, scope: Scope, raw: z.input<typeof setHcpAttributesInput>) {
  const { npi, ...values } = setHcpAttributesInput.parse(raw);
  await requireHcpInReach(db, scope, npi);
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
    await recordAudit(tx, scope, {
      action: "hcp.setAttributes",
      entityType: "hcp_attribute",
      entityId: npi,
      before,
      after,
    });
    return after!;
  });
}
