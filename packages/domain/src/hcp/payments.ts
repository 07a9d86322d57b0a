// Open Payments general payments an HCP received: totals by year, by manufacturer and by nature of payment,
// and the largest single records. Amounts are summed in SQL as numeric, so cents never drift.
import { desc, eq, sql } from "drizzle-orm";

import { openPayment, type Db } from "@pharmacrm/db";

export interface PaymentTotal {
  amount: number;
  /** Open Payments records (one per reported payment or batch of payments). */
  records: number;
}

export interface HcpPayments {
  total: PaymentTotal;
  byYear: ({ year: number } & PaymentTotal)[];
  byManufacturer: ({ manufacturer: string } & PaymentTotal)[];
  byNature: ({ nature: string } & PaymentTotal)[];
  /** Amount per program year and manufacturer, for the stacked chart. */
  byYearAndManufacturer: { year: number; manufacturer: string; amount: number }[];
  /** Amount per program year and nature of payment. */
  byYearAndNature: { year: number; nature: string; amount: number }[];
  largest: {
    recordId: number;
    date: string;
    programYear: number;
    manufacturer: string;
    nature: string;
    form: string | null;
    amount: number;
    numberOfPayments: number;
    products: string[];
    disputed: boolean;
  }[];
}

const LARGEST = 10;
const amount = sql<string>`coalesce(sum(${openPayment.amountUsd}), 0)`.mapWith(Number);
const records = sql<number>`count(*)`.mapWith(Number);

export async function hcpPayments(db: Db, npi: string): Promise<HcpPayments> {
  const forHcp = eq(openPayment.npi, npi);
  const [[total], byYear, byManufacturer, byNature, byYearAndManufacturer, byYearAndNature, largest] =
    await Promise.all([
      db.select({ amount, records }).from(openPayment).where(forHcp),
      db
        .select({ year: openPayment.programYear, amount, records })
        .from(openPayment)
        .where(forHcp)
        .groupBy(openPayment.programYear)
        .orderBy(openPayment.programYear),
      db
        .select({ manufacturer: openPayment.manufacturerName, amount, records })
        .from(openPayment)
        .where(forHcp)
        .groupBy(openPayment.manufacturerName)
        .orderBy(desc(amount), openPayment.manufacturerName),
      db
        .select({ nature: openPayment.nature, amount, records })
        .from(openPayment)
        .where(forHcp)
        .groupBy(openPayment.nature)
        .orderBy(desc(amount), openPayment.nature),
      db
        .select({ year: openPayment.programYear, manufacturer: openPayment.manufacturerName, amount })
        .from(openPayment)
        .where(forHcp)
        .groupBy(openPayment.programYear, openPayment.manufacturerName)
        .orderBy(openPayment.programYear, openPayment.manufacturerName),
      db
        .select({ year: openPayment.programYear, nature: openPayment.nature, amount })
        .from(openPayment)
        .where(forHcp)
        .groupBy(openPayment.programYear, openPayment.nature)
        .orderBy(openPayment.programYear, openPayment.nature),
      db
        .select({
          recordId: openPayment.recordId,
          date: openPayment.paymentDate,
          programYear: openPayment.programYear,
          manufacturer: openPayment.manufacturerName,
          nature: openPayment.nature,
          form: openPayment.form,
          amount: sql<string>`${openPayment.amountUsd}`.mapWith(Number),
          numberOfPayments: openPayment.numberOfPayments,
          products: openPayment.productNames,
          disputeStatus: openPayment.disputeStatus,
        })
        .from(openPayment)
        .where(forHcp)
        .orderBy(desc(openPayment.amountUsd), desc(openPayment.paymentDate), openPayment.recordId)
        .limit(LARGEST),
    ]);

  return {
    total: total ?? { amount: 0, records: 0 },
    byYear,
    byManufacturer,
    byNature,
    byYearAndManufacturer,
    byYearAndNature,
    largest: largest.map(({ disputeStatus, ...p }) => ({ ...p, disputed: disputeStatus?.toLowerCase() === "yes" })),
  };
}
