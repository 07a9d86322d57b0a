// The products discussed (in order) and the samples left at a set of calls: what every call list and the call page
// show beside each call.
import { and, eq, inArray } from "drizzle-orm";

import { interactionProduct, interactionSample, product, type Db } from "@pharmacrm/db";

export async function callLines(db: Db, ids: string[]) {
  if (ids.length === 0) return { products: [], samples: [] };
  const [products, samples] = await Promise.all([
    db
      .select({ interactionId: interactionProduct.interactionId, id: product.id, name: product.name })
      .from(interactionProduct)
      .innerJoin(product, eq(product.id, interactionProduct.productId))
      .where(inArray(interactionProduct.interactionId, ids))
      .orderBy(interactionProduct.position),
    db
      .select({
        interactionId: interactionSample.interactionId,
        productId: interactionSample.productId,
        name: product.name,
        quantity: interactionSample.quantity,
        lotNumber: interactionSample.lotNumber,
      })
      .from(interactionSample)
      .innerJoin(product, eq(product.id, interactionSample.productId))
      .where(inArray(interactionSample.interactionId, ids)),
  ]);
  return { products, samples };
}

/** The org's product names by id (a draft's products are ids in its body). */
export async function productNames(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: product.id, name: product.name })
    .from(product)
    .where(and(eq(product.orgId, orgId), inArray(product.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
