// Each rep's sample stock: for every sampleable product, a lot received three months ago (a year to expiry) and a
// newer one that expires within the month, so the stock screen shows both. The seeded history of calls predates the
// ledger: its samples are on the calls, not drawn from these lots.
import { sampleLedger, type Db } from "@pharmacrm/db";
import { insertInBatches } from "@pharmacrm/ingest";

import { dateOfDay, isoDate } from "../generate/dates";
import type { Random } from "../random";
import type { CreatedOrg } from "./create-org";

export async function seedSampleStock(
  tx: Db,
  context: { org: CreatedOrg; random: Random; todayDay: number },
): Promise<number> {
  const { org, random, todayDay } = context;
  const lot = (brand: string) =>
    `${brand.slice(0, 2).toUpperCase()}${random.int(1000, 9999)}${String.fromCharCode(65 + random.int(0, 5))}`;
  const lots = [
    { quantity: 240, receivedDay: todayDay - 90, expiresDay: todayDay + 275 },
    { quantity: 60, receivedDay: todayDay - 20, expiresDay: todayDay + 21 },
  ];
  const rows = org.territories.flatMap((territory) =>
    org.products
      .filter((p) => p.sampleable)
      .flatMap((p) =>
        lots.map((l) => ({
          orgId: org.id,
          ownerId: territory.repId,
          productId: p.id,
          lotNumber: lot(p.brandName),
          kind: "received" as const,
          quantity: l.quantity,
          expiresOn: isoDate(l.expiresDay),
          recordedBy: territory.repId,
          createdAt: dateOfDay(l.receivedDay),
        })),
      ),
  );
  await insertInBatches(tx, sampleLedger, rows);
  return rows.length;
}
