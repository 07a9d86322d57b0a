// The HCPs a bench times: the first N in a viewer's territories that have Part D rows.
import { and, eq, exists, sql } from "drizzle-orm";

import { hcp, partDPrescribing, territoryAssignment, territoryZip, type Db } from "@pharmacrm/db";

export async function benchHcpsOf(db: Db, userId: string, count: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ npi: hcp.npi })
    .from(hcp)
    .innerJoin(territoryZip, eq(territoryZip.zip5, hcp.practiceZip5))
    .innerJoin(
      territoryAssignment,
      and(eq(territoryAssignment.territoryId, territoryZip.territoryId), eq(territoryAssignment.userId, userId)),
    )
    .where(
      and(
        eq(hcp.entityType, 1),
        exists(
          db
            .select({ one: sql`1` })
            .from(partDPrescribing)
            .where(eq(partDPrescribing.npi, hcp.npi)),
        ),
      ),
    )
    .orderBy(hcp.npi)
    .limit(count);
  return rows.map((r) => r.npi);
}
