// The territories procedures: an admin of the org only; the dry run's figures are what applying does.
import { describe, expect, it } from "vitest";

import { useWorld, ZIPS } from "@pharmacrm/domain/testing";

import { callerFor, outcome } from "../testing/caller";

const state = useWorld();

describe("territories", () => {
  it("refuses everyone but the org's admin", async () => {
    const { viewers, territories } = state.world;
    const align = { territoryId: territories.E1, zips: ZIPS.OUT };
    for (const who of ["repE1", "managerEast"] as const) {
      const api = callerFor(state.database.db, viewers[who]).territories;
      expect(await outcome(() => api.list())).toBe("FORBIDDEN");
      expect(await outcome(() => api.get({ id: territories.E1 }))).toBe("FORBIDDEN");
      expect(await outcome(() => api.createRegion({ name: "South" }))).toBe("FORBIDDEN");
      expect(await outcome(() => api.previewAlignment(align))).toBe("FORBIDDEN");
      expect(await outcome(() => api.close({ id: territories.E1 }))).toBe("FORBIDDEN");
    }
    const other = callerFor(state.database.db, viewers.adminB).territories;
    expect(await outcome(() => other.get({ id: territories.E1 }))).toBe("NOT_FOUND");
    expect(await outcome(() => other.previewAlignment(align))).toBe("NOT_FOUND");
    expect(await outcome(() => other.close({ id: territories.E1 }))).toBe("NOT_FOUND");
    expect(await outcome(() => callerFor(state.database.db, null).territories.list())).toBe("UNAUTHORIZED");
  });

  it("an admin aligns a territory through a dry run and its basis", async () => {
    const api = callerFor(state.database.db, state.world.viewers.adminA).territories;
    const zips = `${ZIPS.E1} ${ZIPS.OUT}`;
    const plan = await api.previewAlignment({ territoryId: state.world.territories.E1, zips });
    expect(plan).toMatchObject({ added: [ZIPS.OUT], hcpsIn: 1, hcpsOut: 0, hcpsAfter: 2 });
    expect(await outcome(() => api.applyAlignment({ territoryId: state.world.territories.E1, zips, basis: "x" }))).toBe(
      "BAD_REQUEST",
    );
    await api.applyAlignment({ territoryId: state.world.territories.E1, zips, basis: plan.basis });
    expect((await api.get({ id: state.world.territories.E1 })).zips.map((z) => z.zip5)).toEqual([ZIPS.E1, ZIPS.OUT]);
    expect(await outcome(() => api.previewAlignment({ territoryId: state.world.territories.E1, zips: "0211" }))).toBe(
      "BAD_REQUEST",
    );
  });
});
