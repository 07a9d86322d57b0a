// Calls / visits: who met which HCP, how, about which products, with which samples.
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

import { CALL_CHANNELS } from "./channels";
import { hcp } from "./hcp";
import { appUser, org, territory } from "./org";
import { product } from "./product";

export const interactionChannel = pgEnum("interaction_channel", CALL_CHANNELS);

export const interaction = pgTable(
  "interaction",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    hcpNpi: varchar("hcp_npi", { length: 10 })
      .notNull()
      .references(() => hcp.npi),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => appUser.id),
    /** The territory the HCP was aligned to when the call happened; drives who may see it. */
    territoryId: uuid("territory_id").references(() => territory.id),
    channel: interactionChannel("channel").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    notes: text("notes"),
    followUp: text("follow_up"),
    followUpDate: date("follow_up_date"),
    /** The physician's signature for samples handed over in person: strokes of x,y points on a 600×200 pad. */
    signature: jsonb("signature").$type<number[][]>(),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    /** When the call was submitted (and so locked): a call row exists only once submitted. */
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("interaction_org_territory_idx").on(t.orgId, t.territoryId, t.occurredAt),
    index("interaction_org_hcp_idx").on(t.orgId, t.hcpNpi, t.occurredAt),
    index("interaction_owner_idx").on(t.ownerId, t.occurredAt),
  ],
);

export const interactionProduct = pgTable(
  "interaction_product",
  {
    interactionId: uuid("interaction_id")
      .notNull()
      .references(() => interaction.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => product.id),
    /** Detailing order: 1 = primary message. */
    position: smallint("position").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.interactionId, t.productId] })],
);

export const interactionSample = pgTable(
  "interaction_sample",
  {
    interactionId: uuid("interaction_id")
      .notNull()
      .references(() => interaction.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => product.id),
    quantity: integer("quantity").notNull(),
    lotNumber: varchar("lot_number", { length: 40 }),
  },
  (t) => [
    primaryKey({ columns: [t.interactionId, t.productId] }),
    check("interaction_sample_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

/**
 * A call report being written: the rep's own, editable, counted nowhere. Submitting it writes the interaction with
 * the same id and deletes the draft; an admin's unlock turns a submitted call back into a draft. The form's fields
 * live in `body` (validated by the domain's draft schema), the columns are what lists sort and filter on.
 */
export const callDraft = pgTable(
  "call_draft",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    hcpNpi: varchar("hcp_npi", { length: 10 })
      .notNull()
      .references(() => hcp.npi),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => appUser.id),
    territoryId: uuid("territory_id").references(() => territory.id),
    channel: interactionChannel("channel").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    body: jsonb("body").notNull().$type<Record<string, unknown>>(),
    /** Set when an admin unlocked a submitted call: the reason given. */
    unlockReason: text("unlock_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("call_draft_owner_idx").on(t.ownerId, t.occurredAt),
    index("call_draft_org_hcp_idx").on(t.orgId, t.hcpNpi),
  ],
);
