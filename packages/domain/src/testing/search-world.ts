// A deliberate search fixture: Smiths and Smyths in several specialties and cities, one Boston cardiologist who
// must come first for "dr smth cardiology boston", Part D rows for two drugs of a market, Open Payments rows,
// and one territory (Boston's 02115) for scope.
import { afterAll, beforeAll } from "vitest";

import {
  hcp,
  market,
  marketDrug,
  openPayment,
  org,
  partDPrescribing,
  refreshRankedTotals,
  region,
  taxonomy,
  territory,
  territoryZip,
  zipCentroid,
  type Database,
  type Db,
} from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";

import type { Scope } from "../scope";

export const TAXONOMY = {
  cardiology: {
    code: "207RC0000X",
    grouping: "Allopathic & Osteopathic Physicians",
    classification: "Internal Medicine",
    specialization: "Cardiovascular Disease",
    displayName: "Cardiovascular Disease Physician",
  },
  interventional: {
    code: "207RI0011X",
    grouping: "Allopathic & Osteopathic Physicians",
    classification: "Internal Medicine",
    specialization: "Interventional Cardiology",
    displayName: "Interventional Cardiology Physician",
  },
  internal: {
    code: "207R00000X",
    grouping: "Allopathic & Osteopathic Physicians",
    classification: "Internal Medicine",
    specialization: null,
    displayName: "Internal Medicine Physician",
  },
  dermatology: {
    code: "207N00000X",
    grouping: "Allopathic & Osteopathic Physicians",
    classification: "Dermatology",
    specialization: null,
    displayName: "Dermatology Physician",
  },
  mohs: {
    code: "207ND0101X",
    grouping: "Allopathic & Osteopathic Physicians",
    classification: "Dermatology",
    specialization: "MOHS-Micrographic Surgery",
    displayName: "MOHS-Micrographic Surgery (Dermatology) Physician",
  },
  family: {
    code: "207Q00000X",
    grouping: "Allopathic & Osteopathic Physicians",
    classification: "Family Medicine",
    specialization: null,
    displayName: "Family Medicine Physician",
  },
} as const;

export const ZIPS = [
  { zip: "02115", lat: 42.3426, lng: -71.0923, city: "Boston", state: "MA" },
  { zip: "02116", lat: 42.3495, lng: -71.0765, city: "Boston", state: "MA" },
  { zip: "02139", lat: 42.3647, lng: -71.1042, city: "Cambridge", state: "MA" },
  { zip: "01608", lat: 42.2626, lng: -71.8023, city: "Worcester", state: "MA" },
  { zip: "10001", lat: 40.7506, lng: -73.9972, city: "New York", state: "NY" },
  { zip: "60601", lat: 41.8858, lng: -87.6181, city: "Chicago", state: "IL" },
  { zip: "01103", lat: 42.1029, lng: -72.5887, city: "Springfield", state: "MA" },
];

const person = (npi: string, firstName: string, lastName: string, taxonomyCode: string, zip: string) => {
  const place = ZIPS.find((z) => z.zip === zip)!;
  return {
    npi,
    entityType: 1,
    firstName,
    lastName,
    credential: "MD",
    primaryTaxonomyCode: taxonomyCode,
    practiceCity: place.city.toUpperCase(),
    practiceState: place.state,
    practiceZip5: zip,
    lat: place.lat,
    lng: place.lng,
  };
};

export const HCPS = {
  bostonCardiologist: person("1000000011", "JOHN", "SMITH", TAXONOMY.cardiology.code, "02115"),
  bostonDermatologist: person("1000000012", "JANE", "SMITH", TAXONOMY.dermatology.code, "02116"),
  nyCardiologist: person("1000000013", "ROBERT", "SMITH", TAXONOMY.cardiology.code, "10001"),
  cambridgeSmyth: person("1000000014", "ALAN", "SMYTH", TAXONOMY.interventional.code, "02139"),
  bostonSmithers: person("1000000015", "MARY", "SMITHERS", TAXONOMY.family.code, "02116"),
  chicagoCardiologist: person("1000000016", "PETER", "SCHMIDT", TAXONOMY.cardiology.code, "60601"),
  worcesterMohs: person("1000000017", "LINDA", "JONES", TAXONOMY.mohs.code, "01608"),
  bostonInternist: person("1000000018", "KAREN", "SMITH", TAXONOMY.internal.code, "02115"),
  springfieldCardiologist: person("1000000019", "OMAR", "SMITH", TAXONOMY.cardiology.code, "01103"),
} as const;

export interface SearchWorld {
  scopes: { admin: Scope; bostonRep: Scope; otherOrgAdmin: Scope };
  marketId: string;
}

export async function buildSearchWorld(db: Db): Promise<SearchWorld> {
  await db.insert(taxonomy).values(Object.values(TAXONOMY).map((t) => ({ ...t })));
  await db.insert(zipCentroid).values(ZIPS);
  await db.insert(hcp).values([
    ...Object.values(HCPS),
    // Deactivated: never found.
    { ...person("1000000020", "JOHN", "SMITH", TAXONOMY.cardiology.code, "02115"), deactivationDate: "2020-01-01" },
  ]);
  const rx = (npi: string, brandName: string, genericName: string, totalClaims: number, year = 2023) => ({
    npi,
    year,
    brandName,
    genericName,
    totalClaims,
  });
  await db
    .insert(partDPrescribing)
    .values([
      rx(HCPS.bostonCardiologist.npi, "Eliquis", "Apixaban", 412),
      rx(HCPS.bostonCardiologist.npi, "Xarelto", "Rivaroxaban", 40),
      rx(HCPS.nyCardiologist.npi, "Eliquis", "Apixaban", 30),
      rx(HCPS.cambridgeSmyth.npi, "Xarelto", "Rivaroxaban", 220),
      rx(HCPS.chicagoCardiologist.npi, "Eliquis", "Apixaban", 900, 2022),
      rx(HCPS.springfieldCardiologist.npi, "Lipitor", "Atorvastatin Calcium", 75),
    ]);
  const payment = (recordId: number, npi: string, manufacturerName: string, amountUsd: string) => ({
    recordId,
    programYear: 2023,
    recipientType: "Covered Recipient Physician",
    npi,
    manufacturerId: manufacturerName.slice(0, 6),
    manufacturerName,
    amountUsd,
    paymentDate: "2023-05-01",
    nature: "Food and Beverage",
  });
  await db
    .insert(openPayment)
    .values([
      payment(1, HCPS.bostonDermatologist.npi, "Pfizer Inc.", "120.50"),
      payment(2, HCPS.nyCardiologist.npi, "Bristol-Myers Squibb Company", "80.00"),
      payment(3, HCPS.nyCardiologist.npi, "Pfizer Inc.", "15.00"),
    ]);
  // As the ingestion pipelines do when a run completes.
  await refreshRankedTotals(db, "prescribing");
  await refreshRankedTotals(db, "payments");
  const [orgA, orgB] = await db
    .insert(org)
    .values([
      { name: "Search Org", slug: "search-org" },
      { name: "Other Org", slug: "other-org" },
    ])
    .returning();
  const [east] = await db.insert(region).values({ orgId: orgA!.id, name: "East" }).returning();
  const [boston] = await db
    .insert(territory)
    .values({ orgId: orgA!.id, regionId: east!.id, code: "BOS", name: "Boston" })
    .returning();
  await db.insert(territoryZip).values({ orgId: orgA!.id, territoryId: boston!.id, zip5: "02115" });
  const [anticoagulants] = await db.insert(market).values({ orgId: orgA!.id, name: "Anticoagulants" }).returning();
  await db.insert(marketDrug).values([
    { orgId: orgA!.id, marketId: anticoagulants!.id, brandName: "Eliquis", genericName: "Apixaban", isOwn: true },
    { orgId: orgA!.id, marketId: anticoagulants!.id, brandName: "Xarelto", genericName: "Rivaroxaban" },
  ]);
  const scope = (orgId: string, role: Scope["role"], territoryIds: string[] | null): Scope => ({
    orgId,
    userId: "00000000-0000-0000-0000-000000000000",
    role,
    territoryIds,
  });
  return {
    scopes: {
      admin: scope(orgA!.id, "admin", null),
      bostonRep: scope(orgA!.id, "rep", [boston!.id]),
      otherOrgAdmin: scope(orgB!.id, "admin", null),
    },
    marketId: anticoagulants!.id,
  };
}

/** Per test file: a fresh database holding the search world, opened before the tests and closed after. */
export function useSearchWorld(): { readonly database: Database; readonly world: SearchWorld } {
  const state = {} as { database: Database; world: SearchWorld };
  beforeAll(async () => {
    state.database = await createTestDatabase();
    state.world = await buildSearchWorld(state.database.db);
  });
  afterAll(() => state.database.close());
  return state;
}
