// Public reference data shared by every org: NUCC taxonomy and ZIP centroids.
import { doublePrecision, index, pgTable, text, varchar } from "drizzle-orm/pg-core";

export const taxonomy = pgTable(
  "taxonomy",
  {
    code: varchar("code", { length: 10 }).primaryKey(),
    grouping: text("grouping").notNull(),
    classification: text("classification").notNull(),
    specialization: text("specialization"),
    definition: text("definition"),
    displayName: text("display_name").notNull(),
    section: text("section"),
  },
  (t) => [index("taxonomy_classification_idx").on(t.classification)],
);

/** US ZIP code centroids (GeoNames, CC-BY-4.0). */
export const zipCentroid = pgTable(
  "zip_centroid",
  {
    zip: varchar("zip", { length: 5 }).primaryKey(),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
    city: text("city").notNull(),
    state: varchar("state", { length: 2 }).notNull(),
    county: text("county"),
  },
  (t) => [index("zip_centroid_state_idx").on(t.state)],
);
