// Call plans against hand-counted figures: who may plan where, cycles that may not overlap, targets one by one, by
// tier and from a file (dry run = apply), and attainment from the calls in the plan's territory and dates.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { auditEvent, callPlanTarget, hcp, hcpAttribute, interaction } from "@pharmacrm/db";

import type { SemanticQueryInput } from "../analytics/query";
import { runAnalytics } from "../analytics/run";
import { DomainError } from "../errors";
import { scopeFor } from "../scope";
import { NPIS, useWorld, ZIPS, type PersonKey } from "../testing/world";
import { callPlanDetail, listCallPlans } from "./attainment";
import { importPlanTargets } from "./import";
import { createCallPlan, deleteCallPlan, updateCallPlan } from "./plans";
import { setPlanTargets, setTargetsByTier } from "./targets";

const ctx = useWorld();
const NOW = new Date("2026-12-05T12:00:00Z");
// Extra HCPs practising in E1's ZIP: two of tier A, one of tier B, one with no tier.
const E1_HCPS = { A1: "1000000101", A2: "1000000102", B1: "1000000103", NONE: "1000000104" };

const scopeOf = (person: PersonKey) => scopeFor(ctx.database.db, ctx.world.viewers[person]);
const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

let planId: string;

beforeAll(async () => {
  const { db } = ctx.database;
  const orgId = ctx.world.viewers.adminA.orgId;
  await db.insert(hcp).values(
    Object.entries(E1_HCPS).map(([key, npi]) => ({
      npi,
      entityType: 1,
      firstName: "PLAN",
      lastName: `TARGET${key}`,
      practiceZip5: ZIPS.E1,
    })),
  );
  await db.insert(hcpAttribute).values([
    { orgId, hcpNpi: E1_HCPS.A1, tier: "A" },
    { orgId, hcpNpi: E1_HCPS.A2, tier: "a" },
    { orgId, hcpNpi: E1_HCPS.B1, tier: "B" },
    { orgId, hcpNpi: E1_HCPS.NONE, segment: "Growth" },
    { orgId, hcpNpi: NPIS.W1, tier: "A" },
  ]);
  const call = (npi: string, at: string, territory: "E1" | "E2" = "E1", owner: PersonKey = "repE1") => ({
    orgId,
    hcpNpi: npi,
    ownerId: ctx.world.viewers[owner].userId,
    territoryId: ctx.world.territories[territory],
    channel: "in_person" as const,
    occurredAt: new Date(at),
  });
  await db.insert(interaction).values([
    // A1: four calls in the cycle (one by the manager), one the day before it starts, one in another territory.
    call(E1_HCPS.A1, "2026-10-01T00:00:00Z"),
    call(E1_HCPS.A1, "2026-10-15T09:00:00Z"),
    call(E1_HCPS.A1, "2026-11-20T09:00:00Z", "E1", "managerEast"),
    call(E1_HCPS.A1, "2026-12-31T23:59:59Z"),
    call(E1_HCPS.A1, "2026-09-30T23:59:59Z"),
    call(E1_HCPS.A1, "2026-11-01T09:00:00Z", "E2"),
    // B1: one call, the first moment after the cycle ends: not counted.
    call(E1_HCPS.B1, "2027-01-01T00:00:00Z"),
  ]);
});

describe("creating a plan", () => {
  it.each<[PersonKey, string]>([
    ["repE1", "FORBIDDEN"],
    ["managerWest", "NOT_FOUND"],
    ["adminB", "NOT_FOUND"],
    ["managerB", "NOT_FOUND"],
  ])("%s planning for E1 → %s", async (person, expected) => {
    const cycle = {
      territoryId: ctx.world.territories.E1,
      name: "Q4 2026",
      startsOn: "2026-10-01",
      endsOn: "2026-12-31",
    };
    expect(await codeOf(createCallPlan(ctx.database.db, await scopeOf(person), cycle))).toBe(expected);
  });

  it("lets the region's manager plan, audited", async () => {
    const plan = await createCallPlan(ctx.database.db, await scopeOf("managerEast"), {
      territoryId: ctx.world.territories.E1,
      name: "  Q4 2026 ",
      startsOn: "2026-10-01",
      endsOn: "2026-12-31",
    });
    planId = plan.id;
    expect(plan.name).toBe("Q4 2026");
    const audit = await ctx.database.db.select().from(auditEvent).where(eq(auditEvent.entityId, plan.id));
    expect(audit.map((a) => a.action)).toEqual(["call_plan.create"]);
  });

  it("refuses a cycle that ends before it starts or lasts over a year, with the field named", async () => {
    const scope = await scopeOf("adminA");
    const base = { territoryId: ctx.world.territories.E2, name: "Bad" + " cycle" };
    await expect(
      createCallPlan(ctx.database.db, scope, { ...base, startsOn: "2027-03-01", endsOn: "2027-02-01" }),
    ).rejects.toThrow(/must end on or after its start/);
    await expect(
      createCallPlan(ctx.database.db, scope, { ...base, startsOn: "2027-01-01", endsOn: "2028-01-02" }),
    ).rejects.toThrow(/at most a year/);
  });

  it("refuses a cycle overlapping another of the territory, and allows the next one", async () => {
    const scope = await scopeOf("adminA");
    const e1 = ctx.world.territories.E1;
    await expect(
      createCallPlan(ctx.database.db, scope, {
        territoryId: e1,
        name: "Overlap",
        startsOn: "2026-12-31",
        endsOn: "2027-03-31",
      }),
    ).rejects.toThrow(/already has the plan “Q4 2026” from 1 Oct 2026 to 31 Dec 2026/);
    const next = await createCallPlan(ctx.database.db, scope, {
      territoryId: e1,
      name: "Q1 2027",
      startsOn: "2027-01-01",
      endsOn: "2027-03-31",
    });
    // Moving the next cycle back over this one is refused as well; renaming it is not.
    await expect(
      updateCallPlan(ctx.database.db, scope, {
        id: next.id,
        name: "Q1 2027",
        startsOn: "2026-12-15",
        endsOn: "2027-03-31",
      }),
    ).rejects.toThrow(/may not overlap/);
    const renamed = await updateCallPlan(ctx.database.db, scope, {
      id: next.id,
      name: "Q1 2027 launch",
      startsOn: "2027-01-01",
      endsOn: "2027-03-31",
    });
    expect(renamed.name).toBe("Q1 2027 launch");
    // Another territory's cycle may overlap.
    const e2 = await createCallPlan(ctx.database.db, scope, {
      territoryId: ctx.world.territories.E2,
      name: "Q4 2026",
      startsOn: "2026-10-01",
      endsOn: "2026-12-31",
    });
    await deleteCallPlan(ctx.database.db, scope, { id: e2.id });
  });
});

describe("targets", () => {
  it("are set by tier (any case), leaving other tiers and HCPs of other territories out", async () => {
    const result = await setTargetsByTier(ctx.database.db, await scopeOf("managerEast"), {
      planId,
      tiers: [
        { tier: "A", plannedCalls: 3 },
        { tier: "b", plannedCalls: 2 },
      ],
    });
    expect(result).toMatchObject({ matched: 3, added: 3, changed: 0, removed: 0, unchanged: 0 });
    const again = await setTargetsByTier(ctx.database.db, await scopeOf("managerEast"), {
      planId,
      tiers: [{ tier: "A", plannedCalls: 3 }],
    });
    expect(again).toMatchObject({ matched: 2, added: 0, unchanged: 2 });
  });

  it("are set one by one, refusing an HCP outside the territory and a rep", async () => {
    const scope = await scopeOf("managerEast");
    await expect(
      setPlanTargets(ctx.database.db, scope, { planId, targets: [{ npi: NPIS.E2, plannedCalls: 2 }] }),
    ).rejects.toThrow(/does not practise in the plan's territory: 1000000002/);
    expect(
      await codeOf(
        setPlanTargets(ctx.database.db, await scopeOf("repE1"), {
          planId,
          targets: [{ npi: NPIS.E1, plannedCalls: 1 }],
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(
        setPlanTargets(ctx.database.db, await scopeOf("managerWest"), {
          planId,
          targets: [{ npi: NPIS.E1, plannedCalls: 1 }],
        }),
      ),
    ).toBe("NOT_FOUND");
    const added = await setPlanTargets(ctx.database.db, scope, {
      planId,
      targets: [{ npi: NPIS.E1, plannedCalls: 1 }],
    });
    expect(added).toMatchObject({ added: 1 });
    const removed = await setPlanTargets(ctx.database.db, scope, {
      planId,
      targets: [{ npi: NPIS.E1, plannedCalls: 0 }],
    });
    expect(removed).toMatchObject({ removed: 1 });
    const [audit] = await ctx.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, planId), eq(auditEvent.action, "call_plan.targets")))
      .orderBy(auditEvent.id)
      .then((rows) => rows.slice(-1));
    expect(audit!.after).toMatchObject({ how: "by hand", changes: [{ npi: NPIS.E1, from: 1, to: null }] });
  });
});

describe("attainment", () => {
  it("counts each target's calls in the plan's territory and dates, capping made at planned", async () => {
    const detail = await callPlanDetail(ctx.database.db, await scopeOf("repE1"), { id: planId, now: NOW });
    const byNpi = Object.fromEntries(detail.targets.map((t) => [t.npi, t]));
    expect(byNpi[E1_HCPS.A1]).toMatchObject({
      planned: 3,
      actual: 4,
      remaining: 0,
      lastCallAt: "2026-12-31T23:59:59Z",
    });
    expect(byNpi[E1_HCPS.A2]).toMatchObject({ planned: 3, actual: 0, remaining: 3, lastCallAt: null });
    expect(byNpi[E1_HCPS.B1]).toMatchObject({ planned: 2, actual: 0, remaining: 2 });
    // made = min(4, 3) + 0 + 0; attainment = 3 / 8.
    expect(detail.totals).toEqual({
      targets: 3,
      planned: 8,
      made: 3,
      actual: 4,
      remaining: 5,
      completed: 1,
      attainment: 0.375,
    });
    expect(detail.plan).toMatchObject({ status: "active", days: 92, territoryCode: "E1", regionName: "East" });
    expect(detail.plan.reps.map((r) => r.name)).toEqual(["repE1"]);
    expect(detail.callsByRep).toEqual([
      { id: ctx.world.viewers.repE1.userId, name: "repE1", calls: 3 },
      { id: ctx.world.viewers.managerEast.userId, name: "managerEast", calls: 1 },
    ]);
    expect(detail.canPlan).toBe(false);
  });

  it.each<[PersonKey, boolean]>([
    ["repE1", true],
    ["repE2", false],
    ["managerEast", true],
    ["managerWest", false],
    ["adminA", true],
    ["repB1", false],
    ["adminB", false],
  ])("%s sees the E1 plan: %s", async (person, sees) => {
    const scope = await scopeOf(person);
    const { plans } = await listCallPlans(ctx.database.db, scope, { show: "all", now: NOW });
    expect(plans.some((p) => p.id === planId)).toBe(sees);
    expect(await codeOf(callPlanDetail(ctx.database.db, scope, { id: planId, now: NOW }))).toBe(
      sees ? "OK" : "NOT_FOUND",
    );
  });

  it("lists current plans with the same totals, and a manager's view per rep", async () => {
    const list = await listCallPlans(ctx.database.db, await scopeOf("managerEast"), { show: "current", now: NOW });
    const plan = list.plans.find((p) => p.id === planId)!;
    expect(plan.totals).toMatchObject({ planned: 8, made: 3, attainment: 0.375 });
    expect(list.plans.find((p) => p.name === "Q1 2027 launch")).toMatchObject({ status: "upcoming", elapsed: 0 });
    expect(list.byRep).toEqual([
      {
        id: ctx.world.viewers.repE1.userId,
        name: "repE1",
        plans: 1,
        totals: { targets: 3, planned: 8, made: 3, actual: 4, remaining: 5, completed: 1, attainment: 0.375 },
      },
    ]);
    const later = await listCallPlans(ctx.database.db, await scopeOf("managerEast"), {
      show: "current",
      now: new Date("2027-04-01"),
    });
    expect(later.plans).toEqual([]);
  });
});

describe("in analytics, counted as the screens count", () => {
  const table = async (person: PersonKey, query: SemanticQueryInput) => {
    const result = await runAnalytics(ctx.database.db, await scopeOf(person), query, NOW);
    return result.rows.map((row) => result.columns.map((c) => row[c.key]));
  };
  const measures = ["CallPlans.attainment", "CallPlans.planned", "CallPlans.made", "CallPlans.remaining"] as const;

  it("by rep, territory and tier, for the plans running today", async () => {
    expect(await table("managerEast", { measures: [...measures], dimensions: ["Reps.name"] })).toEqual([
      ["repE1", 0.375, 8, 3, 5],
    ]);
    expect(await table("adminA", { measures: [...measures], dimensions: ["Territories.name"] })).toEqual([
      ["E1", 0.375, 8, 3, 5],
    ]);
    const byTier = await table("adminA", { measures: [...measures], dimensions: ["Hcps.tier"] });
    expect(byTier.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ["a", 0, 3, 0, 3],
      ["A", 1, 3, 3, 0],
      ["B", 0, 2, 0, 2],
    ]);
  });

  it("a period counts the plans whose cycle overlaps it; nobody outside the territory sees any", async () => {
    const q1 = { dimension: "CallPlans.cycle" as const, dateRange: ["2027-01-01", "2027-03-31"] as [string, string] };
    // Q1 2027 has no targets: nothing planned.
    expect(
      await table("adminA", { measures: ["CallPlans.planned", "CallPlans.targets"], timeDimensions: [q1] }),
    ).toEqual([[0, 0]]);
    const both = { dimension: "CallPlans.cycle" as const, dateRange: ["2026-12-01", "2027-01-31"] as [string, string] };
    expect(
      await table("repE1", {
        measures: ["CallPlans.attainment"],
        dimensions: ["CallPlans.plan"],
        timeDimensions: [both],
      }),
    ).toEqual([["Q4 2026", 0.375]]);
    for (const person of ["repE2", "managerWest", "adminB"] as const) {
      expect(await table(person, { measures: ["CallPlans.attainment", "CallPlans.planned"] })).toEqual([[null, 0]]);
    }
  });
});

describe("importing targets from a file", () => {
  const file = [
    "Name,NPI,Planned calls",
    `Good,${E1_HCPS.A2},5`,
    "Short,12345,2",
    `Bad number,${E1_HCPS.B1},two`,
    `Again,${E1_HCPS.A2},4`,
    "Unknown,1999999999,1",
    `Elsewhere,${NPIS.W1},2`,
    `Off,${E1_HCPS.A1},0`,
    `New,${E1_HCPS.NONE},1`,
  ].join("\n");

  it("reports in a dry run exactly what applying does, and sets bad rows aside with line, column and reason", async () => {
    const scope = await scopeOf("managerEast");
    const dry = await importPlanTargets(ctx.database.db, scope, { planId, csv: file });
    const targets = () =>
      ctx.database.db
        .select()
        .from(callPlanTarget)
        .where(eq(callPlanTarget.planId, planId))
        .orderBy(callPlanTarget.hcpNpi);
    const before = await targets();
    expect(dry).toMatchObject({ applied: false, rows: 8, added: 1, changed: 1, removed: 1, unchanged: 0 });
    expect(dry.setAside).toEqual([
      { line: 3, column: "NPI", reason: "An NPI is 10 digits." },
      { line: 4, column: "Planned calls", reason: "Planned calls must be a whole number from 0 to 99." },
      { line: 5, column: "NPI", reason: "The same NPI is also on line 2; only the first is read." },
      { line: 6, column: "NPI", reason: "No HCP has this NPI in the registry." },
      { line: 7, column: "NPI", reason: "This HCP does not practise in the plan's territory." },
    ]);
    expect(await targets()).toEqual(before);

    const applied = await importPlanTargets(ctx.database.db, scope, { planId, csv: file, apply: true });
    const { applied: _a, ...rest } = applied;
    const { applied: _d, ...dryRest } = dry;
    expect(rest).toEqual(dryRest);
    expect((await targets()).map((t) => [t.hcpNpi, t.plannedCalls])).toEqual([
      [E1_HCPS.A2, 5],
      [E1_HCPS.B1, 2],
      [E1_HCPS.NONE, 1],
    ]);
  });

  it("takes chosen columns, and refuses a file it cannot read without quoting it", async () => {
    const scope = await scopeOf("managerEast");
    const odd = `id;x\n"${E1_HCPS.B1}",3\n`.replace(";", ",");
    await expect(importPlanTargets(ctx.database.db, scope, { planId, csv: odd })).rejects.toThrow(
      /must name the columns: one called NPI and one called Planned calls/,
    );
    const mapped = await importPlanTargets(ctx.database.db, scope, {
      planId,
      csv: odd,
      columns: { npi: 0, plannedCalls: 1 },
    });
    expect(mapped).toMatchObject({ changed: 1, setAside: [] });
    // Line numbers are the file's: a blank line and a note over two lines count.
    const spaced = `Note,NPI,Planned calls\n\n"two\nlines",${E1_HCPS.B1},x\n`;
    const report = await importPlanTargets(ctx.database.db, scope, { planId, csv: spaced });
    expect(report.setAside).toEqual([
      { line: 4, column: "Planned calls", reason: "Planned calls must be a whole number from 0 to 99." },
    ]);
    const broken = `NPI,Planned calls\n"${E1_HCPS.B1},3\n`;
    const error = await importPlanTargets(ctx.database.db, scope, { planId, csv: broken }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as Error).message).toMatch(/not readable CSV/);
    expect((error as Error).message).not.toContain(E1_HCPS.B1);
    expect(await codeOf(importPlanTargets(ctx.database.db, await scopeOf("repE1"), { planId, csv: file }))).toBe(
      "FORBIDDEN",
    );
  });
});
