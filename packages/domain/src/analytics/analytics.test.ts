// The semantic layer against hand-computed figures: calls, details, samples, reach and frequency by rep, territory,
// region, product, channel and month; the fan-out traps (a call with two products counts once in calls and twice in
// details; samples of a product not discussed still count); filters; and row security for every role and the other
// org, through every dimension.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { hcpAttribute, interaction, interactionProduct, interactionSample, product, rowsOf } from "@pharmacrm/db";

import { scopeFor } from "../scope";
import { useAnalyticsWorld } from "../testing/analytics-world";
import { NPIS, type PersonKey } from "../testing/world";
import { DIMENSIONS, MEASURES, type DimensionName, type MeasureName } from "./model";

const { state, run, table } = useAnalyticsWorld();
const NOVEMBER: [string, string] = ["2026-11-01", "2026-11-30"];
const inNovember = { timeDimensions: [{ dimension: "Calls.occurredAt" as const, dateRange: NOVEMBER }] };

beforeAll(async () => {
  const { db } = state.database;
  const { viewers, territories, products } = state.world;
  const orgA = viewers.adminA.orgId;
  const [gamma] = await db.insert(product).values({ orgId: orgA, name: "Gammacor" }).returning();
  const call = async (
    person: "repE1" | "repE2" | "repW1",
    territory: "E1" | "E2" | "W1",
    day: string,
    channel: "in_person" | "phone" | "video",
    discussed: string[],
    samples: [string, number][],
  ) => {
    const [row] = await db
      .insert(interaction)
      .values({
        orgId: orgA,
        hcpNpi: NPIS[territory],
        ownerId: viewers[person].userId,
        territoryId: territories[territory],
        channel,
        occurredAt: new Date(`${day}T15:00:00Z`),
      })
      .returning();
    if (discussed.length)
      await db
        .insert(interactionProduct)
        .values(discussed.map((productId, i) => ({ interactionId: row!.id, productId, position: i + 1 })));
    if (samples.length)
      await db
        .insert(interactionSample)
        .values(samples.map(([productId, quantity]) => ({ interactionId: row!.id, productId, quantity })));
  };
  const alpha = products.A;
  // repE1, HCP E1: two products discussed with samples of one; one product; samples of a product not discussed.
  await call("repE1", "E1", "2026-11-02", "in_person", [alpha, gamma!.id], [[alpha, 2]]);
  await call("repE1", "E1", "2026-11-10", "phone", [alpha], []);
  await call("repE1", "E1", "2026-11-20", "in_person", [], [[gamma!.id, 3]]);
  await call("repE2", "E2", "2026-11-15", "video", [gamma!.id], [[gamma!.id, 1]]);
  await call("repW1", "W1", "2026-11-05", "phone", [alpha], []);
  // Outside November: counted only when the period allows it.
  await call("repE1", "E1", "2026-12-01", "phone", [alpha], []);
  await db.insert(hcpAttribute).values({ orgId: orgA, hcpNpi: NPIS.E1, tier: "A", decile: 9 });
});

const ALL: MeasureName[] = ["Calls.count", "Calls.details", "Calls.samples", "Calls.reach", "Calls.frequency"];

describe("measures against hand-computed figures", () => {
  it("counts calls, details, samples, reach and frequency per rep for an admin", async () => {
    expect(await table("adminA", { measures: ALL, dimensions: ["Reps.name"], ...inNovember })).toEqual([
      ["repE1", 3, 3, 5, 1, 3],
      ["repE2", 1, 1, 1, 1, 1],
      ["repW1", 1, 1, 0, 1, 1],
    ]);
  });

  it("counts a call once per product it discussed or sampled, and details and samples of that product only", async () => {
    expect(await table("adminA", { measures: ALL, dimensions: ["Products.name"], ...inNovember })).toEqual([
      ["Alphacor", 3, 3, 2, 2, 1.5],
      ["Gammacor", 3, 2, 4, 2, 1.5],
    ]);
    // Without the product dimension the same calls count once, and details add up to the products' details.
    expect(await table("adminA", { measures: ALL, ...inNovember })).toEqual([[5, 5, 6, 3, 1.67]]);
  });

  it("filters by product: the calls about it, its details and its samples", async () => {
    const gamma = { member: "Products.name" as const, operator: "equals" as const, values: ["gammacor"] };
    expect(
      await table("adminA", {
        measures: ["Calls.count", "Calls.details", "Calls.samples"],
        dimensions: ["Reps.name"],
        filters: [gamma],
        ...inNovember,
      }),
    ).toEqual([
      ["repE1", 2, 1, 3],
      ["repE2", 1, 1, 1],
    ]);
  });

  it("groups by territory, region, channel and month, and filters on account attributes", async () => {
    expect(await table("adminA", { measures: ["Calls.count"], dimensions: ["Regions.name"], ...inNovember })).toEqual([
      ["East", 4],
      ["West", 1],
    ]);
    expect(await table("adminA", { measures: ["Calls.count"], dimensions: ["Calls.channel"], ...inNovember })).toEqual([
      ["in_person", 2],
      ["phone", 2],
      ["video", 1],
    ]);
    expect(
      await table("adminA", {
        measures: ["Calls.count"],
        timeDimensions: [{ dimension: "Calls.occurredAt", granularity: "month" }],
      }),
    ).toEqual([
      ["2026-10-01", 4],
      ["2026-11-01", 5],
      ["2026-12-01", 1],
    ]);
    const tierA = { member: "Hcps.tier" as const, operator: "equals" as const, values: ["A"] };
    const decile9 = { member: "Hcps.decile" as const, operator: "gte" as const, values: ["9"] };
    expect(await table("adminA", { measures: ["Calls.count"], filters: [tierA], ...inNovember })).toEqual([[3]]);
    expect(await table("adminA", { measures: ["Calls.count"], filters: [decile9], ...inNovember })).toEqual([[3]]);
  });

  it("orders, limits and says when the row cap was reached", async () => {
    const result = await run("adminA", {
      measures: ["Calls.count"],
      dimensions: ["Reps.name"],
      order: [["Reps.name", "desc"]],
      limit: 2,
      ...inNovember,
    });
    expect(result.rows.map((r) => r.d0)).toEqual(["repW1", "repE2"]);
    expect(result.truncated).toBe(true);
    expect(result.chart).toBe("bar");
  });

  it("resolves periods in words against today", async () => {
    const result = await run("adminA", {
      measures: ["Calls.count"],
      timeDimensions: [{ dimension: "Calls.occurredAt", dateRange: "last month" }],
    });
    expect(result.range).toEqual(NOVEMBER);
    expect(result.rows).toEqual([{ m0: 5 }]);
  });

  it("refuses a member that is not in the model, in words", async () => {
    await expect(run("adminA", { measures: ["Calls.revenue" as MeasureName] })).rejects.toThrow(
      /not a measure of the model/,
    );
    await expect(
      run("adminA", { measures: ["Calls.count"], filters: [{ member: "Hcps.tier", operator: "equals", values: [] }] }),
    ).rejects.toThrow(/at least one value/);
  });
});

describe("row security from the viewer, never from the question", () => {
  it("a manager sees their region's calls only, whatever the dimension", async () => {
    expect(await table("managerEast", { measures: ["Calls.count"], dimensions: ["Reps.name"], ...inNovember })).toEqual(
      [
        ["repE1", 3],
        ["repE2", 1],
      ],
    );
    // Asking for the other region by name finds nothing rather than another region's rows.
    const west = { member: "Regions.name" as const, operator: "equals" as const, values: ["West"] };
    expect(await table("managerEast", { measures: ["Calls.count"], filters: [west], ...inNovember })).toEqual([[0]]);
  });

  it("a rep sees their own numbers; another org's rep over the same ZIPs sees none of them", async () => {
    expect(await table("repE1", { measures: ["Calls.count", "Calls.samples"], ...inNovember })).toEqual([[3, 5]]);
    expect(await table("repB1", { measures: ["Calls.count"], ...inNovember })).toEqual([[0]]);
    expect(await table("repB1", { measures: ["Calls.count"], dimensions: ["Products.name"] })).toEqual([]);
  });

  it("only admins are shown the SQL, and it carries the values as parameters", async () => {
    const filter = { member: "Hcps.city" as const, operator: "contains" as const, values: ["x'; drop table hcp; --"] };
    const admin = await run("adminA", { measures: ["Calls.count"], filters: [filter] });
    expect(admin.sql?.text).not.toContain("drop table");
    expect(admin.sql?.params).toContain("%x'; drop table hcp; --%");
    expect((await run("managerEast", { measures: ["Calls.count"] })).sql).toBeNull();
  });

  const people: PersonKey[] = ["repE1", "repE2", "managerEast", "managerWest", "adminA", "repB1", "managerB", "adminB"];
  it.each(people)(
    "%s: every measure by every dimension adds up to the calls they may see, and no more",
    async (person) => {
      const { db } = state.database;
      const viewer = state.world.viewers[person];
      const scope = await scopeFor(db, viewer);
      // Visible calls, decided here independently of the compiler: the org's, in the person's territories or theirs.
      const calls = rowsOf<{ owner: string; territory: string | null }>(
        await db.execute(
          sql`select owner_id as owner, territory_id as territory from interaction where org_id = ${viewer.orgId}::uuid`,
        ),
      );
      const visible = calls.filter(
        (c) =>
          scope.territoryIds === null ||
          c.owner === viewer.userId ||
          (c.territory !== null && scope.territoryIds.includes(c.territory)),
      ).length;
      const orgProducts = rowsOf<{ name: string }>(
        await db.execute(sql`select name from product where org_id = ${viewer.orgId}::uuid`),
      ).map((r) => r.name);
      const forCalls = (Object.keys(DIMENSIONS) as DimensionName[]).filter((d) =>
        (DIMENSIONS[d].cubes as readonly string[]).includes("Calls"),
      );
      for (const dimension of forCalls) {
        const result = await run(person, {
          measures: (Object.keys(MEASURES) as MeasureName[]).filter((m) => MEASURES[m].cube === "Calls"),
          dimensions: [dimension],
          limit: 1000,
        });
        const counted = result.rows.reduce((sum, row) => sum + Number(row.m0), 0);
        if (dimension === "Products.name") {
          expect(result.rows.every((row) => orgProducts.includes(String(row.d0)))).toBe(true);
        } else {
          expect(counted, `${person} by ${dimension}`).toBe(visible);
        }
      }
    },
  );
});
