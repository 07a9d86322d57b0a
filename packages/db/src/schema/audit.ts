// Append-only audit trail, written in the same transaction as every mutation.
// A database trigger (drizzle/0002) rejects UPDATE and DELETE. Each org's events form a hash chain (drizzle/0011):
// a BEFORE INSERT trigger numbers them gaplessly per org (seq) and sets prev_hash and hash = sha256 over a canonical
// serialisation of the event, holding the org's chain-head row locked so concurrent writers cannot fork the chain.
import {
  bigint,
  bigserial,
  char,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

import { appUser, org } from "./org";

export const auditEvent = pgTable(
  "audit_event",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    actorId: uuid("actor_id").references(() => appUser.id),
    action: varchar("action", { length: 64 }).notNull(),
    entityType: varchar("entity_type", { length: 64 }).notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    /** 1, 2, 3, … per org, without gaps. Set by the chain trigger (the default only lets inserts omit it). */
    seq: bigint("seq", { mode: "number" }).notNull().default(0),
    /** The hash of the org's previous event; null for its first. */
    prevHash: char("prev_hash", { length: 64 }),
    /** sha256 (hex) of audit_event_canonical(...): set by the chain trigger, whatever the insert said. */
    hash: char("hash", { length: 64 }).notNull().default(""),
  },
  (t) => [
    index("audit_event_org_time_idx").on(t.orgId, t.occurredAt),
    index("audit_event_entity_idx").on(t.orgId, t.entityType, t.entityId),
    index("audit_event_org_actor_idx").on(t.orgId, t.actorId, t.occurredAt),
    uniqueIndex("audit_event_org_seq_uq").on(t.orgId, t.seq),
  ],
);

/** The last link of each org's chain. Its row lock serialises writers per org; its seq exposes a truncated tail. */
export const auditChainHead = pgTable("audit_chain_head", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => org.id),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: char("hash", { length: 64 }).notNull(),
});
