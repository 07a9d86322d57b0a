// The analytics API runs the same compiler as the copilot, within the caller's scope, and refuses what the model
// does not hold in words.
import { describe, expect, it } from "vitest";

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
      await outcome(() => admin.analytics.run({ measures: ["Payments.amount" as "Calls.count"], dimensions: [] })),
    ).toBe("BAD_REQUEST");
    expect(await outcome(() => callerFor(db, null).analytics.run(byRegion))).toBe("UNAUTHORIZED");
    const model = await admin.analytics.model();
    expect(model.measures.map((m) => m.name)).toContain("Calls.reach");
  });
});
