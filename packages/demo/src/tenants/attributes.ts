// hcp_attribute rows: what the org knows about each HCP in its territories (segment, tier, decile, a few notes).
import { type hcpAttribute } from "@pharmacrm/db";

import { dateOfDay } from "../generate/dates";
import { type Random } from "../random";
import { type TerritoryHcp } from "./territory-hcps";

const NOTES = [
  "Prefers early-morning visits before clinic starts.",
  "Office manager books all rep lunches; call ahead.",
  "Speaks at the regional cardiology society; interested in new outcomes data.",
  "Sees a large Medicare Advantage panel; coverage questions come up often.",
  "Part-time at the hospital on Thursdays.",
];

export function attributeRows(
  random: Random,
  hcps: readonly TerritoryHcp[],
  context: { orgId: string; updatedById: string; todayDay: number },
): (typeof hcpAttribute.$inferInsert)[] {
  return hcps.map((h) => ({
    orgId: context.orgId,
    hcpNpi: h.npi,
    segment: h.segment,
    tier: h.tier,
    decile: h.decile,
    notes: h.tier === "A" && random.chance(0.3) ? random.pick(NOTES) : null,
    updatedById: context.updatedById,
    updatedAt: dateOfDay(random.int(context.todayDay - 90, context.todayDay - 1)),
  }));
}
