// Logging a call: validated, aligned to a territory the caller may act in, audited in one transaction.
import { and, eq, inArray } from "drizzle-orm";

import { interaction, interactionProduct, interactionSample, product, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { requireHcpInReach } from "../hcp/in-reach";
import { type Scope } from "../scope";
import { insertTask } from "../task/task";
import { logInteractionInput, type LogInteractionInput } from "./input";

export async function logInteraction(db: Db, scope: Scope, raw: LogInteractionInput) {
  const input = logInteractionInput.parse(raw);
  const { territoryId } = await requireHcpInReach(db, scope, input.npi);

  const productIds = [...new Set([...input.productIds, ...input.samples.map((s) => s.productId)])];
  if (productIds.length > 0) {
    const owned = await db
      .select({ id: product.id, sampleable: product.sampleable })
      .from(product)
      .where(and(eq(product.orgId, scope.orgId), eq(product.active, true), inArray(product.id, productIds)));
    if (owned.length !== productIds.length)
      throw new DomainError("BAD_REQUEST", "One of the products is not an active product of your organisation.");
    const notSampleable = input.samples.find((s) => !owned.find((p) => p.id === s.productId)?.sampleable);
    if (notSampleable) throw new DomainError("BAD_REQUEST", "Samples can only be given for sampleable products.");
  }

  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(interaction)
      .values({
        orgId: scope.orgId,
        hcpNpi: input.npi,
        ownerId: scope.userId,
        territoryId,
        channel: input.channel,
        occurredAt: input.occurredAt,
        notes: input.notes || null,
        followUp: input.followUp || null,
        followUpDate: input.followUpDate ?? null,
      })
      .returning();
    if (input.productIds.length > 0) {
      await tx
        .insert(interactionProduct)
        .values(input.productIds.map((productId, i) => ({ interactionId: created!.id, productId, position: i + 1 })));
    }
    if (input.samples.length > 0) {
      await tx.insert(interactionSample).values(input.samples.map((s) => ({ interactionId: created!.id, ...s })));
    }
    // A follow-up said with the call becomes the rep's task, due on its date, in the same transaction.
    const followUpTask =
      input.followUp || input.followUpDate
        ? await insertTask(tx, scope, {
            npi: input.npi,
            territoryId,
            title: (input.followUp || "Follow up").slice(0, 200),
            details: null,
            dueDate: input.followUpDate ?? null,
          })
        : null;
    await recordAudit(tx, scope, {
      action: "interaction.log",
      entityType: "interaction",
      entityId: created!.id,
      after: { ...created, productIds: input.productIds, samples: input.samples },
    });
    return { ...created!, followUpTaskId: followUpTask?.id ?? null };
  });
}
