// A rep's sample stock: the balance per product and lot (the sum of the ledger's movements), shipments received and
// adjustments with a reason. Reps keep their own; managers read their region's reps', admins any rep's in the org and
// may adjust it (a reconciliation). Every movement is audited in its transaction.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";

import { appUser, product, rowsOf, sampleLedger, type Db } from "@pharmacrm/db";

import { repsInScope } from "../analytics/reps";
import { recordAudit } from "../audit";
import { DomainError, forbidden } from "../errors";
import type { Scope } from "../scope";
import { adjustSamplesInput, receiveSamplesInput, sampleStockInput } from "./input";
import { lotKey } from "./rules";

/** Serialises stock movements of one rep, so two calls never spend the same units. */
export const lockStock = (tx: Db, orgId: string, ownerId: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext('sample_stock'), hashtext(${`${orgId}:${ownerId}`}))`);

/** Whose stock the viewer may read: their own, or a rep they oversee. */
async function stockOwner(db: Db, scope: Scope, ownerId: string | undefined) {
  if (!ownerId || ownerId === scope.userId) return scope.userId;
  if (scope.role === "rep") throw forbidden("You can see your own sample stock only.");
  const reps = await repsInScope(db, scope);
  if (!reps.some((r) => r.id === ownerId)) throw forbidden("That rep is not one you oversee.");
  return ownerId;
}

export interface StockLot {
  productId: string;
  product: string;
  lotNumber: string;
  balance: number;
  expiresOn: string | null;
  lastMovedAt: Date;
}

/** Balances per lot for products given (or all); lots at zero stay listed while they have movements. */
export async function stockLots(db: Db, orgId: string, ownerId: string, productIds?: string[]): Promise<StockLot[]> {
  if (productIds && productIds.length === 0) return [];
  const rows = await db
    .select({
      productId: sampleLedger.productId,
      product: product.name,
      lotNumber: sampleLedger.lotNumber,
      balance: sql<number>`sum(${sampleLedger.quantity})::int`,
      expiresOn: sql<string | null>`max(${sampleLedger.expiresOn})::text`,
      lastMovedAt: sql<Date>`max(${sampleLedger.createdAt})`,
    })
    .from(sampleLedger)
    .innerJoin(product, eq(product.id, sampleLedger.productId))
    .where(
      and(
        eq(sampleLedger.orgId, orgId),
        eq(sampleLedger.ownerId, ownerId),
        productIds ? inArray(sampleLedger.productId, productIds) : undefined,
      ),
    )
    .groupBy(sampleLedger.productId, product.name, sampleLedger.lotNumber)
    .orderBy(product.name, sampleLedger.lotNumber);
  return rows.map((r) => ({ ...r, balance: Number(r.balance), lastMovedAt: new Date(r.lastMovedAt) }));
}

export const lotsByKey = (lots: StockLot[]) =>
  new Map(lots.map((l) => [lotKey(l.productId, l.lotNumber), { balance: l.balance, expiresOn: l.expiresOn }]));

/** The stock screen: lots with their balances, the last 100 movements, and (managers, admins) the reps to choose. */
export async function sampleStock(db: Db, scope: Scope, raw: z.input<typeof sampleStockInput>) {
  const { ownerId: asked } = sampleStockInput.parse(raw);
  const ownerId = await stockOwner(db, scope, asked);
  const [lots, movements, [owner], reps] = await Promise.all([
    stockLots(db, scope.orgId, ownerId),
    db
      .select({
        id: sampleLedger.id,
        at: sampleLedger.createdAt,
        kind: sampleLedger.kind,
        product: product.name,
        lotNumber: sampleLedger.lotNumber,
        quantity: sampleLedger.quantity,
        reason: sampleLedger.reason,
        interactionId: sampleLedger.interactionId,
        recordedBy: appUser.name,
      })
      .from(sampleLedger)
      .innerJoin(product, eq(product.id, sampleLedger.productId))
      .innerJoin(appUser, eq(appUser.id, sampleLedger.recordedBy))
      .where(and(eq(sampleLedger.orgId, scope.orgId), eq(sampleLedger.ownerId, ownerId)))
      .orderBy(desc(sampleLedger.createdAt), desc(sampleLedger.id))
      .limit(100),
    db.select({ id: appUser.id, name: appUser.name }).from(appUser).where(eq(appUser.id, ownerId)),
    scope.role === "rep" ? Promise.resolve([]) : repsInScope(db, scope),
  ]);
  return {
    owner: owner ?? { id: ownerId, name: "" },
    own: ownerId === scope.userId,
    /** The owner corrects their own counts; an admin reconciles anyone's. */
    canAdjust: ownerId === scope.userId || scope.role === "admin",
    lots,
    movements,
    reps: reps.map((r) => ({ id: r.id, name: r.name })),
  };
}

async function requireSampleable(db: Db, scope: Scope, productId: string) {
  const [p] = await db
    .select({ name: product.name, sampleable: product.sampleable, active: product.active })
    .from(product)
    .where(and(eq(product.orgId, scope.orgId), eq(product.id, productId)));
  if (!p || !p.active) throw new DomainError("BAD_REQUEST", "That is not an active product of your organisation.");
  if (!p.sampleable) throw new DomainError("BAD_REQUEST", `${p.name} is not sampled.`);
  return p;
}

/** A shipment received into the viewer's own stock. */
export async function receiveSamples(db: Db, scope: Scope, raw: z.input<typeof receiveSamplesInput>) {
  const input = receiveSamplesInput.parse(raw);
  await requireSampleable(db, scope, input.productId);
  return db.transaction(async (tx) => {
    await lockStock(tx, scope.orgId, scope.userId);
    const [row] = await tx
      .insert(sampleLedger)
      .values({
        orgId: scope.orgId,
        ownerId: scope.userId,
        productId: input.productId,
        lotNumber: input.lotNumber,
        kind: "received",
        quantity: input.quantity,
        expiresOn: input.expiresOn ?? null,
        recordedBy: scope.userId,
      })
      .returning();
    await recordAudit(tx, scope, {
      action: "sample.receive",
      entityType: "sample_ledger",
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

/** A correction with its reason: the rep's own stock, or an admin reconciling a rep's; never below zero. */
export async function adjustSamples(db: Db, scope: Scope, raw: z.input<typeof adjustSamplesInput>) {
  const input = adjustSamplesInput.parse(raw);
  const ownerId = input.ownerId ?? scope.userId;
  if (ownerId !== scope.userId) {
    if (scope.role !== "admin") throw forbidden("Only an admin adjusts another person's sample stock.");
    const [owner] = await db
      .select({ id: appUser.id })
      .from(appUser)
      .where(and(eq(appUser.id, ownerId), eq(appUser.orgId, scope.orgId)));
    if (!owner) throw forbidden("That person is not in your organisation.");
  }
  await requireSampleable(db, scope, input.productId);
  return db.transaction(async (tx) => {
    await lockStock(tx, scope.orgId, ownerId);
    const [lot] = await stockLots(tx, scope.orgId, ownerId, [input.productId]).then((lots) =>
      lots.filter((l) => l.lotNumber === input.lotNumber),
    );
    if (!lot) throw new DomainError("BAD_REQUEST", `There is no lot ${input.lotNumber} of that product in the stock.`);
    if (lot.balance + input.quantity < 0)
      throw new DomainError(
        "BAD_REQUEST",
        `Lot ${input.lotNumber} has ${lot.balance} units; an adjustment cannot take it below zero.`,
      );
    const [row] = await tx
      .insert(sampleLedger)
      .values({
        orgId: scope.orgId,
        ownerId,
        productId: input.productId,
        lotNumber: input.lotNumber,
        kind: "adjusted",
        quantity: input.quantity,
        reason: input.reason,
        recordedBy: scope.userId,
      })
      .returning();
    await recordAudit(tx, scope, {
      action: "sample.adjust",
      entityType: "sample_ledger",
      entityId: row!.id,
      after: row,
    });
    return { ...row!, balance: lot.balance + input.quantity };
  });
}

/** Units of each product a physician received in a calendar year from the org's submitted calls. */
export async function unitsGivenInYear(db: Db, orgId: string, npi: string, year: number, productIds: string[]) {
  if (productIds.length === 0) return new Map<string, number>();
  const rows = rowsOf<{ product_id: string; units: number }>(
    await db.execute(sql`select s.product_id, sum(s.quantity)::int as units
      from interaction_sample s join interaction i on i.id = s.interaction_id
      where i.org_id = ${orgId}::uuid and i.hcp_npi = ${npi}
        and i.occurred_at >= ${`${year}-01-01T00:00:00Z`}::timestamptz and i.occurred_at < ${`${year + 1}-01-01T00:00:00Z`}::timestamptz
        and s.product_id in (${sql.join(
          productIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
      group by s.product_id`),
  );
  return new Map(rows.map((r) => [r.product_id, Number(r.units)]));
}
