// Consent is append-only: each change is a new record; the latest per HCP × channel × product wins.
// A database trigger (drizzle/0002) rejects UPDATE and DELETE.
import { index, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

import { CONSENT_CHANNELS } from "./channels";
import { hcp } from "./hcp";
import { appUser, org } from "./org";
import { product } from "./product";

export const consentChannel = pgEnum("consent_channel", CONSENT_CHANNELS);
export const consentStatus = pgEnum("consent_status", ["granted", "revoked"]);

export const consentRecord = pgTable(
  "consent_record",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => org.id),
    hcpNpi: varchar("hcp_npi", { length: 10 })
      .notNull()
      .references(() => hcp.npi),
    channel: consentChannel("channel").notNull(),
    /** Null: the consent covers all of the org's products. */
    productId: uuid("product_id").references(() => product.id),
    status: consentStatus("status").notNull(),
    /** How it was captured: signed form, email opt-in, verbal at call, … */
    source: text("source").notNull(),
    /** What shows it: the form's reference, the email's wording, what the HCP said. */
    evidence: text("evidence"),
    recordedById: uuid("recorded_by_id")
      .notNull()
      .references(() => appUser.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("consent_record_org_hcp_idx").on(t.orgId, t.hcpNpi, t.channel, t.recordedAt)],
);
