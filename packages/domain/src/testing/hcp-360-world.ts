// A deliberate fixture for the HCP 360 page, with figures small enough to check by hand:
//   HCP 1111111111 practises at 100 Main St., Suite 2, Boston 02115 (territory T1 of org A; org B covers it too),
//   with secondary locations in New York (mapped), ZIP 99999 (unknown) and Beijing (foreign).
//   Part D 2021–2023 for org A's Anticoagulants market (Eliquis own, Xarelto, warfarin) plus a drug outside it;
//   one suppressed beneficiary cell a year. Open Payments from Pfizer and BMS in 2022–2023.
//   Tenant records of both orgs on the HCP; a rep of T2 (New York) is outside the HCP's territory.
import { afterAll, beforeAll } from "vitest";

import {
  appUser,
  consentRecord,
  dataSourceRun,
  hco,
  hcp,
  interaction,
  market,
  marketDrug,
  npiEndpoint,
  npiPracticeLocation,
  openPayment,
  org,
  partDPrescribing,
  region,
  task,
  territory,
  territoryAssignment,
  territoryZip,
  zipCentroid,
  type Database,
  type Db,
} from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";

import type { Viewer } from "../viewer";

export const NPI = "1111111111";
/** An HCP with no secondary locations, prescribing or payments. */
export const BARE_NPI = "2222222222";

export type FixturePerson = "repIn" | "repOut" | "adminA" | "repB";

const drug = (brandName: string, genericName = brandName) => ({ brandName, genericName });
const ELIQUIS = drug("ELIQUIS", "APIXABAN");
const XARELTO = drug("XARELTO", "RIVAROXABAN");
const WARFARIN = drug("WARFARIN SODIUM");
const LIPITOR = drug("LIPITOR", "ATORVASTATIN CALCIUM");

export async function buildHcp360World(db: Db): Promise<Record<FixturePerson, Viewer>> {
  await db.insert(zipCentroid).values([
    { zip: "02115", lat: 42.3429, lng: -71.0995, city: "Boston", state: "MA" },
    { zip: "10001", lat: 40.7506, lng: -73.9972, city: "New York", state: "NY" },
  ]);
  await db.insert(hcp).values([
    {
      npi: NPI,
      entityType: 1,
      firstName: "ADA",
      lastName: "LOVELACE",
      credential: "MD",
      practiceLine1: "100 Main St.",
      practiceLine2: "Suite 2",
      practiceCity: "BOSTON",
      practiceState: "MA",
      practicePostalCode: "021151234",
      practiceZip5: "02115",
    },
    {
      npi: BARE_NPI,
      entityType: 1,
      firstName: "BO",
      lastName: "BARE",
      practiceLine1: "1 Elm St",
      practiceCity: "CHICAGO",
      practiceState: "IL",
      practiceZip5: "60601",
    },
  ]);
  await db.insert(npiPracticeLocation).values([
    {
      npi: NPI,
      locationKey: "a".repeat(32),
      line1: "200 OAK AVE",
      city: "NEW YORK",
      state: "NY",
      postalCode: "10001",
      zip5: "10001",
      countryCode: "US",
    },
    {
      npi: NPI,
      locationKey: "b".repeat(32),
      line1: "5 NOWHERE RD",
      city: "NOWHERE",
      state: "AK",
      postalCode: "99999",
      zip5: "99999",
      countryCode: "US",
    },
    {
      npi: NPI,
      locationKey: "c".repeat(32),
      line1: "1 CHANGAN AVE",
      city: "BEIJING",
      state: "Beijing",
      postalCode: "100016",
      zip5: null,
      countryCode: "CN",
    },
  ]);
  await db.insert(hco).values([
    {
      npi: "3000000001",
      name: "BOSTON HEART CLINIC",
      practiceLine1: "100 MAIN ST STE 2",
      practiceCity: "BOSTON",
      practiceState: "MA",
      practiceZip5: "02115",
    },
    {
      npi: "3000000002",
      name: "OAK AVENUE MEDICAL",
      practiceLine1: "200 Oak Ave",
      practiceCity: "NEW YORK",
      practiceState: "NY",
      practiceZip5: "10001",
    },
    // Same street line in another ZIP, and a deactivated HCO at the HCP's address: neither is an affiliation.
    {
      npi: "3000000003",
      name: "ELSEWHERE CLINIC",
      practiceLine1: "100 MAIN ST STE 2",
      practiceCity: "WORCESTER",
      practiceState: "MA",
      practiceZip5: "01601",
    },
    {
      npi: "3000000004",
      name: "CLOSED PRACTICE",
      practiceLine1: "100 MAIN ST STE 2",
      practiceCity: "BOSTON",
      practiceState: "MA",
      practiceZip5: "02115",
      deactivationDate: "2020-01-01",
    },
  ]);
  await db.insert(npiEndpoint).values([
    {
      npi: NPI,
      endpointKey: "d".repeat(32),
      endpointType: "DIRECT",
      endpointTypeDescription: "Direct Messaging Address",
      endpoint: "ada@direct.bhc.example",
      affiliation: true,
      affiliationName: "Boston Heart Clinic",
      postalCode: "021151234",
      city: "BOSTON",
      state: "MA",
    },
    {
      npi: NPI,
      endpointKey: "e".repeat(32),
      endpointType: "FHIR",
      endpointTypeDescription: "FHIR URL",
      endpoint: "https://fhir.citylab.example",
      affiliation: true,
      affiliationName: "CITY LAB NETWORK",
      addressLine1: "9 LAB WAY",
      postalCode: "02139",
      city: "CAMBRIDGE",
      state: "MA",
    },
    {
      npi: NPI,
      endpointKey: "f".repeat(32),
      endpointType: "DIRECT",
      endpoint: "ada@personal.example",
      affiliation: false,
    },
  ]);

  const part = (
    year: number,
    d: { brandName: string; genericName: string },
    claims: number,
    beneficiaries: number | null,
    cost: string,
    ge65?: { claims?: number; flag?: "*" | "#" },
  ) => ({
    npi: NPI,
    year,
    ...d,
    totalClaims: claims,
    totalBeneficiaries: beneficiaries,
    totalDrugCost: cost,
    total30DayFills: String(claims * 1.5),
    ge65TotalClaims: ge65?.claims ?? null,
    ge65SuppressionFlag: ge65?.flag ?? null,
  });
  await db
    .insert(partDPrescribing)
    .values([
      part(2021, ELIQUIS, 40, 12, "1000.10", { flag: "*" }),
      part(2021, XARELTO, 60, null, "2000.20", { flag: "#" }),
      part(2021, WARFARIN, 100, 30, "300.33", { claims: 70 }),
      part(2021, LIPITOR, 20, 15, "50.01", { claims: 15 }),
      part(2022, ELIQUIS, 60, null, "1500.00"),
      part(2022, XARELTO, 60, 20, "2100.00"),
      part(2022, WARFARIN, 80, 25, "240.00"),
      part(2023, ELIQUIS, 90, 31, "2700.00"),
      part(2023, XARELTO, 45, 14, "1600.00"),
      part(2023, WARFARIN, 15, null, "45.00"),
      { ...part(2023, ELIQUIS, 500, 100, "9.99"), npi: "9999999999" },
    ]);

  const pay = (
    recordId: number,
    year: number,
    manufacturerName: string,
    nature: string,
    amountUsd: string,
    extra: Partial<typeof openPayment.$inferInsert> = {},
  ) => ({
    recordId,
    programYear: year,
    recipientType: "Covered Recipient Physician",
    npi: NPI,
    manufacturerId: manufacturerName.slice(0, 3),
    manufacturerName,
    nature,
    amountUsd,
    paymentDate: `${year}-03-0${(recordId % 9) + 1}`,
    ...extra,
  });
  await db
    .insert(openPayment)
    .values([
      pay(1, 2022, "Pfizer Inc.", "Food and Beverage", "25.50"),
      pay(2, 2022, "Pfizer Inc.", "Consulting Fee", "1500.00", { productNames: ["Eliquis"] }),
      pay(3, 2023, "Bristol-Myers Squibb Company", "Food and Beverage", "30.25"),
      pay(4, 2023, "Pfizer Inc.", "Food and Beverage", "19.75"),
      pay(5, 2023, "Bristol-Myers Squibb Company", "Travel and Lodging", "400.00", { disputeStatus: "Yes" }),
      { ...pay(6, 2023, "Pfizer Inc.", "Consulting Fee", "999.00"), npi: "9999999999" },
    ]);

  const finished = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
  const run = (
    dataset: (typeof dataSourceRun.$inferInsert)["dataset"],
    release: string,
    minutes: number,
    extra: Partial<typeof dataSourceRun.$inferInsert> = {},
  ) => ({
    dataset,
    release,
    sourceFile: `${dataset}-${release}.csv`,
    checksum: `${dataset}-${release}-${minutes}`.padEnd(64, "0"),
    status: "succeeded",
    finishedAt: finished(minutes),
    ...extra,
  });
  await db
    .insert(dataSourceRun)
    .values([
      run("nppes", "2025-10", 1),
      run("nppes", "2025-11", 2),
      run("nppes", "2025-12", 3, { status: "failed" }),
      run("part_d", "DY2021", 4, { dataYear: 2021 }),
      run("part_d", "DY2022", 5, { dataYear: 2022 }),
      run("part_d", "DY2022 rev", 6, { dataYear: 2022 }),
      run("part_d", "DY2023", 7, { dataYear: 2023 }),
      run("open_payments", "PY2023", 8, { dataYear: 2023, isDemo: true }),
      run("zip_centroids", "GeoNames 2025", 9),
    ]);

  return tenants(db);
}

async function tenants(db: Db): Promise<Record<FixturePerson, Viewer>> {
  const [orgA, orgB] = await db
    .insert(org)
    .values([
      { name: "Org A", slug: "org-a" },
      { name: "Org B", slug: "org-b" },
    ])
    .returning();
  const [regionA, regionB] = await db
    .insert(region)
    .values([
      { orgId: orgA!.id, name: "East" },
      { orgId: orgB!.id, name: "Central" },
    ])
    .returning();
  const [t1, t2, tb] = await db
    .insert(territory)
    .values([
      { orgId: orgA!.id, regionId: regionA!.id, code: "T1", name: "Boston" },
      { orgId: orgA!.id, regionId: regionA!.id, code: "T2", name: "New York" },
      { orgId: orgB!.id, regionId: regionB!.id, code: "TB", name: "Boston B" },
    ])
    .returning();
  await db.insert(territoryZip).values([
    { orgId: orgA!.id, territoryId: t1!.id, zip5: "02115" },
    { orgId: orgA!.id, territoryId: t2!.id, zip5: "10001" },
    { orgId: orgB!.id, territoryId: tb!.id, zip5: "02115" },
  ]);
  const people = [
    { key: "repIn", orgId: orgA!.id, role: "rep", territoryId: t1!.id },
    { key: "repOut", orgId: orgA!.id, role: "rep", territoryId: t2!.id },
    { key: "adminA", orgId: orgA!.id, role: "admin", territoryId: null },
    { key: "repB", orgId: orgB!.id, role: "rep", territoryId: tb!.id },
  ] as const;
  const users = await db
    .insert(appUser)
    .values(
      people.map((p) => ({ orgId: p.orgId, email: `${p.key.toLowerCase()}@test.example`, name: p.key, role: p.role })),
    )
    .returning();
  await db
    .insert(territoryAssignment)
    .values(
      people.flatMap((p, i) =>
        p.territoryId ? [{ orgId: p.orgId, userId: users[i]!.id, territoryId: p.territoryId }] : [],
      ),
    );
  const viewers = Object.fromEntries(
    people.map((p, i) => [
      p.key,
      {
        userId: users[i]!.id,
        orgId: p.orgId,
        role: p.role,
        name: p.key,
        email: users[i]!.email,
        regionId: null,
        orgName: "",
        orgIsDemo: false,
        platformOperator: false,
      },
    ]),
  ) as Record<FixturePerson, Viewer>;

  const [marketA, marketB] = await db
    .insert(market)
    .values([
      { orgId: orgA!.id, name: "Anticoagulants", therapeuticArea: "Cardiovascular" },
      { orgId: orgB!.id, name: "Blood thinners" },
    ])
    .returning();
  await db.insert(marketDrug).values([
    { orgId: orgA!.id, marketId: marketA!.id, ...ELIQUIS, isOwn: true },
    { orgId: orgA!.id, marketId: marketA!.id, ...XARELTO },
    { orgId: orgA!.id, marketId: marketA!.id, ...WARFARIN },
    // Org B competes against Eliquis: the same claims, another org's view.
    { orgId: orgB!.id, marketId: marketB!.id, ...XARELTO, isOwn: true },
    { orgId: orgB!.id, marketId: marketB!.id, ...ELIQUIS },
  ]);

  const record = (orgId: string, territoryId: string, owner: FixturePerson, label: string) => ({
    orgId,
    territoryId,
    ownerId: viewers[owner].userId,
    hcpNpi: NPI,
    label,
  });
  const records = [record(orgA!.id, t1!.id, "repIn", "A"), record(orgB!.id, tb!.id, "repB", "B")];
  await db.insert(interaction).values(
    records.map(({ label, ...r }) => ({
      ...r,
      channel: "in_person" as const,
      occurredAt: new Date("2026-10-01T10:00:00Z"),
      notes: `call ${label}`,
    })),
  );
  await db
    .insert(task)
    .values(records.map(({ label, ...r }) => ({ ...r, createdById: r.ownerId, title: `task ${label}` })));
  await db.insert(consentRecord).values(
    records.map(({ label, orgId, ownerId }) => ({
      orgId,
      hcpNpi: NPI,
      channel: "email" as const,
      status: "granted" as const,
      source: `form ${label}`,
      recordedById: ownerId,
    })),
  );
  return viewers;
}

/** Per test file: a fresh database holding this fixture, opened before the tests and closed after. */
export function useHcp360World(): { readonly database: Database; readonly viewers: Record<FixturePerson, Viewer> } {
  const state = {} as { database: Database; viewers: Record<FixturePerson, Viewer> };
  beforeAll(async () => {
    state.database = await createTestDatabase();
    state.viewers = await buildHcp360World(state.database.db);
  });
  afterAll(() => state.database.close());
  return state;
}
