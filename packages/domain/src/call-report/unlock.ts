// An admin reopens a submitted call with a reason: in one transaction the call becomes its owner's draft again (same
// id, the reason on it), the samples it dropped go back into the owner's stock as "reversed" movements, and the call
// row is removed, so nothing counts it until it is submitted again. The audit row keeps the call as it was.
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";

import { callDraft, interaction, interactionProduct, interactionSample, sampleLedger, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { forbidden, notFound } from "../errors";
import type { Scope } from "../scope";
import type { DraftBody } from "./drafts";
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
    // Back into the stock goes what the ledger shows this call took, per lot: nothing for a call logged before the
    // ledger (its lots were never in a stock), nothing twice.
    const taken = await tx
      .select({
        productId: sampleLedger.productId,
        lotNumber: sampleLedger.lotNumber,
        units: sql<number>`(-sum(${sampleLedger.quantity}))::int`,
      })
      .from(sampleLedger)
      .where(and(eq(sampleLedger.orgId, scope.orgId), eq(sampleLedger.interactionId, id)))
      .groupBy(sampleLedger.productId, sampleLedger.lotNumber);
    const returned = taken.filter((t) => Number(t.units) > 0);
    if (returned.length)
      await tx.insert(sampleLedger).values(
        returned.map((t) => ({
          orgId: scope.orgId,
          ownerId: call.ownerId,
          productId: t.productId,
          lotNumber: t.lotNumber,
          kind: "reversed" as const,
          quantity: Number(t.units),
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
      body: {
        productIds: products.map((p) => p.productId),
        samples: samples.map((s) => ({
          productId: s.productId,
          lotNumber: (s.lotNumber ?? "").toUpperCase(),
          quantity: s.quantity,
        })),
        notes: call.notes,
        followUp: call.followUp,
        followUpDate: call.followUpDate,
        signature: call.signature,
        signedAt: call.signedAt?.toISOString() ?? null,
        // The follow-up task was made at the first submit and stays; submitting again must not make a second one.
        followUpTaskMade: Boolean(call.followUp || call.followUpDate),
      } satisfies DraftBody,
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
