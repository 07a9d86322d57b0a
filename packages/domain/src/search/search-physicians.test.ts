import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { hcp, partDPrescribing, refreshRankedTotals } from "@pharmacrm/db";

import { HCPS, TAXONOMY, useSearchWorld, type SearchWorld } from "../testing/search-world";
import type { PhysicianSearchInput } from "./input";
import { searchPhysicians } from "./search-physicians";

const ctx = useSearchWorld();

const search = (input: PhysicianSearchInput, scope: keyof SearchWorld["scopes"] = "admin") =>
  searchPhysicians(ctx.database.db, ctx.world.scopes[scope], input);
const npis = async (input: PhysicianSearchInput, scope: keyof SearchWorld["scopes"] = "admin") =>
  (await search(input, scope)).items.map((i) => i.npi);

/** Every page of a search, following the cursors: the NPIs in order. */
async function walk(input: PhysicianSearchInput): Promise<string[]> {
  const walked: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await search({ ...input, cursor });
    walked.push(...page.items.map((i) => i.npi));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return walked;
}

describe("relevance: the intended doctor comes first", () => {
  it("“dr smth cardiology boston” finds the Boston cardiologist Smith, and only him", async () => {
    const result = await search({ text: "dr smth cardiology boston" });
    expect(result.items.map((i) => i.npi)).toEqual([HCPS.bostonCardiologist.npi]);
    expect(result.items[0]!.explanation).toContain("matched: Cardiovascular Disease");
    expect(result.items[0]!.explanation).toContain("412 Eliquis claims");
    expect(result.understood.map((u) => u.kind).sort()).toEqual(["name", "place", "specialty"]);
  });

  it("a misspelt surname alone ranks exact-ish Smiths above Smyth and Smithers, deactivated HCPs never", async () => {
    const found = await npis({ text: "smith" });
    expect(found).not.toContain("1000000020");
    const smiths = [
      HCPS.bostonCardiologist,
      HCPS.bostonDermatologist,
      HCPS.nyCardiologist,
      HCPS.bostonInternist,
      HCPS.springfieldCardiologist,
    ].map((h) => h.npi);
    expect(new Set(found.slice(0, 5))).toEqual(new Set(smiths));
    expect(found.indexOf(HCPS.bostonSmithers.npi)).toBeGreaterThan(4);
    // Among exact Smiths, the one with most prescribing in the org's markets is first.
    expect(found[0]).toBe(HCPS.bostonCardiologist.npi);
  });

  it("“smyth” puts Smyth first and still finds the Smiths", async () => {
    const found = await npis({ text: "smyth" });
    expect(found[0]).toBe(HCPS.cambridgeSmyth.npi);
    expect(found).toContain(HCPS.bostonCardiologist.npi);
  });

  it("first and last name together beat the surname alone", async () => {
    const found = await npis({ text: "jane smith" });
    expect(found[0]).toBe(HCPS.bostonDermatologist.npi);
  });

  it("an exact NPI returns that HCP first, explained", async () => {
    const result = await search({ text: HCPS.worcesterMohs.npi });
    expect(result.items.map((i) => i.npi)).toEqual([HCPS.worcesterMohs.npi]);
    expect(result.items[0]!.explanation).toContain("exact NPI");
  });
});

describe("specialty by lay term, NUCC name or code", () => {
  it("“heart doctor” covers cardiovascular disease and interventional cardiology", async () => {
    const found = await npis({ text: "heart doctor", limit: 50 });
    expect(new Set(found)).toEqual(
      new Set(
        [
          HCPS.bostonCardiologist,
          HCPS.nyCardiologist,
          HCPS.cambridgeSmyth,
          HCPS.chicagoCardiologist,
          HCPS.springfieldCardiologist,
        ].map((h) => h.npi),
      ),
    );
  });
  it("“skin doctor” and the classification “Dermatology” include its specializations (Mohs)", async () => {
    const expected = new Set([HCPS.bostonDermatologist.npi, HCPS.worcesterMohs.npi]);
    expect(new Set(await npis({ text: "skin doctor" }))).toEqual(expected);
    expect(new Set(await npis({ specialty: ["Dermatology"] }))).toEqual(expected);
    expect(await npis({ specialty: ["207ND0101X"] })).toEqual([HCPS.worcesterMohs.npi]);
  });
  it("an unknown specialty is a clear error", async () => {
    await expect(search({ specialty: ["Astrology"] })).rejects.toThrow(/No specialty called “Astrology”/);
  });
});

describe("place", () => {
  it("within N miles of a ZIP, nearest first, with distance in the explanation", async () => {
    const result = await search({ text: "heart doctor near 02115 within 10 miles" });
    expect(result.items.map((i) => i.npi)).toEqual([HCPS.bostonCardiologist.npi, HCPS.cambridgeSmyth.npi]);
    expect(result.items[1]!.explanation).toMatch(/\b2 mi\b/);
    const wider = await npis({ specialty: ["heart doctor"], near: { zip: "02115" }, radiusMiles: 80 });
    expect(wider).toContain(HCPS.springfieldCardiologist.npi);
    expect(wider).not.toContain(HCPS.nyCardiologist.npi);
  });
  it("city and state filters", async () => {
    expect(new Set(await npis({ city: "boston" }))).toEqual(
      new Set(
        [HCPS.bostonCardiologist, HCPS.bostonDermatologist, HCPS.bostonSmithers, HCPS.bostonInternist].map(
          (h) => h.npi,
        ),
      ),
    );
    expect(await npis({ state: "NY" })).toEqual([HCPS.nyCardiologist.npi]);
    await expect(search({ near: { zip: "99999" } })).rejects.toThrow(/not a US ZIP code we know/);
  });
});

describe("prescribing and payments", () => {
  it("writes a drug (latest year only), by brand or generic, with a minimum of claims", async () => {
    expect(await npis({ text: "writes eliquis" })).toEqual([HCPS.bostonCardiologist.npi, HCPS.nyCardiologist.npi]);
    expect(await npis({ drug: "apixaban", minClaims: 100 })).toEqual([HCPS.bostonCardiologist.npi]);
    await expect(search({ drug: "Nonexistamab" })).rejects.toThrow(/No Part D drug/);
  });
  it("any drug of a market, highest volume first", async () => {
    const result = await search({ marketId: ctx.world.marketId });
    expect(result.items.map((i) => i.npi)).toEqual([
      HCPS.bostonCardiologist.npi,
      HCPS.cambridgeSmyth.npi,
      HCPS.nyCardiologist.npi,
    ]);
    expect(result.items[0]!.explanation).toContain("452 Anticoagulants claims");
  });
  it("received payments from a manufacturer", async () => {
    expect(new Set(await npis({ text: "paid by pfizer" }))).toEqual(
      new Set([HCPS.bostonDermatologist.npi, HCPS.nyCardiologist.npi]),
    );
    const result = await search({ manufacturer: "bristol" });
    expect(result.items.map((i) => i.npi)).toEqual([HCPS.nyCardiologist.npi]);
    expect(result.items[0]!.explanation).toContain("$80 from Bristol-Myers Squibb Company");
  });
});

describe("scope, paging and counts", () => {
  it("everyone searches all public HCPs; “mine” narrows to the viewer's territories and results carry the flag", async () => {
    expect((await search({ text: "smith" }, "bostonRep")).total).toBe((await search({ text: "smith" }, "admin")).total);
    const mine = await search({ text: "smith", mine: true }, "bostonRep");
    expect(new Set(mine.items.map((i) => i.npi))).toEqual(
      new Set([HCPS.bostonCardiologist.npi, HCPS.bostonInternist.npi]),
    );
    expect(mine.items.every((i) => i.inMyTerritories)).toBe(true);
    const all = await search({ text: "smith" }, "bostonRep");
    expect(all.items.find((i) => i.npi === HCPS.nyCardiologist.npi)!.inMyTerritories).toBe(false);
  });
  it("another org's markets are not usable", async () => {
    await expect(search({ marketId: ctx.world.marketId }, "otherOrgAdmin")).rejects.toThrow(
      /not one of your organisation's markets/,
    );
  });
  it("cursor pages walk the whole ranked list once, in order", async () => {
    const whole = await npis({ text: "smith", limit: 50 });
    expect(await walk({ text: "smith", limit: 2 })).toEqual(whole);
  });
  it("without criteria, results are in name order and pages by name", async () => {
    const first = await search({ limit: 3 });
    expect(first.ranked).toBe(false);
    expect(first.total).toBe(9);
    const second = await search({ limit: 3, cursor: first.nextCursor! });
    const names = [...first.items, ...second.items].map((i) => `${i.lastName} ${i.firstName}`);
    expect(names).toEqual([...names].sort());
    expect(second.total).toBeNull();
  });
  it("a broken cursor is a clear error", async () => {
    await expect(search({ text: "smith", cursor: "nonsense" })).rejects.toThrow(/no longer valid/);
  });
});

describe("semantic text", () => {
  it("without an embedder, long free text is reported as not matched by meaning", async () => {
    const result = await search({ semantic: "treats atrial fibrillation in older patients" });
    expect(result.notices[0]).toMatch(/No embedding model is configured/);
  });
});

describe("“in my territory” typed in the box", () => {
  it("narrows to the viewer's territories like the toggle, and says so", async () => {
    const typed = await search({ text: "writes eliquis in my territory" }, "bostonRep");
    const toggled = await search({ text: "writes eliquis", mine: true }, "bostonRep");
    expect(typed.items.map((i) => i.npi)).toEqual(toggled.items.map((i) => i.npi));
    expect(typed.items.map((i) => i.npi)).toEqual([HCPS.bostonCardiologist.npi]);
    expect(typed.understood.map((u) => u.label)).toContain("your territories");
  });
});

describe("a specialty alone, matching more HCPs than the ranked window", () => {
  // 1,100 more cardiologists; the one writing most of the org's market has the highest NPI, so it is not among the
  // first thousand matches in NPI order.
  const extra = Array.from({ length: 1_100 }, (_, i) => `18000${String(i).padStart(5, "0")}`);
  const topWriter = extra.at(-1)!;
  beforeAll(async () => {
    const { db } = ctx.database;
    await db.insert(hcp).values(
      extra.map((npi) => ({
        npi,
        entityType: 1,
        firstName: "ALEX",
        lastName: `CARDIO${npi.slice(-4)}`,
        primaryTaxonomyCode: TAXONOMY.cardiology.code,
        practiceZip5: "02115",
      })),
    );
    await db
      .insert(partDPrescribing)
      .values({ npi: topWriter, year: 2023, brandName: "Xarelto", genericName: "Rivaroxaban", totalClaims: 5_000 });
    await refreshRankedTotals(db, "all");
  });
  afterAll(async () => {
    const { db } = ctx.database;
    await db.delete(partDPrescribing).where(inArray(partDPrescribing.npi, extra));
    await db.delete(hcp).where(inArray(hcp.npi, extra));
    await refreshRankedTotals(db, "all");
  });

  it("ranks every match by prescribing in the org's markets, writers first, and counts up to the window", async () => {
    const result = await search({ text: "heart doctor", limit: 5 });
    expect(result.items.map((i) => i.npi)).toEqual([
      topWriter,
      HCPS.bostonCardiologist.npi,
      HCPS.cambridgeSmyth.npi,
      HCPS.nyCardiologist.npi,
      HCPS.chicagoCardiologist.npi,
    ]);
    expect(result.items[0]!.explanation).toContain("5,000");
    expect(result).toMatchObject({ total: 1_000, totalIsLowerBound: true });
  });

  it("pages through the window in the same order, once", async () => {
    const walked = await walk({ text: "heart doctor", limit: 100 });
    expect(walked).toHaveLength(1_000);
    expect(new Set(walked).size).toBe(1_000);
    expect(walked.slice(0, 3)).toEqual([topWriter, HCPS.bostonCardiologist.npi, HCPS.cambridgeSmyth.npi]);
  });
});
