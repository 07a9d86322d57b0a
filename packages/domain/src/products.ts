import { and, asc, eq } from "drizzle-orm";

import { product, type Db } from "@pharmacrm/db";

import type { Scope } from "./scope";

export function listProducts(db: Db, scope: Scope) {
  return db
    .select({ id: product.id, name: product.name, genericName: product.genericName, sampleable: product.sampleable })
    .from(product)
    .where(and(eq(product.orgId, scope.orgId), eq(product.active, true)))
    .orderBy(asc(product.name));
}
