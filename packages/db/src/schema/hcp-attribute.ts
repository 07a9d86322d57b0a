// What an org knows about an HCP beyond public data: segment, tier, decile, notes, the preferred channel, tags.
import { sql } from "drizzle-orm";
import {
  check,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

import { ADOPTION_STAGES } from "./channels";
import { hcp } from "./hcp";
import { interactionChannel } from "./interaction";
import { appUser, org } from "./org";
import { product } from "./product";

export const hcpAttribute = pgTable(
  "hcp_attribute",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    hcpNpi: varchar("hcp_npi", { length: 10 })
      .notNull()
      .references(() => hcp.npi),
    segment: varchar("segment", { length: 40 }),
    tier: varchar("tier", { length: 10 }),
    /** 1–10 by market prescribing volume in the org's markets. */
    decile: smallint("decile"),
    notes: text("notes"),
    /** How the physician prefers to be reached (one of the call channels); null: not known. */
    preferredChannel: interactionChannel("preferred_channel"),
    /** Free labels the org files accounts under ("KOL", "speaker", "new practice"), unique whatever the case. */
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    updatedById: uuid("updated_by_id").references(() => appUser.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.hcpNpi] }),
    index("hcp_attribute_org_segment_idx").on(t.orgId, t.segment),
    check("hcp_attribute_decile_range", sql`${t.decile} between 1 and 10`),
  ],
);

/** Where a physician stands with one of the org's products, as the rep judges it; each move is audited. */
export const adoptionStage = pgEnum("adoption_stage", ADOPTION_STAGES);

export const hcpAdoption = pgTable(
  "hcp_adoption",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    hcpNpi: varchar("hcp_npi", { length: 10 })
      .notNull()
      .references(() => hcp.npi),
    productId: uuid("product_id")
      .notNull()
      .references(() => product.id),
    stage: adoptionStage("stage").notNull(),
    updatedById: uuid("updated_by_id").references(() => appUser.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.hcpNpi, t.productId] }),
    index("hcp_adoption_org_product_idx").on(t.orgId, t.productId, t.stage),
  ],
);
