// Semantic search over HCP profiles: one embedding per HCP, tagged with the model and the text it came from,
// so that a change of model or of the profile text is found and re-embedded.
import { sql } from "drizzle-orm";
import { index, pgTable, smallint, text, timestamp, varchar, vector } from "drizzle-orm/pg-core";

import { hcp } from "./hcp";

/** Every vector is stored at this width; smaller models are zero-padded, which leaves cosine similarity unchanged. */
export const EMBEDDING_DIMENSIONS = 1536;

export const hcpEmbedding = pgTable(
  "hcp_embedding",
  {
    npi: varchar("npi", { length: 10 })
      .primaryKey()
      .references(() => hcp.npi, { onDelete: "cascade" }),
    /** The embedding model id that produced the vector, e.g. "text-embedding-3-small". */
    model: text("model").notNull(),
    /** The model's own width before padding. */
    dimensions: smallint("dimensions").notNull(),
    /** SHA-256 (hex) of the profile text that was embedded: a changed profile is stale. */
    textHash: varchar("text_hash", { length: 64 }).notNull(),
    embedding: vector("embedding", { dimensions: EMBEDDING_DIMENSIONS }).notNull(),
    embeddedAt: timestamp("embedded_at", { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    index("hcp_embedding_hnsw_idx").using("hnsw", t.embedding.op("vector_cosine_ops")),
    index("hcp_embedding_model_idx").on(t.model),
  ],
);

/**
 * Every distinct first and last name of an HCP, lower-cased, kept by statement triggers on hcp (migration 0006).
 * Trigram matching of a typed name runs here — thousands of names instead of a million HCPs — and the HCPs are then
 * found by their lower(name) btree indexes. Names are never removed: one no HCP holds any more simply finds no one.
 */
export const hcpName = pgTable("hcp_name", { name: text("name").primaryKey() }, (t) => [
  index("hcp_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
]);
