// Logging a call: validated, aligned to a territory the caller may act in, audited in one transaction.
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { hcp, interaction, interactionProduct, interactionSample, product, type Db } from "@pharmacrm/db";
import { recordAudit } from "../audit";
import { DomainError, forbidden, notFound } from "../errors";
import { alignedTerritory, type Scope } from "../scope";

export const logInteractionInput = z
  .object({
    npi: z.string().regex(/^\d{10}$/, "An NPI is 10 digits."),
    channel: z.enum(["in_person", "phone", "video", "email"], { message: "Choose how you met: in person, phone, video or email." }),
    occurredAt: z.coerce.date({ message: "Enter when the call happened." }),
    productIds: z.array(z.uuid()).max(5, "Discuss at most 5 products in one call.").default([]),
    samples: z
      .array(
        z.object({
          productId: z.uuid(),
          quantity: z.number().int("Sample quantities are whole numbers.").min(1, "A sample quantity must be at least 1.").max(500, "At most 500 units of one sample per call."),
        }),
      )
      .default([]),
    notes: z.string().trim().max(4000, "Notes are limited to 4,000 characters.").optional(),
    followUp: z.string().trim().max(1000).optional(),
    followUpDate: z.iso.date({ message: "Use a date like 2026-12-01." }).optional(),
  })
  .refine((v) => v.occurredAt.getTime() <= Date.now() + 5 * 60_000, {
    message: "A logged call cannot be in the future.",
    path: ["occurredAt"],
  })
  .refine((v) => new Set(v.samples.map((s) => s.productId)).size === v.samples.length, {
    message: "List each sampled product once.",
    path: ["samples"],
  });
export type LogInteractionInput = z.input<typeof logInteractionInput>;

export async function logInteraction(db: Db, scope: Scope, raw: LogInteractionInput) {
  const input = logInteractionInput.parse(raw);
  const [exists] = await db.select({ npi: hcp.npi }).from(hcp).where(eq(hcp.npi, input.npi)).limit(1);
  if (!exists) throw notFound(`Physician with NPI ${input.npi}`);

  const territoryId = await alignedTerritory(db, scope, input.npi);
  if (!territoryId && scope.territoryIds !== null) throw forbidden("This physician is outside your territories.");

  const productIds = [...new Set([...input.productIds, ...input.samples.map((s) => s.productId)])];
  if (productIds.length > 0) {
    const owned = await db
      .select({ id: product.id, sampleable: product.sampleable })
      .from(product)
      .where(and(eq(product.orgId, scope.orgId), eq(product.active, true), inArray(product.id, productIds)));
    if (owned.length !== productIds.length) throw new DomainError("BAD_REQUEST", "One of the products is not an active product of your organisation.");
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
    await recordAudit(tx, scope, {
      action: "interaction.log",
      entityType: "interaction",
      entityId: created!.id,
      after: { ...created, productIds: input.productIds, samples: input.samples },
    });
    return created!;
  });
}
