// An admin's product settings: whether reps may sample a product, its sampling limits (per call, per physician per
// calendar year — what submitting a call report checks) and whether it is active. Audited with before and after.
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";

import { market, product, type Db } from "@pharmacrm/db";

import { requireAdmin } from "./account/users";
import { recordAudit } from "./audit";
import { DomainError, notFound } from "./errors";
import { updateProductInput } from "./product-input";
import type { Scope } from "./scope";

/** Every product of the org, active or not, with its market. */
export async function listOrgProducts(db: Db, scope: Scope) {
  requireAdmin(scope);
  return db
    .select({
      id: product.id,
      name: product.name,
      genericName: product.genericName,
      partDBrandName: product.partDBrandName,
      market: market.name,
      marketId: product.marketId,
      sampleable: product.sampleable,
      sampleLimitPerCall: product.sampleLimitPerCall,
      sampleLimitPerYear: product.sampleLimitPerYear,
      active: product.active,
    })
    .from(product)
    .leftJoin(market, eq(market.id, product.marketId))
    .where(eq(product.orgId, scope.orgId))
    .orderBy(asc(product.name));
}

export async function updateProduct(db: Db, scope: Scope, raw: z.input<typeof updateProductInput>) {
  requireAdmin(scope);
  const { id, ...values } = updateProductInput.parse(raw);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(product)
      .where(and(eq(product.id, id), eq(product.orgId, scope.orgId)))
      .for("update");
    if (!before) throw notFound("That product");
    if (values.marketId) {
      const [own] = await tx
        .select({ id: market.id })
        .from(market)
        .where(and(eq(market.id, values.marketId), eq(market.orgId, scope.orgId)));
      if (!own) throw notFound("That market");
    }
    const changes = Object.fromEntries(
      Object.entries(values).filter(
        ([key, value]) => value !== undefined && before[key as keyof typeof before] !== value,
      ),
    );
    if (Object.keys(changes).length === 0) return before;
    if (changes.active === false && (await activeCount(tx, scope.orgId)) <= 1)
      throw new DomainError("CONFLICT", "Keep at least one active product: calls are reported against one.");
    const [after] = await tx.update(product).set(changes).where(eq(product.id, id)).returning();
    await recordAudit(tx, scope, {
      action: "product.update",
      entityType: "product",
      entityId: id,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof typeof before]])),
      after: changes,
    });
    return after!;
  });
}

async function activeCount(tx: Db, orgId: string) {
  return (
    await tx
      .select({ id: product.id })
      .from(product)
      .where(and(eq(product.orgId, orgId), eq(product.active, true)))
  ).length;
}
