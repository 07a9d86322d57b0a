// Regions and territories set up by an admin, and ZIP alignment: the dry run says what applying then does.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { auditEvent, hcp, rowsOf, territoryZip } from "@pharmacrm/db";

import { listOrgTerritories, setUserTerritories } from "../account/territory-assignments";
import { plannableTerritories } from "../call-plan/plans";
import { alignedTerritory, scopeFor } from "../scope";
import { failure } from "../testing/failure";
import { NPIS, useWorld, ZIPS } from "../testing/world";
import {
  closeTerritory,
  createRegion,
  createTerritory,
  listRegionsAndTerritories,
  renameRegion,
  updateTerritory,
} from "./admin";
import { applyAlignment, previewAlignment, territoryDetail } from "./alignment";
import { alignmentInput, parseZipList } from "./input";

const state = useWorld();
const scope = (key: keyof typeof state.world.viewers) => scopeFor(state.database.db, state.world.viewers[key]);

/** The NPIs aligned to a territory, counted the way scope.ts aligns them (practice ZIP in the territory's ZIPs). */
async function alignedNpis(territoryId: string) {
  const rows = rowsOf<{ npi: string }>(
    await state.database.db.execute(
      sql`select h.npi from ${territoryZip} tz join ${hcp} h on h.practice_zip5 = tz.zip5 where tz.territory_id = ${territoryId}::uuid`,
    ),
  );
  return rows.map((r) => r.npi).sort();
}

describe("ZIP lists as pasted", () => {
  it("takes commas, spaces, semicolons and lines; cuts ZIP+4; drops duplicates; names what is not a ZIP", () => {
    expect(parseZipList("02115, 02116;02115\n02139-4307 021394307\t")).toEqual({
      zips: ["02115", "02116", "02139"],
      invalid: [],
    });
    expect(parseZipList("02115 2116 0211x <b>").invalid).toEqual([
      { position: 2, value: "2116" },
      { position: 3, value: "0211x" },
      { position: 4, value: "?b?" },
    ]);
    const bad = alignmentInput.safeParse({ territoryId: crypto.randomUUID(), zips: "1 2 3 4 5" });
    expect(bad.error?.issues[0]?.message).toBe(
      'Not a 5-digit ZIP code: "1" (item 1), "2" (item 2), "3" (item 3) and 2 more.',
    );
    const many = Array.from({ length: 3001 }, (_, i) => String(10000 + i)).join(" ");
    expect(alignmentInput.safeParse({ territoryId: crypto.randomUUID(), zips: many }).error?.issues[0]?.message).toBe(
      "At most 3,000 ZIP codes in one territory.",
    );
  });
});

describe("regions and territories", () => {
  it("an admin creates and renames; names and codes are unique in the org; others are refused", async () => {
    const db = state.database.db;
    const admin = await scope("adminA");
    const south = await createRegion(db, admin, { name: "South" });
    expect(await failure(createRegion(db, admin, { name: "south" }))).toBe("CONFLICT");
    expect(await failure(renameRegion(db, admin, { id: south.id, name: "East" }))).toBe("CONFLICT");
    await renameRegion(db, admin, { id: south.id, name: "Southeast" });
    expect(await failure(createRegion(db, await scope("managerEast"), { name: "North" }))).toBe("FORBIDDEN");
    expect(await failure(renameRegion(db, await scope("adminB"), { id: south.id, name: "Mine" }))).toBe("NOT_FOUND");

    const t = await createTerritory(db, admin, { code: "se-atl", name: "Atlanta", regionId: south.id });
    expect(t.code).toBe("SE-ATL");
    expect(await failure(createTerritory(db, admin, { code: "SE-ATL", name: "Other", regionId: south.id }))).toBe(
      "CONFLICT",
    );
    expect(await failure(createTerritory(db, admin, { code: "e1", name: "Clash", regionId: south.id }))).toBe(
      "CONFLICT",
    );
    // Another org may use the same code; and may not put a territory in this org's region.
    const orgB = await scope("adminB");
    expect(await failure(createTerritory(db, orgB, { code: "SE-ATL", name: "B", regionId: south.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await failure(createTerritory(db, admin, { code: "bad code!", name: "X", regionId: south.id }))).toBe(
      "ZodError",
    );
    await updateTerritory(db, admin, { id: t.id, code: "SE-ATL", name: "Atlanta North", regionId: south.id });

    const listed = await listRegionsAndTerritories(db, admin);
    expect(listed.map((r) => r.name)).toEqual(["East", "Southeast", "West"]);
    expect(listed[1]!.territories).toEqual([
      expect.objectContaining({ code: "SE-ATL", name: "Atlanta North", zips: 0, hcps: 0, reps: [], closedAt: null }),
    ]);
    expect(listed[0]!.territories.map((x) => [x.code, x.zips, x.hcps, x.reps.length])).toEqual([
      ["E1", 1, 1, 1],
      ["E2", 1, 1, 1],
    ]);
    const audits = await db.select({ action: auditEvent.action }).from(auditEvent);
    expect(audits.map((a) => a.action).sort()).toEqual(
      ["region.create", "region.rename", "territory.create", "territory.update"].sort(),
    );
  });

  it("aligns ZIPs: the dry run names who moves in and out, and applying moves exactly them", async () => {
    const db = state.database.db;
    const admin = await scope("adminA");
    const [east] = (await listRegionsAndTerritories(db, admin)).filter((r) => r.name === "East");
    const t = await createTerritory(db, admin, { code: "E3", name: "East 3", regionId: east!.id });

    const zips = `${ZIPS.OUT}, ${ZIPS.E2}\n99999 ${ZIPS.OUT}-1234`;
    const plan = await previewAlignment(db, admin, { territoryId: t.id, zips });
    expect(plan).toMatchObject({
      zipsBefore: 0,
      zipsAfter: 3,
      added: [ZIPS.E2, ZIPS.OUT, "99999"],
      removed: [],
      hcpsIn: 2,
      hcpsOut: 0,
      hcpsAfter: 2,
      emptyZips: ["99999"],
      shared: [{ zip5: ZIPS.E2, territory: "E2" }],
    });
    expect(plan.sampleIn.map((h) => h.name)).toEqual(["First1 Hcpe2", "First4 Hcpout"]);
    expect(await alignedNpis(t.id)).toEqual([]); // a dry run changes nothing

    const applied = await applyAlignment(db, admin, { territoryId: t.id, zips, basis: plan.basis });
    expect(applied.hcpsIn).toBe(plan.hcpsIn);
    expect(await alignedNpis(t.id)).toEqual([NPIS.E2, NPIS.OUT]);

    // Another org's territory over the same ZIP (B1 covers E1's) is not named; this org's is.
    const overE1 = await previewAlignment(db, admin, { territoryId: t.id, zips: `${zips} ${ZIPS.E1}` });
    expect(overE1.shared).toEqual([{ zip5: ZIPS.E1, territory: "E1" }]);
    // A dry run's basis applies only the list it ran on.
    expect(
      await failure(applyAlignment(db, admin, { territoryId: t.id, zips: `${zips} ${ZIPS.E1}`, basis: plan.basis })),
    ).toBe("CONFLICT");
    // The same dry run again is stale: the territory's ZIPs moved on.
    expect(await failure(applyAlignment(db, admin, { territoryId: t.id, zips: ZIPS.OUT, basis: plan.basis }))).toBe(
      "CONFLICT",
    );
    const shrink = await previewAlignment(db, admin, { territoryId: t.id, zips: ZIPS.OUT });
    expect(shrink).toMatchObject({ added: [], removed: [ZIPS.E2, "99999"], hcpsIn: 0, hcpsOut: 1, hcpsAfter: 1 });
    const before = await alignedNpis(t.id);
    await applyAlignment(db, admin, { territoryId: t.id, zips: ZIPS.OUT, basis: shrink.basis });
    const after = await alignedNpis(t.id);
    expect(before.filter((n) => !after.includes(n))).toHaveLength(shrink.hcpsOut);
    expect(after.filter((n) => !before.includes(n))).toHaveLength(shrink.hcpsIn);
    expect(after).toHaveLength(shrink.hcpsAfter);

    const [audit] = await db
      .select({ before: auditEvent.before, after: auditEvent.after })
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "territory.align"), eq(auditEvent.entityId, t.id)))
      .orderBy(sql`${auditEvent.occurredAt} desc`)
      .limit(1);
    expect(audit).toEqual({
      before: { zips: 3, removed: [ZIPS.E2, "99999"] },
      after: { zips: 1, added: [], hcpsIn: 0, hcpsOut: 1 },
    });
    expect((await territoryDetail(db, admin, t.id)).zips).toEqual([
      expect.objectContaining({ zip5: ZIPS.OUT, hcps: 1 }),
    ]);

    expect(await failure(previewAlignment(db, await scope("managerEast"), { territoryId: t.id, zips: "" }))).toBe(
      "FORBIDDEN",
    );
    expect(await failure(previewAlignment(db, await scope("adminB"), { territoryId: t.id, zips: "" }))).toBe(
      "NOT_FOUND",
    );
  });

  it("a rep assigned to the new territory sees its physicians; closing it takes them away at once", async () => {
    const db = state.database.db;
    const admin = await scope("adminA");
    const t = (await listRegionsAndTerritories(db, admin)).flatMap((r) => r.territories).find((x) => x.code === "E3")!;
    const rep = state.world.viewers.repE1;
    await setUserTerritories(db, admin, { userId: rep.userId, territoryIds: [state.world.territories.E1, t.id] });
    expect(await alignedTerritory(db, await scope("repE1"), NPIS.OUT)).toBe(t.id);

    const closed = await closeTerritory(db, admin, { id: t.id });
    expect(closed).toEqual({ id: t.id, zips: 1, reps: 1 });
    expect((await scope("repE1")).territoryIds).toEqual([state.world.territories.E1]);
    expect(await alignedTerritory(db, await scope("repE1"), NPIS.OUT)).toBeNull();

    const listedAfter = (await listRegionsAndTerritories(db, admin)).find((r) => r.name === "East")!;
    expect(listedAfter.territories.at(-1)).toMatchObject({ code: "E3", zips: 0, reps: [] });
    expect(listedAfter.territories.at(-1)!.closedAt).not.toBeNull();
    expect((await listOrgTerritories(db, admin)).map((x) => x.code)).not.toContain("E3");
    expect((await plannableTerritories(db, admin)).map((x) => x.code)).not.toContain("E3");
    for (const attempt of [
      () => closeTerritory(db, admin, { id: t.id }),
      () => previewAlignment(db, admin, { territoryId: t.id, zips: ZIPS.OUT }),
      () => updateTerritory(db, admin, { id: t.id, code: "E3", name: "Again", regionId: listedAfter.id }),
      () => setUserTerritories(db, admin, { userId: rep.userId, territoryIds: [t.id] }),
    ])
      expect(await failure(attempt())).toBe("CONFLICT");
    const [audit] = await db
      .select({ before: auditEvent.before })
      .from(auditEvent)
      .where(eq(auditEvent.action, "territory.close"));
    expect(audit!.before).toEqual({ code: "E3", name: "East 3", zips: [ZIPS.OUT], repIds: [rep.userId] });
  });
});
