// NPPES weekly/monthly companion files: secondary practice locations, other organisation names and endpoints,
// keyed by NPI (which may be an HCP or an HCO, or not loaded at all, so no foreign key).
import { boolean, index, pgTable, primaryKey, text, timestamp, varchar } from "drizzle-orm/pg-core";

export const npiPracticeLocation = pgTable(
  "npi_practice_location",
  {
    npi: varchar("npi", { length: 10 }).notNull(),
    /** MD5 of the address lines, city, state, postal code and country: one row per distinct address. */
    locationKey: varchar("location_key", { length: 32 }).notNull(),
    line1: text("line1").notNull(),
    line2: text("line2"),
    city: text("city"),
    /** A US state code, or the region name of a foreign address as filed. */
    state: text("state"),
    /** US: 5 or 9 digits; foreign: as filed. */
    postalCode: varchar("postal_code", { length: 20 }),
    zip5: varchar("zip5", { length: 5 }),
    countryCode: varchar("country_code", { length: 2 }),
    phone: varchar("phone", { length: 20 }),
    phoneExtension: varchar("phone_extension", { length: 10 }),
    fax: varchar("fax", { length: 20 }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.npi, t.locationKey] }), index("npi_practice_location_zip5_idx").on(t.zip5)],
);

/** Other names an organisation uses (type 3 doing business as, 4 former legal name, 5 other). */
export const npiOtherName = pgTable(
  "npi_other_name",
  {
    npi: varchar("npi", { length: 10 }).notNull(),
    typeCode: varchar("type_code", { length: 2 }).notNull(),
    name: text("name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.npi, t.typeCode, t.name] })],
);

/** Electronic endpoints (Direct addresses, FHIR and CONNECT URLs) an NPI publishes, per affiliation. */
export const npiEndpoint = pgTable(
  "npi_endpoint",
  {
    npi: varchar("npi", { length: 10 }).notNull(),
    /** MD5 of type, endpoint, affiliation name and affiliation address: one row per endpoint and affiliation. */
    endpointKey: varchar("endpoint_key", { length: 32 }).notNull(),
    endpointType: varchar("endpoint_type", { length: 20 }).notNull(),
    endpointTypeDescription: text("endpoint_type_description"),
    endpoint: text("endpoint").notNull(),
    affiliation: boolean("affiliation"),
    endpointDescription: text("endpoint_description"),
    affiliationName: text("affiliation_name"),
    useCode: varchar("use_code", { length: 20 }),
    useDescription: text("use_description"),
    otherUseDescription: text("other_use_description"),
    contentType: varchar("content_type", { length: 20 }),
    contentDescription: text("content_description"),
    otherContentDescription: text("other_content_description"),
    addressLine1: text("address_line1"),
    addressLine2: text("address_line2"),
    city: text("city"),
    state: text("state"),
    countryCode: varchar("country_code", { length: 2 }),
    postalCode: varchar("postal_code", { length: 20 }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.npi, t.endpointKey] }), index("npi_endpoint_type_idx").on(t.endpointType)],
);
