// A territory's ZIP alignment: a dry run says which physicians move in and out before anything changes, and
// applying does exactly that — it carries the dry run's basis (the ZIPs it was computed from) and is refused if
// they changed since. Physicians are aligned by the practice ZIP NPPES gives, as everywhere in scope.ts.
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { z } from "zod";

import { hcp, rowsOf, territory, territoryZip, zipCentroid, type Db } from "@pharmacrm/db";

import { requireAdmin } from "../account/users";
import { recordAudit } from "../audit";
import { DomainError, notFound } from "../errors";
import { displayName } from "../hcp/names";
import type { Scope } from "../scope";
import { alignmentInput, applyAlignmentInput, parseZipList } from "./input";
import { openTerritory, physicianListed, territoryColumns } from "./lookup";

const SAMPLE = 5;

/** What a dry run was computed from and for: the territory's ZIPs then, and the list it was given (both sorted). */
const basisOf = (territoryId: string, current: string[], proposed: string[]) =>
  createHash("sha256")
    .update(`${territoryId}:${current.join(",")}:${proposed.join(",")}`)
    .digest("hex");

const listed = and(eq(hcp.entityType, 1), isNull(hcp.deactivationDate));

async function currentZips(db: Db, territoryId: string) {
  const rows = await db
    .select({ zip5: territoryZip.zip5 })
    .from(territoryZip)
    .where(eq(territoryZip.territoryId, territoryId))
    .orderBy(asc(territoryZip.zip5));
  return rows.map((r) => r.zip5);
}

/** Physicians practising in the ZIPs: how many, a few by name, and how many per ZIP. */
async function physiciansIn(db: Db, zips: string[]) {
  if (zips.length === 0)
    return { count: 0, sample: [] as { name: string; city: string | null }[], perZip: new Map<string, number>() };
  const [perZip, sample] = await Promise.all([
    db
      .select({ zip5: hcp.practiceZip5, n: sql<number>`count(*)::int` })
      .from(hcp)
      .where(and(inArray(hcp.practiceZip5, zips), listed))
      .groupBy(hcp.practiceZip5),
    db
      .select({
        firstName: hcp.firstName,
        lastName: hcp.lastName,
        city: hcp.practiceCity,
      })
      .from(hcp)
      .where(and(inArray(hcp.practiceZip5, zips), listed))
      .orderBy(asc(hcp.lastName), asc(hcp.firstName), asc(hcp.npi))
      .limit(SAMPLE),
  ]);
  const counts = new Map(perZip.map((r) => [r.zip5!, r.n]));
  return {
    count: [...counts.values()].reduce((a, b) => a + b, 0),
    sample: sample.map((h) => ({ name: displayName(h), city: h.city })),
    perZip: counts,
  };
}

/** What aligning the territory to these ZIPs would change. Reads only. */
async function planAlignment(db: Db, scope: Scope, territoryId: string, proposed: string[]) {
  const current = await currentZips(db, territoryId);
  const added = proposed.filter((z) => !current.includes(z));
  const removed = current.filter((z) => !proposed.includes(z));
  const [moveIn, moveOut, after, shared] = await Promise.all([
    physiciansIn(db, added),
    physiciansIn(db, removed),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(hcp)
      .where(proposed.length ? and(inArray(hcp.practiceZip5, proposed), listed) : sql`false`),
    added.length
      ? db
          .select({ zip5: territoryZip.zip5, territory: territory.name })
          .from(territoryZip)
          .innerJoin(territory, eq(territory.id, territoryZip.territoryId))
          .where(
            and(
              eq(territoryZip.orgId, scope.orgId),
              ne(territoryZip.territoryId, territoryId),
              isNull(territory.closedAt),
              inArray(territoryZip.zip5, added),
            ),
          )
          .orderBy(asc(territoryZip.zip5), asc(territory.name))
      : [],
  ]);
  return {
    basis: basisOf(territoryId, current, proposed),
    zipsBefore: current.length,
    zipsAfter: proposed.length,
    added,
    removed,
    hcpsIn: moveIn.count,
    hcpsOut: moveOut.count,
    hcpsAfter: after[0]?.n ?? 0,
    sampleIn: moveIn.sample,
    sampleOut: moveOut.sample,
    /** Added ZIPs where no physician practises (a typo, or a PO-box ZIP). */
    emptyZips: added.filter((z) => !moveIn.perZip.has(z)),
    /** Added ZIPs another open territory also covers: their physicians would be seen by both territories' reps. */
    shared,
  };
}

export type AlignmentPlan = Awaited<ReturnType<typeof planAlignment>>;

/** The dry run: what the change would do, and the basis applying it must carry. */
export async function previewAlignment(db: Db, scope: Scope, raw: z.input<typeof alignmentInput>) {
  requireAdmin(scope);
  const input = alignmentInput.parse(raw);
  const [row] = await db
    .select({ closedAt: territory.closedAt, name: territory.name })
    .from(territory)
    .where(and(eq(territory.id, input.territoryId), eq(territory.orgId, scope.orgId)));
  if (!row) throw notFound("That territory");
  if (row.closedAt) throw new DomainError("CONFLICT", `${row.name} is closed; create a new territory instead.`);
  return planAlignment(db, scope, input.territoryId, parseZipList(input.zips).zips);
}

/** Applies a dry run: the same change, or a refusal if the territory's ZIPs moved on since. Audited. */
export async function applyAlignment(db: Db, scope: Scope, raw: z.input<typeof applyAlignmentInput>) {
  requireAdmin(scope);
  const input = applyAlignmentInput.parse(raw);
  const proposed = parseZipList(input.zips).zips;
  return db.transaction(async (tx) => {
    const t = await openTerritory(tx, scope, input.territoryId);
    const plan = await planAlignment(tx, scope, t.id, proposed);
    if (plan.basis !== input.basis)
      throw new DomainError(
        "CONFLICT",
        `${t.name}'s ZIP codes changed since this dry run, or the list is not the one it ran on. Run the dry run again.`,
      );
    if (plan.added.length === 0 && plan.removed.length === 0) return plan;
    if (plan.removed.length)
      await tx
        .delete(territoryZip)
        .where(and(eq(territoryZip.territoryId, t.id), inArray(territoryZip.zip5, plan.removed)));
    if (plan.added.length)
      await tx.insert(territoryZip).values(plan.added.map((zip5) => ({ orgId: scope.orgId, territoryId: t.id, zip5 })));
    await recordAudit(tx, scope, {
      action: "territory.align",
      entityType: "territory",
      entityId: t.id,
      before: { zips: plan.zipsBefore, removed: plan.removed },
      after: { zips: plan.zipsAfter, added: plan.added, hcpsIn: plan.hcpsIn, hcpsOut: plan.hcpsOut },
    });
    return plan;
  });
}

/** A territory's ZIPs for its page: each with its centroid (when the reference has it) and its physicians. */
export async function territoryDetail(db: Db, scope: Scope, territoryId: string) {
  requireAdmin(scope);
  const [row] = await db
    .select(territoryColumns)
    .from(territory)
    .where(and(eq(territory.id, territoryId), eq(territory.orgId, scope.orgId)));
  if (!row) throw notFound("That territory");
  const zips = rowsOf<{ zip5: string; lat: number | null; lng: number | null; city: string | null; hcps: number }>(
    await db.execute(sql`
      select tz.zip5, zc.lat, zc.lng, zc.city,
             (select count(*)::int from hcp h where h.practice_zip5 = tz.zip5 and ${physicianListed(sql.raw("h"))}) as hcps
      from ${territoryZip} tz left join ${zipCentroid} zc on zc.zip = tz.zip5
      where tz.territory_id = ${territoryId}::uuid order by tz.zip5`),
  );
  return { ...row, closedAt: row.closedAt?.toISOString() ?? null, zips };
}
