// Outreach drafts the copilot wrote for a rep (never sent by the system) and next-best-action decisions.
import { index, jsonb, numeric, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

import { hcp } from "./hcp";
import { appUser, org, territory } from "./org";
import { product } from "./product";

export const outreachPurpose = pgEnum("outreach_purpose", ["follow_up", "invitation", "sample_offer"]);

export const outreachDraft = pgTable(
  "outreach_draft",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => appUser.id),
    hcpNpi: varchar("hcp_npi", { length: 10 })
      .notNull()
      .references(() => hcp.npi),
    territoryId: uuid("territory_id").references(() => territory.id),
    productId: uuid("product_id").references(() => product.id),
    purpose: outreachPurpose("purpose").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** The compliance review at the time of drafting: { passed, flags }. */
    compliance: jsonb("compliance").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outreach_draft_owner_idx").on(t.ownerId, t.createdAt),
    index("outreach_draft_org_hcp_idx").on(t.orgId, t.hcpNpi),
  ],
);

export const nbaDecisionKind = pgEnum("nba_decision_kind", ["accepted", "dismissed"]);

export const nbaDecision = pgTable(
  "nba_decision",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    hcpNpi: varchar("hcp_npi", { length: 10 })
      .notNull()
      .references(() => hcp.npi),
    action: varchar("action", { length: 16 }).notNull(),
    score: numeric("score", { precision: 6, scale: 1 }).notNull(),
    confidence: numeric("confidence", { precision: 3, scale: 2 }).notNull(),
    reasons: jsonb("reasons").notNull(),
    decision: nbaDecisionKind("decision").notNull(),
    /** Required when dismissed. */
    reason: text("reason"),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("nba_decision_user_idx").on(t.userId, t.decidedAt),
    index("nba_decision_org_hcp_idx").on(t.orgId, t.hcpNpi),
  ],
);
