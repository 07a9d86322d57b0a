// Append-only audit trail, written in the same transaction as every mutation.
// A database trigger (drizzle/0002) rejects UPDATE and DELETE.
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
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
  },
  (t) => [
    index("audit_event_org_time_idx").on(t.orgId, t.occurredAt),
    index("audit_event_entity_idx").on(t.orgId, t.entityType, t.entityId),
  ],
);
