// The viewer's own calls in a period: the count and the calls (newest first, 50 unless asked) with physician, channel,
// products and samples — what "show my calls this week" and "how many calls did I log last month" read, and the
// My calls screen (up to 500).
import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";

import { hcp, interaction, interactionProduct, interactionSample, product, type Db } from "@pharmacrm/db";

import { displayName } from "../hcp/names";
import type { Scope } from "../scope";
import { listCallsInput, type ListCallsInput } from "./input";

const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export async function listCalls(db: Db, scope: Scope, raw: ListCallsInput) {
  const input = listCallsInput.parse(raw);
  const conditions = [
    eq(interaction.orgId, scope.orgId),
    eq(interaction.ownerId, scope.userId),
    gte(interaction.occurredAt, new Date(`${input.from}T00:00:00Z`)),
    lt(interaction.occurredAt, new Date(`${nextDay(input.to)}T00:00:00Z`)),
    input.channel ? eq(interaction.channel, input.channel) : undefined,
    input.npi ? eq(interaction.hcpNpi, input.npi) : undefined,
    input.product
      ? sql`exists (select 1 from ${interactionProduct} ip join ${product} p on p.id = ip.product_id
          where ip.interaction_id = ${interaction.id} and lower(p.name) = ${input.product.toLowerCase()})`
      : undefined,
  ];
  const [counted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(interaction)
    .where(and(...conditions));
  const rows = await db
    .select({
      id: interaction.id,
      occurredAt: interaction.occurredAt,
      channel: interaction.channel,
      npi: interaction.hcpNpi,
      notes: interaction.notes,
      firstName: hcp.firstName,
      lastName: hcp.lastName,
    })
    .from(interaction)
    .innerJoin(hcp, eq(hcp.npi, interaction.hcpNpi))
    .where(and(...conditions))
    .orderBy(desc(interaction.occurredAt))
    .limit(input.limit);
  const ids = rows.map((r) => r.id);
  const [products, samples] = ids.length
    ? await Promise.all([
        db
          .select({ id: interactionProduct.interactionId, name: product.name })
          .from(interactionProduct)
          .innerJoin(product, eq(product.id, interactionProduct.productId))
          .where(inArray(interactionProduct.interactionId, ids))
          .orderBy(interactionProduct.position),
        db
          .select({ id: interactionSample.interactionId, name: product.name, quantity: interactionSample.quantity })
          .from(interactionSample)
          .innerJoin(product, eq(product.id, interactionSample.productId))
          .where(inArray(interactionSample.interactionId, ids)),
      ])
    : [[], []];
  return {
    total: Number(counted?.n ?? 0),
    calls: rows.map(({ firstName, lastName, ...row }) => ({
      ...row,
      physician: displayName({ firstName, lastName }),
      products: products.filter((p) => p.id === row.id).map((p) => p.name),
      samples: samples.filter((s) => s.id === row.id).map((s) => ({ product: s.name, quantity: s.quantity })),
    })),
  };
}
