// The compliance procedures: an admin of the org only.
import { describe, expect, it } from "vitest";

import { useWorld } from "@pharmacrm/domain/testing";

import { callerFor, outcome } from "../testing/caller";

const state = useWorld();

describe("compliance", () => {
  it("keeps the library for the org's admin; refuses everyone else", async () => {
    const { viewers, products } = state.world;
    const claim = { productId: products.A, text: "Alphacor lowers LDL cholesterol.", reference: null };
    for (const who of ["repE1", "managerEast"] as const) {
      const api = callerFor(state.database.db, viewers[who]).compliance;
      expect(await outcome(() => api.library())).toBe("FORBIDDEN");
      expect(await outcome(() => api.addClaim(claim))).toBe("FORBIDDEN");
      expect(await outcome(() => api.banPhrase({ phrase: "act now" }))).toBe("FORBIDDEN");
      expect(await outcome(() => api.check({ text: "Act now.", productId: null }))).toBe("FORBIDDEN");
    }
    expect(await outcome(() => callerFor(state.database.db, null).compliance.library())).toBe("UNAUTHORIZED");
    expect(await outcome(() => callerFor(state.database.db, viewers.adminB).compliance.addClaim(claim))).toBe(
      "NOT_FOUND",
    );
    const admin = callerFor(state.database.db, viewers.adminA).compliance;
    const added = await admin.addClaim(claim);
    expect((await admin.library()).products[0]!.claims.map((c) => c.id)).toEqual([added.id]);
    expect(await outcome(() => admin.banPhrase({ phrase: "no" }))).toBe("BAD_REQUEST");
    expect((await admin.check({ text: "It is a miracle.", productId: products.A })).passed).toBe(false);
  });
});
