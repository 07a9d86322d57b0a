// HCPs (individual providers, NPPES entity type 1) and HCOs (entity type 2), keyed by NPI.
import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  doublePrecision,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";

export const hcp = pgTable(
  "hcp",
  {
    npi: varchar("npi", { length: 10 }).primaryKey(),
    /** NPPES entity type: 1 individual. Deactivated stubs carry no type (null). */
    entityType: smallint("entity_type"),
    lastName: text("last_name"),
    firstName: text("first_name"),
    middleName: text("middle_name"),
    namePrefix: text("name_prefix"),
    nameSuffix: text("name_suffix"),
    credential: text("credential"),
    sex: varchar("sex", { length: 1 }),
    enumerationDate: date("enumeration_date"),
    lastUpdateDate: date("last_update_date"),
    deactivationDate: date("deactivation_date"),
    reactivationDate: date("reactivation_date"),
    primaryTaxonomyCode: varchar("primary_taxonomy_code", { length: 10 }),
    practiceLine1: text("practice_line1"),
    practiceLine2: text("practice_line2"),
    practiceCity: text("practice_city"),
    practiceState: varchar("practice_state", { length: 2 }),
    practicePostalCode: varchar("practice_postal_code", { length: 9 }),
    practiceZip5: varchar("practice_zip5", { length: 5 }),
    practicePhone: varchar("practice_phone", { length: 20 }),
    mailingLine1: text("mailing_line1"),
    mailingLine2: text("mailing_line2"),
    mailingCity: text("mailing_city"),
    mailingState: varchar("mailing_state", { length: 2 }),
    mailingPostalCode: varchar("mailing_postal_code", { length: 9 }),
    mailingZip5: varchar("mailing_zip5", { length: 5 }),
    mailingPhone: varchar("mailing_phone", { length: 20 }),
    /** Practice ZIP centroid, filled on load from zip_centroid. */
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Typo-tolerant matching runs on the distinct names (hcp_name); these find the HCPs of the names it matched.
    index("hcp_last_name_lower_idx").on(sql`lower(${t.lastName})`),
    index("hcp_first_name_lower_idx").on(sql`lower(${t.firstName})`),
    index("hcp_name_sort_idx").on(t.lastName, t.firstName, t.npi),
    index("hcp_primary_taxonomy_idx").on(t.primaryTaxonomyCode),
    index("hcp_practice_state_city_idx").on(t.practiceState, t.practiceCity),
    index("hcp_practice_zip5_idx").on(t.practiceZip5),
  ],
);

/** Every taxonomy an HCP reported (NPPES slots 1–15), with licence and the primary switch. */
export const hcpTaxonomy = pgTable(
  "hcp_taxonomy",
  {
    // No foreign key to hcp: the NPPES pipeline writes an individual and its slots in one transaction, and the
    // per-row check cost ~15 % of NPPES load time. Reference rows are never deleted (deactivation is a date).
    npi: varchar("npi", { length: 10 }).notNull(),
    slot: smallint("slot").notNull(),
    code: varchar("code", { length: 10 }).notNull(),
    licenseNumber: text("license_number"),
    licenseState: varchar("license_state", { length: 2 }),
    isPrimary: boolean("is_primary").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.npi, t.slot] }), index("hcp_taxonomy_code_idx").on(t.code)],
);

export const hco = pgTable(
  "hco",
  {
    npi: varchar("npi", { length: 10 }).primaryKey(),
    name: text("name").notNull(),
    otherName: text("other_name"),
    primaryTaxonomyCode: varchar("primary_taxonomy_code", { length: 10 }),
    practiceLine1: text("practice_line1"),
    practiceLine2: text("practice_line2"),
    practiceCity: text("practice_city"),
    practiceState: varchar("practice_state", { length: 2 }),
    practicePostalCode: varchar("practice_postal_code", { length: 9 }),
    practiceZip5: varchar("practice_zip5", { length: 5 }),
    practicePhone: varchar("practice_phone", { length: 20 }),
    authorizedOfficial: text("authorized_official"),
    enumerationDate: date("enumeration_date"),
    deactivationDate: date("deactivation_date"),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("hco_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
    index("hco_practice_zip5_idx").on(t.practiceZip5),
    index("hco_practice_state_city_idx").on(t.practiceState, t.practiceCity),
  ],
);
