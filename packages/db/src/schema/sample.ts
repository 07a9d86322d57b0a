// Sample stock: each rep's append-only ledger of sample units per product and lot. A balance is the sum of its
// movements; a submitted call drops units, an admin's unlock of that call reverses them.
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

import { appUser, org } from "./org";
import { product } from "./product";

export const SAMPLE_MOVEMENTS = ["received", "dropped", "adjusted", "reversed"] as const;
export const sampleMovementKind = pgEnum("sample_movement_kind", SAMPLE_MOVEMENTS);

export const sampleLedger = pgTable(
  "sample_ledger",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    /** The rep whose stock moves. */
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => appUser.id),
    productId: uuid("product_id")
      .notNull()
      .references(() => product.id),
    lotNumber: varchar("lot_number", { length: 40 }).notNull(),
    kind: sampleMovementKind("kind").notNull(),
    /** Units in (+) or out (−). */
    quantity: integer("quantity").notNull(),
    /** A received lot's expiry date: a lot is not dropped after it. */
    expiresOn: date("expires_on"),
    /** The call that dropped (or whose unlock reversed) these units; no foreign key: an unlocked call is a draft. */
    interactionId: uuid("interaction_id"),
    reason: text("reason"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sample_ledger_stock_idx").on(t.orgId, t.ownerId, t.productId, t.lotNumber),
    check("sample_ledger_quantity_nonzero", sql`${t.quantity} <> 0`),
  ],
);
