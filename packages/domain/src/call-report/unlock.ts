// An admin reopens a submitted call with a reason: in one transaction the call becomes its owner's draft again (same
// id, the reason on it), the samples it dropped go back into the owner's stock as "reversed" movements, and the call
// row is removed, so nothing counts it until it is submitted again. The audit row keeps the call as it was.
import { and, eq } from "drizzle-orm";
import type { z } from "zod";

import { callDraft, interaction, interactionProduct, interactionSample, sampleLedger, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { forbidden, notFound } from "../errors";
import type { Scope } from "../scope";
import { unlockCallInput } from "./input";
import { lockStock } from "./stock";

export async function unlockCall(db: Db, scope: Scope, raw: z.input<typeof unlockCallInput>) {
  if (scope.role !== "admin") throw forbidden("Only an admin can unlock a submitted call.");
  const { id, reason } = unlockCallInput.parse(raw);
  return db.transaction(async (tx) => {
    const [call] = await tx
      .select()
      .from(interaction)
      .where(and(eq(interaction.id, id), eq(interaction.orgId, scope.orgId)))
      .for("update");
    if (!call) throw notFound("This call");
    const [products, samples] = await Promise.all([
      tx
        .select()
        .from(interactionProduct)
        .where(eq(interactionProduct.interactionId, id))
        .orderBy(interactionProduct.position),
      tx.select().from(interactionSample).where(eq(interactionSample.interactionId, id)),
    ]);
    await lockStock(tx, scope.orgId, call.ownerId);
    const dropped = samples.filter((s) => s.lotNumber);
    if (dropped.length)
      await tx.insert(sampleLedger).values(
        dropped.map((s) => ({
          orgId: scope.orgId,
          ownerId: call.ownerId,
          productId: s.productId,
          lotNumber: s.lotNumber!,
          kind: "reversed" as const,
          quantity: s.quantity,
          interactionId: id,
          reason,
          recordedBy: scope.userId,
        })),
      );
    await tx.delete(interaction).where(eq(interaction.id, id));
    await tx.insert(callDraft).values({
      id,
      orgId: call.orgId,
      hcpNpi: call.hcpNpi,
      ownerId: call.ownerId,
      territoryId: call.territoryId,
      channel: call.channel,
      occurredAt: call.occurredAt,
      // The follow-up task was created at submit and stays; submitting again must not make a second one.
      body: {
        productIds: products.map((p) => p.productId),
        samples: samples.map((s) => ({ productId: s.productId, lotNumber: s.lotNumber ?? "", quantity: s.quantity })),
        notes: call.notes,
        followUp: null,
        followUpDate: null,
        signature: call.signature,
      },
      unlockReason: reason,
    });
    await recordAudit(tx, scope, {
      action: "interaction.unlock",
      entityType: "interaction",
      entityId: id,
      before: { ...call, signature: call.signature ? "(signed)" : null, products, samples },
      after: { reason },
    });
    return { id, ownerId: call.ownerId };
  });
}
