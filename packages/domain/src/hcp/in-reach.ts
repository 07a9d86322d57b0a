// Whether a viewer may work with an HCP (a call, a task, consent, attributes, a brief, a draft, next-best actions):
// the physician must exist and practise in one of the viewer's territories (admins: anywhere). The decision is
// scope.ts's; this gives it words a rep reads, as a result (the copilot's tools) or as a typed error (mutations).
import { eq } from "drizzle-orm";

import { hcp, type Db } from "@pharmacrm/db";

import { forbidden, notFound } from "../errors";
import { alignedTerritory, type Scope } from "../scope";
import { displayName } from "./names";

export type HcpRow = typeof hcp.$inferSelect;

export type HcpInReach =
  | { status: "ok"; hcp: HcpRow; name: string; territoryId: string | null }
  | { status: "not_found" | "out_of_scope"; message: string };

export async function hcpInReach(db: Db, scope: Scope, npi: string): Promise<HcpInReach> {
  const [row] = await db.select().from(hcp).where(eq(hcp.npi, npi)).limit(1);
  if (!row || row.entityType !== 1)
    return { status: "not_found", message: `No physician with NPI ${npi} is on record.` };
  const name = displayName(row);
  const territoryId = await alignedTerritory(db, scope, npi);
  if (!territoryId && scope.territoryIds !== null) {
    return {
      status: "out_of_scope",
      message: `${name} (NPI ${npi}) practises outside your territories, so you cannot work with them here.`,
    };
  }
  return { status: "ok", hcp: row, name, territoryId };
}

/** The same check for a write: the physician and their aligned territory, or a NOT_FOUND / FORBIDDEN domain error. */
export async function requireHcpInReach(
  db: Db,
  scope: Scope,
  npi: string,
): Promise<{ hcp: HcpRow; name: string; territoryId: string | null }> {
  const reach = await hcpInReach(db, scope, npi);
  if (reach.status !== "ok")
    throw reach.status === "not_found"
      ? notFound(`Physician with NPI ${npi}`)
      : forbidden("This physician is outside your territories.");
  return reach;
}
