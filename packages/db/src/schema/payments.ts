// Open Payments general payments (industry → covered recipient), one row per CMS record ID.
import { bigint, date, index, integer, numeric, pgTable, smallint, text, varchar } from "drizzle-orm/pg-core";

export const openPayment = pgTable(
  "open_payment",
  {
    recordId: bigint("record_id", { mode: "number" }).primaryKey(),
    programYear: smallint("program_year").notNull(),
    changeType: varchar("change_type", { length: 20 }),
    recipientType: text("recipient_type").notNull(),
    /** Empty for teaching-hospital recipients, which are identified by CCN instead. */
    npi: varchar("npi", { length: 10 }),
    teachingHospitalCcn: varchar("teaching_hospital_ccn", { length: 10 }),
    teachingHospitalName: text("teaching_hospital_name"),
    recipientFirstName: text("recipient_first_name"),
    recipientLastName: text("recipient_last_name"),
    recipientCity: text("recipient_city"),
    recipientState: varchar("recipient_state", { length: 2 }),
    recipientZip5: varchar("recipient_zip5", { length: 5 }),
    manufacturerId: varchar("manufacturer_id", { length: 20 }).notNull(),
    manufacturerName: text("manufacturer_name").notNull(),
    amountUsd: numeric("amount_usd", { precision: 14, scale: 2 }).notNull(),
    paymentDate: date("payment_date").notNull(),
    numberOfPayments: integer("number_of_payments").notNull().default(1),
    form: text("form"),
    nature: text("nature").notNull(),
    /** Names of the related drugs/devices (up to five in the file). */
    productNames: text("product_names").array().notNull().default([]),
    disputeStatus: varchar("dispute_status", { length: 10 }),
  },
  (t) => [
    index("open_payment_npi_idx").on(t.npi, t.paymentDate),
    index("open_payment_manufacturer_idx").on(t.manufacturerName),
  ],
);
