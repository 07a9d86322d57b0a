// The analytics API runs the same compiler as the copilot, within the caller's scope, and refuses what the model
// does not hold in words.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { savedQuestion } from "@pharmacrm/db";
import { MAX_PINS } from "@pharmacrm/domain";
import { useWorld } from "@pharmacrm/domain/testing";

import { callerFor, outcome } from "../testing/caller";

const state = useWorld();
const byRegion = { measures: ["Calls.count" as const], dimensions: ["Regions.name" as const] };

describe("analytics.run", () => {
  it("answers within the caller's scope: an admin sees every region, a manager their own", async () => {
    const { db } = state.database;
    const admin = await callerFor(db, state.world.viewers.adminA).analytics.run(byRegion);
    expect(admin.rows).toEqual([
      { d0: "East", m0: 2 },
      { d0: "West", m0: 2 },
    ]);
    const manager = await callerFor(db, state.world.viewers.managerWest).analytics.run(byRegion);
    expect(manager.rows).toEqual([{ d0: "West", m0: 2 }]);
    expect(manager.sql).toBeNull();
  });

  it("refuses a member the model does not hold, and the signed-out", async () => {
    const { db } = state.database;
    const admin = callerFor(db, state.world.viewers.adminA);
    expect(
      await outcome(() => admin.analytics.run({ measures: ["Payments.refunds" as "Calls.count"], dimensions: [] })),
    ).toBe("BAD_REQUEST");
    expect(await outcome(() => callerFor(db, null).analytics.run(byRegion))).toBe("UNAUTHORIZED");
    const model = await admin.analytics.model();
    expect(model.measures.map((m) => m.name)).toContain("Calls.reach");
  });
});

describe("pinned questions", () => {
  const byTerritory = { measures: ["Calls.count" as const], dimensions: ["Territories.name" as const] };

  it("are the owner's own: pinned, listed in order, moved, removed; nobody else sees or touches them", async () => {
    const { db } = state.database;
    const manager = callerFor(db, state.world.viewers.managerWest);
    const other = callerFor(db, state.world.viewers.managerEast);
    const first = await manager.analytics.pin({ title: "Calls by territory", query: byTerritory });
    const second = await manager.analytics.pin({ title: "  Calls by region  ", query: byRegion });
    expect((await manager.analytics.pins()).map((p) => p.title)).toEqual(["Calls by territory", "Calls by region"]);
    expect(await other.analytics.pins()).toEqual([]);
    expect(await outcome(() => other.analytics.unpin({ id: first.id }))).toBe("NOT_FOUND");
    expect(await outcome(() => other.analytics.movePin({ id: first.id, direction: "down" }))).toBe("NOT_FOUND");

    await manager.analytics.movePin({ id: second.id, direction: "up" });
    await manager.analytics.movePin({ id: second.id, direction: "up" }); // already first: nothing moves
    const moved = await manager.analytics.pins();
    expect(moved.map((p) => p.id)).toEqual([second.id, first.id]);
    expect(moved[1]!.query).toMatchObject({ measures: ["Calls.count"], dimensions: ["Territories.name"], limit: 100 });

    await manager.analytics.unpin({ id: second.id });
    expect((await manager.analytics.pins()).map((p) => p.id)).toEqual([first.id]);
    expect(await outcome(() => manager.analytics.unpin({ id: second.id }))).toBe("NOT_FOUND");
  });

  it("refuses an empty title, a query outside the model and more than the dashboard holds", async () => {
    const { db } = state.database;
    const rep = callerFor(db, state.world.viewers.repW1);
    expect(await outcome(() => rep.analytics.pin({ title: "   ", query: byRegion }))).toBe("BAD_REQUEST");
    expect(
      await outcome(() =>
        rep.analytics.pin({ title: "Payments", query: { measures: ["Payments.refunds" as "Calls.count"] } }),
      ),
    ).toBe("BAD_REQUEST");
    for (let i = 0; i < MAX_PINS; i++) await rep.analytics.pin({ title: `Question ${i + 1}`, query: byRegion });
    expect(await outcome(() => rep.analytics.pin({ title: "One too many", query: byRegion }))).toBe("CONFLICT");
    expect(await rep.analytics.pins()).toHaveLength(MAX_PINS);
  });

  it("shows a pin whose query the model no longer holds with the reason, and still removes it", async () => {
    const { db } = state.database;
    const rep = callerFor(db, state.world.viewers.repE1);
    const kept = await rep.analytics.pin({ title: "Calls by region", query: byRegion });
    await db
      .update(savedQuestion)
      .set({ query: { measures: ["Calls.retired"] } })
      .where(eq(savedQuestion.id, kept.id));
    const [pin] = await rep.analytics.pins();
    expect(pin).toMatchObject({ id: kept.id, query: null, problem: expect.stringContaining("no longer") });
    await rep.analytics.unpin({ id: kept.id });
    expect(await rep.analytics.pins()).toEqual([]);
  });
});
