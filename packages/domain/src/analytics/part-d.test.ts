// The Part D cube against hand-computed figures: the org's claims, market claims, share, writers and new writers for
// HCPs aligned to the viewer's territories; a drug in two markets counted once; by product each market its own group;
// the latest data year by default, every year for a trend, a year not loaded said so; row security for every role
// and the other org, through every dimension; and what Part D cannot be broken down by, refused in words.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { market, marketDrug, partDPrescribing, product, rowsOf } from "@pharmacrm/db";

import { scopeFor } from "../scope";
import { useAnalyticsWorld } from "../testing/analytics-world";
import { NPIS, type PersonKey } from "../testing/world";
import { DIMENSIONS, MEASURES, type DimensionName, type MeasureName } from "./model";

const { state, run, table } = useAnalyticsWorld();
const PART_D: MeasureName[] = ["PartD.claims", "PartD.marketClaims", "PartD.share", "PartD.writers"];
const alphacor = { member: "Products.name" as const, operator: "equals" as const, values: ["alphacor"] };

beforeAll(async () => {
  const { db } = state.database;
  const { viewers, products } = state.world;
  const orgA = viewers.adminA.orgId;
  const orgB = viewers.adminB.orgId;
  const [anticoag, heart, respiratory] = await db
    .insert(market)
    .values([
      { orgId: orgA, name: "Anticoagulants" },
      { orgId: orgA, name: "Heart" },
      { orgId: orgB, name: "Respiratory" },
    ])
    .returning();
  const drug = (marketId: string, orgId: string, brandName: string, isOwn = false) => ({
    orgId,
    marketId,
    brandName,
    genericName: `${brandName.toLowerCase()}-generic`,
    isOwn,
  });
  await db.insert(marketDrug).values([
    drug(anticoag!.id, orgA, "Alphacor", true),
    drug(anticoag!.id, orgA, "Compa"),
    // Alphacor sits in two markets: its claims must still count once.
    drug(heart!.id, orgA, "Alphacor", true),
    drug(heart!.id, orgA, "Deltamab", true),
    drug(heart!.id, orgA, "Heartix"),
    drug(respiratory!.id, orgB, "Betavent", true),
    drug(respiratory!.id, orgB, "Compa"),
  ]);
  await db
    .update(product)
    .set({ marketId: anticoag!.id, partDBrandName: "Alphacor" })
    .where(eq(product.id, products.A));
  await db.insert(product).values({ orgId: orgA, name: "Deltamab", marketId: heart!.id, partDBrandName: "Deltamab" });
  await db
    .update(product)
    .set({ marketId: respiratory!.id, partDBrandName: "Betavent" })
    .where(eq(product.id, products.B));
  const rx = (npi: string, year: number, brandName: string, totalClaims: number) => ({
    npi,
    year,
    brandName,
    genericName: `${brandName.toLowerCase()}-generic`,
    totalClaims,
  });
  await db.insert(partDPrescribing).values([
    rx(NPIS.E1, 2022, "Alphacor", 20),
    rx(NPIS.E1, 2023, "Alphacor", 30),
    rx(NPIS.E1, 2023, "Compa", 70),
    rx(NPIS.E1, 2023, "Heartix", 50),
    rx(NPIS.E1, 2023, "Deltamab", 15),
    rx(NPIS.E1, 2023, "Betavent", 11),
    rx(NPIS.E1, 2023, "Unlisted", 500),
    rx(NPIS.E2, 2022, "Compa", 40),
    rx(NPIS.E2, 2023, "Alphacor", 12),
    rx(NPIS.E2, 2023, "Compa", 18),
    rx(NPIS.W1, 2023, "Compa", 100),
    rx(NPIS.W1, 2023, "Deltamab", 25),
    // Practises outside every territory: never counted.
    rx(NPIS.OUT, 2023, "Alphacor", 999),
  ]);
});

describe("Part D measures against hand-computed figures", () => {
  it("counts the org's claims, its markets' claims (a drug in two markets once), share and writers, latest year", async () => {
    const result = await run("adminA", { measures: PART_D });
    // 2023: E1 own 30 + 15 of 165, E2 12 of 30, W1 25 of 125.
    expect(result.rows).toEqual([{ m0: 82, m1: 320, m2: 0.2563, m3: 3 }]);
    expect(result.range).toEqual(["2023-01-01", "2023-12-31"]);
    expect(result.source).toEqual({ title: expect.stringContaining("Medicare Part D"), period: "data year 2023" });
    expect(result.note).toBe(
      "Medicare Part D 2023, the latest data year loaded (CMS publishes it once a year, about two years behind).",
    );
    expect(result.columns.find((c) => c.key === "m2")?.format).toBe("percent");
  });

  it("by product, each product's own market; a product named, its brand against its market", async () => {
    expect(await table("adminA", { measures: PART_D, dimensions: ["Products.name"] })).toEqual([
      ["Alphacor", 42, 230, 0.1826, 2],
      ["Deltamab", 40, 132, 0.303, 2],
    ]);
    expect(await table("adminA", { measures: PART_D, filters: [alphacor] })).toEqual([[42, 230, 0.1826, 2]]);
  });

  it("ranks HCPs and territories, and breaks down by drug within the market", async () => {
    expect(
      await table("adminA", { measures: ["PartD.claims"], dimensions: ["Hcps.name"], filters: [alphacor], limit: 2 }),
    ).toEqual([
      [expect.stringContaining(`(${NPIS.E1})`), 30],
      [expect.stringContaining(`(${NPIS.E2})`), 12],
    ]);
    expect(
      await table("adminA", { measures: ["PartD.claims", "PartD.marketClaims"], dimensions: ["Territories.name"] }),
    ).toEqual([
      ["E1", 45, 165],
      ["W1", 25, 125],
      ["E2", 12, 30],
    ]);
    expect(
      await table("adminA", { measures: ["PartD.marketClaims"], dimensions: ["PartD.drug"], filters: [alphacor] }),
    ).toEqual([
      ["Compa", 188],
      ["Alphacor", 42],
    ]);
  });

  it("a trend covers every year loaded; new writers need the year before", async () => {
    const trend = { dimension: "PartD.year" as const, granularity: "year" as const };
    expect(
      await table("adminA", {
        measures: ["PartD.claims", "PartD.marketClaims", "PartD.newWriters"],
        timeDimensions: [trend],
        filters: [alphacor],
      }),
    ).toEqual([
      ["2022-01-01", 20, 60, null],
      ["2023-01-01", 42, 230, 1],
    ]);
    // Deltamab has no 2022 row at all, so its 2023 new writers cannot be told: blank, not a count of everyone.
    expect(await table("adminA", { measures: ["PartD.newWriters"] })).toEqual([[null]]);
  });

  it("puts each HCP in a decile by market volume over the org's HCPs, whatever the viewer sees", async () => {
    // 2023, the org's markets (Alphacor, Compa, Deltamab, Heartix): E2 30, W1 125, E1 165 of 320 claims. Lowest
    // first, the running share of claims: E2 ⌈10·30/320⌉ = 1, W1 ⌈10·155/320⌉ = 5, E1 10.
    const byDecile = { measures: ["PartD.marketClaims" as const], dimensions: ["PartD.decile" as const] };
    expect(await table("adminA", byDecile)).toEqual([
      ["10", 165],
      ["5", 125],
      ["1", 30],
    ]);
    // A manager sees their region's HCPs in the org's deciles: E2 stays in decile 1 though W1 is not theirs.
    expect(await table("managerEast", byDecile)).toEqual([
      ["10", 165],
      ["1", 30],
    ]);
    expect(await table("managerWest", byDecile)).toEqual([["5", 125]]);
    // Alphacor's market only (Alphacor, Compa): E2 30, E1 100, W1 100 of 230 — E2 2, E1 6, W1 10 (ties by NPI).
    // A decile alone reads from 10 down, whatever the figures.
    expect(
      await table("adminA", { measures: ["PartD.claims"], dimensions: ["PartD.decile"], filters: [alphacor] }),
    ).toEqual([
      ["10", 0],
      ["6", 30],
      ["2", 12],
    ]);
    // Writers of the org's brands in deciles 8–10: E1 only.
    expect(
      await table("adminA", {
        measures: ["PartD.writers"],
        filters: [{ member: "PartD.decile", operator: "gte", values: ["8"] }],
      }),
    ).toEqual([[1]]);
  });

  it("a year that is not loaded is said, not shown as zero claims without a word", async () => {
    const result = await run("managerEast", {
      measures: ["PartD.claims"],
      timeDimensions: [{ dimension: "PartD.year", dateRange: "last year" }],
    });
    expect(result.rows).toEqual([{ m0: 0 }]);
    expect(result.note).toBe(
      "Medicare Part D is loaded for 2022–2023; 2025 is not. CMS publishes it once a year, about two years behind.",
    );
  });

  it("refuses what Part D cannot be broken down by, and calls mixed with Part D, in words", async () => {
    await expect(run("adminA", { measures: ["PartD.claims"], dimensions: ["Reps.name"] })).rejects.toThrow(
      /Rep does not break down Part D prescribing/,
    );
    await expect(run("adminA", { measures: ["PartD.claims", "Calls.count"] })).rejects.toThrow(
      /different sources.*ask for them separately/,
    );
    await expect(
      run("adminA", {
        measures: ["PartD.claims"],
        timeDimensions: [{ dimension: "PartD.year", granularity: "month" }],
      }),
    ).rejects.toThrow(/once a year/);
  });
});

describe("Part D row security: HCPs aligned to the viewer's territories, the viewer's org's products", () => {
  it("a manager, a rep and another org's rep over the same ZIPs", async () => {
    expect(await table("managerEast", { measures: ["PartD.claims", "PartD.marketClaims"] })).toEqual([[57, 195]]);
    expect(await table("repW1", { measures: ["PartD.claims", "PartD.marketClaims"] })).toEqual([[25, 125]]);
    expect(await table("repW2", { measures: ["PartD.claims"] })).toEqual([[0]]);
    // Org B's rep covers E1's ZIP: their own product against their market, nothing of org A's.
    expect(
      await table("repB1", { measures: ["PartD.claims", "PartD.marketClaims"], dimensions: ["Products.name"] }),
    ).toEqual([["Betavent", 11, 81]]);
    const west = { member: "Regions.name" as const, operator: "equals" as const, values: ["West"] };
    expect(await table("managerEast", { measures: ["PartD.claims"], filters: [west] })).toEqual([[0]]);
  });

  const people: PersonKey[] = ["repE1", "repE2", "managerEast", "managerWest", "adminA", "repB1", "managerB", "adminB"];
  it.each(people)("%s: claims by every dimension add up to the claims they may see, and no more", async (person) => {
    const { db } = state.database;
    const viewer = state.world.viewers[person];
    const scope = await scopeFor(db, viewer);
    // Decided here independently of the compiler: HCPs practising in a ZIP of the person's territories (admins: any
    // of the org's), the org's own brands, the latest year.
    const territories = scope.territoryIds === null ? null : scope.territoryIds;
    const [expected] = rowsOf<{ claims: number | null }>(
      await db.execute(sql`select sum(pd.total_claims)::int as claims from part_d_prescribing pd
        where pd.year = 2023
          and pd.brand_name in (select part_d_brand_name from product where org_id = ${viewer.orgId}::uuid)
          and pd.npi in (select h.npi from hcp h join territory_zip tz on tz.zip5 = h.practice_zip5
            where tz.org_id = ${viewer.orgId}::uuid
              ${
                territories
                  ? territories.length
                    ? sql`and tz.territory_id in (${sql.join(
                        territories.map((t) => sql`${t}::uuid`),
                        sql`, `,
                      )})`
                    : sql`and false`
                  : sql``
              })`),
    );
    const partD = (Object.keys(DIMENSIONS) as DimensionName[]).filter((d) =>
      (DIMENSIONS[d].cubes as readonly string[]).includes("PartD"),
    );
    for (const dimension of partD) {
      const result = await run(person, {
        measures: (Object.keys(MEASURES) as MeasureName[]).filter((m) => MEASURES[m].cube === "PartD"),
        dimensions: [dimension],
        limit: 1000,
      });
      const counted = result.rows.reduce((sum, row) => sum + Number(row.m0), 0);
      expect(counted, `${person} by ${dimension}`).toBe(expected?.claims ?? 0);
    }
  });
});
