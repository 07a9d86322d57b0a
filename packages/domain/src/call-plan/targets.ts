// Setting a plan's targets: one by one, by tier, or from a file. Every path ends in applyTargets, which writes the
// changes and one audit row listing each (NPI, calls before, calls after). An HCP must practise in the plan's
// territory (its practice ZIP aligned to it) to be a target.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";

import { callPlanTarget, hcp, hcpAttribute, territoryZip, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import type { Scope } from "../scope";
import { planForChange } from "./access";
import { setPlanTargetsInput, setTargetsByTierInput } from "./input";

type Plan = Awaited<ReturnType<typeof planForChange>>;

export interface TargetChange {
  npi: string;
  from: number | null;
  to: number | null;
}

/** A long list in slices a statement can carry (Postgres caps a statement's parameters at 65,535). */
export function* inChunks<T>(items: readonly T[], size = 1000): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Of the NPIs, those practising in the territory. */
export async function alignedTo(tx: Db, territoryId: string, npis: string[]): Promise<Set<string>> {
  const aligned = new Set<string>();
  for (const chunk of inChunks(npis)) {
    const rows = await tx
      .select({ npi: hcp.npi })
      .from(hcp)
      .innerJoin(territoryZip, and(eq(territoryZip.zip5, hcp.practiceZip5), eq(territoryZip.territoryId, territoryId)))
      .where(inArray(hcp.npi, chunk));
    for (const row of rows) aligned.add(row.npi);
  }
  return aligned;
}

/** Writes planned calls (0 takes the HCP off the plan) and audits the changes; unchanged HCPs are left alone. */
export async function applyTargets(tx: Db, scope: Scope, plan: Plan, wanted: Map<string, number>, how: string) {
  const npis = [...wanted.keys()];
  const current = new Map<string, number>();
  for (const chunk of inChunks(npis)) {
    const rows = await tx
      .select({ npi: callPlanTarget.hcpNpi, planned: callPlanTarget.plannedCalls })
      .from(callPlanTarget)
      .where(and(eq(callPlanTarget.planId, plan.id), inArray(callPlanTarget.hcpNpi, chunk)));
    for (const row of rows) current.set(row.npi, row.planned);
  }
  const changes: TargetChange[] = [];
  for (const [npi, planned] of wanted) {
    const from = current.get(npi) ?? null;
    const to = planned > 0 ? planned : null;
    if (from !== to) changes.push({ npi, from, to });
  }
  const upserts = changes.filter((c) => c.to !== null);
  for (const chunk of inChunks(upserts)) {
    await tx
      .insert(callPlanTarget)
      .values(chunk.map((c) => ({ planId: plan.id, orgId: plan.orgId, hcpNpi: c.npi, plannedCalls: c.to! })))
      .onConflictDoUpdate({
        target: [callPlanTarget.planId, callPlanTarget.hcpNpi],
        set: { plannedCalls: sql`excluded.planned_calls`, updatedAt: sql`now()` },
      });
  }
  const removals = changes.filter((c) => c.to === null).map((c) => c.npi);
  for (const chunk of inChunks(removals)) {
    await tx
      .delete(callPlanTarget)
      .where(and(eq(callPlanTarget.planId, plan.id), inArray(callPlanTarget.hcpNpi, chunk)));
  }
  const summary = {
    added: changes.filter((c) => c.from === null).length,
    changed: changes.filter((c) => c.from !== null && c.to !== null).length,
    removed: removals.length,
    unchanged: wanted.size - changes.length,
  };
  if (changes.length) {
    await recordAudit(tx, scope, {
      action: "call_plan.targets",
      entityType: "call_plan",
      entityId: plan.id,
      after: { how, ...summary, changes },
    });
  }
  return summary;
}

/** Sets planned calls for HCPs named by NPI; each must practise in the plan's territory. */
export async function setPlanTargets(db: Db, scope: Scope, raw: z.input<typeof setPlanTargetsInput>) {
  const input = setPlanTargetsInput.parse(raw);
  const wanted = new Map(input.targets.map((t) => [t.npi, t.plannedCalls]));
  return db.transaction(async (tx) => {
    const plan = await planForChange(tx, scope, input.planId);
    const adding = [...wanted].filter(([, planned]) => planned > 0).map(([npi]) => npi);
    const aligned = await alignedTo(tx, plan.territoryId, adding);
    const outside = adding.filter((npi) => !aligned.has(npi));
    if (outside.length) {
      const listed = outside.slice(0, 3).join(", ") + (outside.length > 3 ? ` and ${outside.length - 3} more` : "");
      throw new DomainError(
        "BAD_REQUEST",
        `${outside.length === 1 ? "This HCP does" : "These HCPs do"} not practise in the plan's territory: ${listed}.`,
      );
    }
    return applyTargets(tx, scope, plan, wanted, "by hand");
  });
}

/** Sets planned calls for every HCP of the territory with a given tier (0 takes that tier off the plan). */
export async function setTargetsByTier(db: Db, scope: Scope, raw: z.input<typeof setTargetsByTierInput>) {
  const input = setTargetsByTierInput.parse(raw);
  const byTier = new Map(input.tiers.map((t) => [t.tier.toLowerCase(), t.plannedCalls]));
  return db.transaction(async (tx) => {
    const plan = await planForChange(tx, scope, input.planId);
    const rows = await tx
      .selectDistinct({ npi: hcp.npi, tier: hcpAttribute.tier })
      .from(hcpAttribute)
      .innerJoin(hcp, eq(hcp.npi, hcpAttribute.hcpNpi))
      .innerJoin(
        territoryZip,
        and(eq(territoryZip.zip5, hcp.practiceZip5), eq(territoryZip.territoryId, plan.territoryId)),
      )
      .where(and(eq(hcpAttribute.orgId, scope.orgId), inArray(sql`lower(${hcpAttribute.tier})`, [...byTier.keys()])));
    const wanted = new Map(rows.map((row) => [row.npi, byTier.get(row.tier!.toLowerCase())!]));
    return { ...(await applyTargets(tx, scope, plan, wanted, "by tier")), matched: wanted.size };
  });
}

/** The tiers of the territory's HCPs with how many hold each, for the by-tier form. */
export async function territoryTiers(db: Db, scope: Scope, planId: string) {
  const plan = await planForChange(db, scope, planId);
  return (
    db
      // By tier whatever its case ("A" and "a" are one tier, as setting by tier reads them).
      .select({ tier: sql<string>`upper(${hcpAttribute.tier})`, hcps: sql<number>`count(distinct ${hcp.npi})::int` })
      .from(hcpAttribute)
      .innerJoin(hcp, eq(hcp.npi, hcpAttribute.hcpNpi))
      .innerJoin(
        territoryZip,
        and(eq(territoryZip.zip5, hcp.practiceZip5), eq(territoryZip.territoryId, plan.territoryId)),
      )
      .where(and(eq(hcpAttribute.orgId, scope.orgId), sql`${hcpAttribute.tier} is not null`))
      .groupBy(sql`upper(${hcpAttribute.tier})`)
      .orderBy(sql`upper(${hcpAttribute.tier})`)
  );
}
