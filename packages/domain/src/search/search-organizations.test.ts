import { beforeAll, describe, expect, it } from "vitest";

import { hco, taxonomy } from "@pharmacrm/db";

import { useSearchWorld } from "../testing/search-world";
import type { OrganizationSearchInput } from "./input";
import { searchOrganizations } from "./search-organizations";
import { forgetSearchVocabulary } from "./vocabulary";

const ctx = useSearchWorld();

const HOSPITAL = {
  code: "282N00000X",
  grouping: "Hospitals",
  classification: "General Acute Care Hospital",
  specialization: null,
  displayName: "General Acute Care Hospital",
};
const place = {
  "02115": { lat: 42.3426, lng: -71.0923, city: "BOSTON", state: "MA" },
  "02139": { lat: 42.3647, lng: -71.1042, city: "CAMBRIDGE", state: "MA" },
  "10001": { lat: 40.7506, lng: -73.9972, city: "NEW YORK", state: "NY" },
} as const;
const org = (
  npi: string,
  name: string,
  zip: keyof typeof place,
  code: string | null,
  deactivationDate: string | null = null,
) => ({
  npi,
  name,
  primaryTaxonomyCode: code,
  practiceCity: place[zip].city,
  practiceState: place[zip].state,
  practiceZip5: zip,
  lat: place[zip].lat,
  lng: place[zip].lng,
  deactivationDate,
});
const ORGS = {
  massGeneral: org("1900000001", "MASSACHUSETTS GENERAL HOSPITAL", "02115", HOSPITAL.code),
  brigham: org("1900000002", "BRIGHAM AND WOMEN'S HOSPITAL", "02115", HOSPITAL.code),
  cambridgeClinic: org("1900000003", "CAMBRIDGE FAMILY PRACTICE LLC", "02139", null),
  mountSinai: org("1900000004", "MOUNT SINAI HOSPITAL", "10001", HOSPITAL.code),
  closedGeneral: org("1900000005", "MASSACHUSETTS GENERAL CLINIC", "02115", HOSPITAL.code, "2020-01-01"),
};

beforeAll(async () => {
  await ctx.database.db.insert(taxonomy).values(HOSPITAL).onConflictDoNothing();
  await ctx.database.db.insert(hco).values(Object.values(ORGS));
  forgetSearchVocabulary(ctx.database.db);
});

const search = (input: OrganizationSearchInput) =>
  searchOrganizations(ctx.database.db, ctx.world.scopes.admin.orgId, input);
const npis = async (input: OrganizationSearchInput) => (await search(input)).items.map((i) => i.npi);

describe("organisation search", () => {
  it("“mass general” finds Massachusetts General Hospital by the words of its name, and never a deactivated one", async () => {
    const result = await search({ text: "mass general" });
    expect(result.items.map((i) => i.npi)).toEqual([ORGS.massGeneral.npi]);
    expect(result.items[0]).toMatchObject({
      name: "MASSACHUSETTS GENERAL HOSPITAL",
      type: "General Acute Care Hospital",
      city: "BOSTON",
    });
    expect(result.items[0]!.explanation).toContain("name ≈ “mass general”");
  });

  it("a specialty and a radius find the hospitals within reach of a ZIP, each with its distance", async () => {
    const result = await search({ text: "general acute care hospital near 02139 within 10 miles" });
    expect(result.items.map((i) => i.npi)).toEqual([ORGS.brigham.npi, ORGS.massGeneral.npi].sort());
    expect(result.items[0]!.explanation).toMatch(/matched: General Acute Care Hospital · \d+ mi/);
    expect(result.total).toBe(2);
  });

  it("a city on its own lists that city's organisations in name order", async () => {
    expect(await npis({ city: "New York" })).toEqual([ORGS.mountSinai.npi]);
    expect(await npis({ state: "MA" })).toEqual([ORGS.brigham.npi, ORGS.cambridgeClinic.npi, ORGS.massGeneral.npi]);
  });

  it("says that prescribing filters do not apply to organisations instead of silently returning nothing", async () => {
    const result = await search({ text: "hospital writes eliquis" });
    expect(result.notices[0]).toContain("not applied to organisations");
    expect(result.items.map((i) => i.npi)).toEqual(expect.arrayContaining([ORGS.massGeneral.npi, ORGS.mountSinai.npi]));
  });

  it("pages through results with a cursor, and rejects a forged one", async () => {
    const first = await search({ state: "MA", limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(3);
    const second = await search({ state: "MA", limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((i) => i.npi)).toEqual([ORGS.massGeneral.npi]);
    expect(second.nextCursor).toBeNull();
    await expect(search({ state: "MA", cursor: "bm90LWEtbnVtYmVy" })).rejects.toThrow("no longer valid");
  });
});
