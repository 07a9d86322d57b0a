// The HCP 360 reference sections on a hand-checked fixture: prescribing and market share, payments,
// locations, affiliations and sources.
import { describe, expect, it } from "vitest";

import { BARE_NPI, NPI, useHcp360World } from "../testing/hcp-360-world";
import { hcpAffiliations } from "./affiliations";
import { practiceLocations } from "./locations";
import { hcpPayments } from "./payments";
import { hcpPrescribing } from "./prescribing";
import { hcpSources } from "./sources";

const world = useHcp360World();

const hcpRow = async (npi: string) =>
  (await world.database.db.query.hcp.findFirst({ where: (h, { eq }) => eq(h.npi, npi) }))!;

describe("prescribing", () => {
  it("keeps suppressed beneficiary cells unknown and leaves them out of the yearly sums", async () => {
    const p = await hcpPrescribing(world.database.db, world.viewers.repIn.orgId, NPI);
    expect(p.years).toEqual([2021, 2022, 2023]);
    expect(p.byYear).toEqual([
      { year: 2021, claims: 220, drugCost: 3350.64, beneficiaries: 57, suppressedBeneficiaryCells: 1 },
      { year: 2022, claims: 200, drugCost: 3840, beneficiaries: 45, suppressedBeneficiaryCells: 1 },
      { year: 2023, claims: 150, drugCost: 4345, beneficiaries: 45, suppressedBeneficiaryCells: 1 },
    ]);
    const xarelto2021 = p.rows.find((r) => r.year === 2021 && r.brandName === "XARELTO")!;
    expect(xarelto2021).toMatchObject({
      claims: 60,
      beneficiaries: null,
      ge65Claims: null,
      ge65Suppression: "#",
      isOwn: false,
      markets: ["Anticoagulants"],
    });
    expect(p.rows.find((r) => r.year === 2021 && r.brandName === "ELIQUIS")).toMatchObject({
      ge65Suppression: "*",
      isOwn: true,
      fills30Day: 60,
      drugCost: 1000.1,
    });
    expect(p.rows.find((r) => r.year === 2021 && r.brandName === "WARFARIN SODIUM")).toMatchObject({
      ge65Claims: 70,
      ge65Suppression: null,
    });
    expect(p.rows.find((r) => r.brandName === "LIPITOR")).toMatchObject({ markets: [], isOwn: false });
    // Another prescriber's rows never leak in.
    expect(p.rows).toHaveLength(10);
  });

  it("computes the org's market claims, own share and year-over-year trend", async () => {
    const [anticoagulants] = (await hcpPrescribing(world.database.db, world.viewers.repIn.orgId, NPI)).markets;
    expect(anticoagulants!.name).toBe("Anticoagulants");
    expect(anticoagulants!.drugs.filter((d) => d.isOwn).map((d) => d.brandName)).toEqual(["ELIQUIS"]);
    expect(anticoagulants!.years).toEqual([
      {
        year: 2021,
        marketClaims: 200,
        ownClaims: 40,
        share: 0.2,
        marketClaimsChange: null,
        ownClaimsChange: null,
        shareChangePoints: null,
      },
      {
        year: 2022,
        marketClaims: 200,
        ownClaims: 60,
        share: 0.3,
        marketClaimsChange: 0,
        ownClaimsChange: 0.5,
        shareChangePoints: expect.closeTo(10, 9),
      },
      {
        year: 2023,
        marketClaims: 150,
        ownClaims: 90,
        share: 0.6,
        marketClaimsChange: -0.25,
        ownClaimsChange: 0.5,
        shareChangePoints: expect.closeTo(30, 9),
      },
    ]);
  });

  it("uses the viewer's own org's market definitions", async () => {
    const markets = (await hcpPrescribing(world.database.db, world.viewers.repB.orgId, NPI)).markets;
    expect(markets.map((m) => m.name)).toEqual(["Blood thinners"]);
    expect(markets[0]!.years.map((y) => [y.year, y.marketClaims, y.ownClaims])).toEqual([
      [2021, 100, 60],
      [2022, 120, 60],
      [2023, 135, 45],
    ]);
    const rows = (await hcpPrescribing(world.database.db, world.viewers.repB.orgId, NPI)).rows;
    expect(rows.find((r) => r.brandName === "ELIQUIS")!.isOwn).toBe(false);
  });

  it("is empty for an HCP without Part D rows", async () => {
    const p = await hcpPrescribing(world.database.db, world.viewers.repIn.orgId, BARE_NPI);
    expect(p).toMatchObject({ years: [], rows: [], byYear: [] });
    expect(p.markets[0]!.years).toEqual([]);
  });
});

describe("payments", () => {
  it("totals by year, manufacturer and nature, to the cent", async () => {
    const p = await hcpPayments(world.database.db, NPI);
    expect(p.total).toEqual({ amount: 1975.5, records: 5 });
    expect(p.byYear).toEqual([
      { year: 2022, amount: 1525.5, records: 2 },
      { year: 2023, amount: 450, records: 3 },
    ]);
    expect(p.byManufacturer).toEqual([
      { manufacturer: "Pfizer Inc.", amount: 1545.25, records: 3 },
      { manufacturer: "Bristol-Myers Squibb Company", amount: 430.25, records: 2 },
    ]);
    expect(p.byNature).toEqual([
      { nature: "Consulting Fee", amount: 1500, records: 1 },
      { nature: "Travel and Lodging", amount: 400, records: 1 },
      { nature: "Food and Beverage", amount: 75.5, records: 3 },
    ]);
    expect(p.byYearAndManufacturer).toEqual([
      { year: 2022, manufacturer: "Pfizer Inc.", amount: 1525.5 },
      { year: 2023, manufacturer: "Bristol-Myers Squibb Company", amount: 430.25 },
      { year: 2023, manufacturer: "Pfizer Inc.", amount: 19.75 },
    ]);
    expect(p.byYearAndNature).toEqual([
      { year: 2022, nature: "Consulting Fee", amount: 1500 },
      { year: 2022, nature: "Food and Beverage", amount: 25.5 },
      { year: 2023, nature: "Food and Beverage", amount: 50 },
      { year: 2023, nature: "Travel and Lodging", amount: 400 },
    ]);
  });

  it("lists the largest payments first, with products and disputes", async () => {
    const { largest } = await hcpPayments(world.database.db, NPI);
    expect(largest.map((p) => p.amount)).toEqual([1500, 400, 30.25, 25.5, 19.75]);
    expect(largest[0]).toMatchObject({
      recordId: 2,
      manufacturer: "Pfizer Inc.",
      nature: "Consulting Fee",
      products: ["Eliquis"],
      disputed: false,
    });
    expect(largest[1]).toMatchObject({ recordId: 5, disputed: true });
  });

  it("is zero, not missing, for an HCP without payments", async () => {
    const p = await hcpPayments(world.database.db, BARE_NPI);
    expect(p).toEqual({
      total: { amount: 0, records: 0 },
      byYear: [],
      byManufacturer: [],
      byNature: [],
      byYearAndManufacturer: [],
      byYearAndNature: [],
      largest: [],
    });
  });
});

describe("locations", () => {
  it("places the practice address and secondary locations by ZIP centroid, keeping the unplaceable ones", async () => {
    const locations = await practiceLocations(world.database.db, await hcpRow(NPI));
    expect(locations.map((l) => [l.kind, l.line1, l.zip5, l.point])).toEqual([
      ["primary", "100 Main St.", "02115", { lat: 42.3429, lng: -71.0995 }],
      ["secondary", "5 NOWHERE RD", "99999", null],
      ["secondary", "1 CHANGAN AVE", null, null],
      ["secondary", "200 OAK AVE", "10001", { lat: 40.7506, lng: -73.9972 }],
    ]);
    expect(locations[2]!.countryCode).toBe("CN");
  });

  it("has just the practice address when NPPES lists no others", async () => {
    const locations = await practiceLocations(world.database.db, await hcpRow(BARE_NPI));
    expect(locations).toHaveLength(1);
    expect(locations[0]).toMatchObject({ kind: "primary", zip5: "60601", point: null });
  });
});

describe("affiliations", () => {
  it("derives HCOs at the same practice address and endpoint affiliations, saying how each was found", async () => {
    const affiliations = await hcpAffiliations(world.database.db, await hcpRow(NPI));
    expect(affiliations.map((a) => [a.name, a.hcoNpi, a.bases, a.endpointTypes])).toEqual([
      ["BOSTON HEART CLINIC", "3000000001", ["same_practice_address", "endpoint"], ["Direct Messaging Address"]],
      ["CITY LAB NETWORK", null, ["endpoint"], ["FHIR URL"]],
      ["OAK AVENUE MEDICAL", "3000000002", ["same_practice_address"], []],
    ]);
  });

  it("finds none when nothing matches", async () => {
    expect(await hcpAffiliations(world.database.db, await hcpRow(BARE_NPI))).toEqual([]);
  });
});

describe("sources", () => {
  it("gives each dataset's latest successful run, and every year's for yearly datasets", async () => {
    const sources = await hcpSources(world.database.db);
    expect(sources.nppes.map((r) => r.release)).toEqual(["2025-11"]);
    expect(sources.part_d.map((r) => r.release)).toEqual(["DY2023", "DY2022 rev", "DY2021"]);
    expect(sources.open_payments).toEqual([
      {
        release: "PY2023",
        sourceFile: "open_payments-PY2023.csv",
        dataYear: 2023,
        loadedAt: new Date(Date.UTC(2026, 0, 1, 0, 8)),
        isDemo: true,
      },
    ]);
    expect(sources.zip_centroids.map((r) => r.release)).toEqual(["GeoNames 2025"]);
    expect(sources.nppes_practice_location).toEqual([]);
    expect(sources.nppes_endpoint).toEqual([]);
  });
});
