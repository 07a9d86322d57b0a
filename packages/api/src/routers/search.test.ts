// search.physicians: everyone searches every public HCP; "mine" narrows to the viewer's territories exactly as
// the HCP list's "mine" does, and each result says whether it is in the viewer's territories.
import { describe, expect, it } from "vitest";

import { NPIS, NPIS_IN_SCOPE, useWorld, type PersonKey } from "@pharmacrm/domain/testing";

import { callerFor, outcome } from "../testing/caller";

const ctx = useWorld();
const api = (person: PersonKey) => callerFor(ctx.database.db, ctx.world.viewers[person]);

describe("search.physicians scope", () => {
  it.each(Object.entries(NPIS_IN_SCOPE))("%s finds all 5 HCPs, and %j with “mine”", async (person, npis) => {
    const all = await api(person as PersonKey).search.physicians({});
    expect(all.total).toBe(5);
    expect(
      all.items
        .filter((i) => i.inMyTerritories)
        .map((i) => i.npi)
        .sort(),
    ).toEqual([...npis].sort());
    const narrowed = await api(person as PersonKey).search.physicians({ mine: true });
    expect(narrowed.items.map((i) => i.npi).sort()).toEqual([...npis].sort());
    // The same answer as the HCP list's "mine" toggle.
    const list = await api(person as PersonKey).hcp.list({ mine: true, pageSize: 100 });
    expect(list.items.map((i) => i.npi).sort()).toEqual([...npis].sort());
  });

  it("is for signed-in users only", async () => {
    expect(await outcome(() => callerFor(ctx.database.db, null).search.physicians({ text: "hcp" }))).toBe(
      "UNAUTHORIZED",
    );
    expect(await outcome(() => callerFor(ctx.database.db, null).search.options())).toBe("UNAUTHORIZED");
  });
});

describe("search.physicians input and paging", () => {
  it("ranks the closest names first and pages through every match once with a cursor", async () => {
    const first = await api("adminA").search.physicians({ text: "hcpw", limit: 2 });
    expect(first.total).toBe(5);
    expect(first.items.map((i) => i.npi).sort()).toEqual([NPIS.W1, NPIS.W2]);
    const seen = first.items.map((i) => i.npi);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await api("adminA").search.physicians({ text: "hcpw", limit: 2, cursor });
      seen.push(...page.items.map((i) => i.npi));
      cursor = page.nextCursor;
    }
    expect(seen.sort()).toEqual(Object.values(NPIS).sort());
  });

  it("rejects bad input with a human message", async () => {
    expect(await outcome(() => api("repE1").search.physicians({ radiusMiles: 0, near: { zip: "02101" } }))).toBe(
      "BAD_REQUEST",
    );
    await expect(api("repE1").search.physicians({ specialty: ["Astrology"] })).rejects.toThrow(
      /No specialty called “Astrology”/,
    );
    await expect(api("repE1").search.physicians({ zip: "2101" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("offers the org's own filter choices", async () => {
    const options = await api("repE1").search.options();
    expect(options.markets).toEqual([]);
    expect(options.layTerms).toContain("heart doctor");
  });
});
