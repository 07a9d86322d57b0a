// What the org allows reps to say: approved claims per product (quoted word for word in outreach) and banned phrases.
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { appUser, org } from "./org";
import { product } from "./product";

export const approvedClaim = pgTable(
  "approved_claim",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    productId: uuid("product_id")
      .notNull()
      .references(() => product.id),
    text: text("text").notNull(),
    /** Where the claim is supported, e.g. the label section or study. */
    reference: text("reference"),
    createdById: uuid("created_by_id").references(() => appUser.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("approved_claim_product_idx").on(t.orgId, t.productId)],
);

export const bannedPhrase = pgTable(
  "banned_phrase",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    phrase: text("phrase").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("banned_phrase_org_phrase_uq").on(t.orgId, t.phrase)],
);
