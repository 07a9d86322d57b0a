// Medicare Part D prescribers by provider and drug: one row per HCP × drug × data year.
import { index, integer, numeric, pgTable, primaryKey, smallint, text, varchar } from "drizzle-orm/pg-core";

export const partDPrescribing = pgTable(
  "part_d_prescribing",
  {
    npi: varchar("npi", { length: 10 }).notNull(),
    year: smallint("year").notNull(),
    brandName: text("brand_name").notNull(),
    genericName: text("generic_name").notNull(),
    prescriberType: text("prescriber_type"),
    prescriberTypeSource: varchar("prescriber_type_source", { length: 10 }),
    /** CMS publishes a row only at ≥ 11 claims, so claims are never suppressed. */
    totalClaims: integer("total_claims").notNull(),
    total30DayFills: numeric("total_30day_fills", { precision: 14, scale: 1 }),
    totalDaySupply: integer("total_day_supply"),
    totalDrugCost: numeric("total_drug_cost", { precision: 14, scale: 2 }),
    /** Null when CMS suppressed it (1–10 beneficiaries). */
    totalBeneficiaries: integer("total_beneficiaries"),
    /** '*' suppressed (< 11), '#' suppressed to protect a counterpart cell, null shown. */
    ge65SuppressionFlag: varchar("ge65_suppression_flag", { length: 1 }),
    ge65TotalClaims: integer("ge65_total_claims"),
    ge65Total30DayFills: numeric("ge65_total_30day_fills", { precision: 14, scale: 1 }),
    ge65TotalDrugCost: numeric("ge65_total_drug_cost", { precision: 14, scale: 2 }),
    ge65TotalDaySupply: integer("ge65_total_day_supply"),
    ge65BeneficiarySuppressionFlag: varchar("ge65_bene_suppression_flag", { length: 1 }),
    ge65TotalBeneficiaries: integer("ge65_total_beneficiaries"),
  },
  (t) => [
    primaryKey({ columns: [t.npi, t.year, t.brandName, t.genericName] }),
    index("part_d_brand_year_idx").on(t.brandName, t.year),
    index("part_d_generic_year_idx").on(t.genericName, t.year),
  ],
);
