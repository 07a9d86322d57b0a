// Whether a viewer may work with an HCP (brief, draft, next-best actions): the HCP must exist and practise in one
// of the viewer's territories (admins: anywhere). The decision is scope.ts's; this gives it words a rep reads.
import { eq } from "drizzle-orm";
import { hcp, type Db } from "@pharmacrm/db";
import { displayName } from "../hcp/names";
import { alignedTerritory, type Scope } from "../scope";

export type HcpRow = typeof hcp.$inferSelect;

export type HcpInReach =
  | { status: "ok"; hcp: HcpRow; name: string; territoryId: string | null }
  | { status: "not_found" | "out_of_scope"; message: string };

export async function hcpInReach(db: Db, scope: Scope, npi: string): Promise<HcpInReach> {
  const [row] = await db.select().from(hcp).where(eq(hcp.npi, npi)).limit(1);
  if (!row || row.entityType !== 1) return { status: "not_found", message: `No physician with NPI ${npi} is on record.` };
  const name = displayName(row);
  const territoryId = await alignedTerritory(db, scope, npi);
  if (!territoryId && scope.territoryIds !== null) {
    return { status: "out_of_scope", message: `${name} (NPI ${npi}) practises outside your territories, so you cannot work with them here.` };
  }
  return { status: "ok", hcp: row, name, territoryId };
}
