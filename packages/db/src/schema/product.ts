// The org's brands and markets: a market is the set of Part D drugs a brand competes with.
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { org } from "./org";

export const market = pgTable(
  "market",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    name: text("name").notNull(),
    therapeuticArea: text("therapeutic_area"),
  },
  (t) => [uniqueIndex("market_org_name_uq").on(t.orgId, t.name)],
);

/** A Part D drug (by brand and generic name as CMS writes them) that belongs to a market. */
export const marketDrug = pgTable(
  "market_drug",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    marketId: uuid("market_id")
      .notNull()
      .references(() => market.id, { onDelete: "cascade" }),
    brandName: text("brand_name").notNull(),
    genericName: text("generic_name").notNull(),
    /** True when this drug is one of the org's own products. */
    isOwn: boolean("is_own").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.marketId, t.brandName] }), index("market_drug_brand_idx").on(t.orgId, t.brandName)],
);

export const product = pgTable(
  "product",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    marketId: uuid("market_id").references(() => market.id),
    name: text("name").notNull(),
    /** The Part D brand name this product appears under in prescribing data. */
    partDBrandName: text("part_d_brand_name"),
    genericName: text("generic_name"),
    /** Whether reps may hand out samples of it. */
    sampleable: boolean("sampleable").notNull().default(true),
    /** At most this many units of it at one call (none set: no limit beyond the form's 500). */
    sampleLimitPerCall: integer("sample_limit_per_call"),
    /** At most this many units to one physician in a calendar year. */
    sampleLimitPerYear: integer("sample_limit_per_year"),
    active: boolean("active").notNull().default(true),
  },
  (t) => [uniqueIndex("product_org_name_uq").on(t.orgId, t.name)],
);
