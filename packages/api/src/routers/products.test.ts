// The products procedures: an admin of the org only.
import { describe, expect, it } from "vitest";

import { useWorld } from "@pharmacrm/domain/testing";

import { callerFor, outcome } from "../testing/caller";

const state = useWorld();

describe("products", () => {
  it("lists and updates for the org's admin; refuses everyone else", async () => {
    const { viewers, products } = state.world;
    const change = { id: products.A, sampleable: true, sampleLimitPerCall: 4, sampleLimitPerYear: null, active: true };
    for (const who of ["repE1", "managerEast"] as const) {
      expect(await outcome(() => callerFor(state.database.db, viewers[who]).products.list())).toBe("FORBIDDEN");
      expect(await outcome(() => callerFor(state.database.db, viewers[who]).products.update(change))).toBe("FORBIDDEN");
      const api = callerFor(state.database.db, viewers[who]).products;
      expect(await outcome(() => api.markets())).toBe("FORBIDDEN");
      expect(await outcome(() => api.createMarket({ name: "Lipids", therapeuticArea: null }))).toBe("FORBIDDEN");
      expect(await outcome(() => api.brands({ q: "al" }))).toBe("FORBIDDEN");
    }
    expect(await outcome(() => callerFor(state.database.db, viewers.adminB).products.update(change))).toBe("NOT_FOUND");
    expect(await outcome(() => callerFor(state.database.db, null).products.list())).toBe("UNAUTHORIZED");
    const admin = callerFor(state.database.db, viewers.adminA).products;
    await admin.update(change);
    expect((await admin.list())[0]).toMatchObject({ name: "Alphacor", sampleLimitPerCall: 4 });
    expect(await outcome(() => admin.update({ ...change, sampleLimitPerCall: 0 }))).toBe("BAD_REQUEST");
    const lipids = await admin.createMarket({ name: "Lipids", therapeuticArea: null });
    await admin.update({ ...change, marketId: lipids.id });
    expect((await admin.list())[0]).toMatchObject({ marketId: lipids.id, market: "Lipids" });
    const other = callerFor(state.database.db, viewers.adminB).products;
    const theirs = await other.createMarket({ name: "Theirs", therapeuticArea: null });
    expect(await outcome(() => admin.update({ ...change, marketId: theirs.id }))).toBe("NOT_FOUND");
    expect(await outcome(() => other.addMarketDrug({ marketId: lipids.id, brandName: "ALPHACOR" }))).toBe("NOT_FOUND");
  });
});
