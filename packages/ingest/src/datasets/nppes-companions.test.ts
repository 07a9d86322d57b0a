// The NPPES weekly companion files (untouched official files, every field quoted): secondary practice locations,
// other organisation names, endpoints.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Database } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";

import { listQuarantine, runIngestion, type IngestionRun } from "../index";
import { count, ENDPOINTS, OTHER_NAMES, PRACTICE_LOCATIONS, query } from "../testing/samples";

let database: Database;
let dir: string;
let locations: IngestionRun;
let names: IngestionRun;
let endpoints: IngestionRun;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), "nppes-companions-test-"));
  locations = await runIngestion(database.db, { dataset: "nppes_practice_location", file: PRACTICE_LOCATIONS });
  names = await runIngestion(database.db, { dataset: "nppes_other_name", file: OTHER_NAMES });
  endpoints = await runIngestion(database.db, { dataset: "nppes_endpoint", file: ENDPOINTS });
});
afterAll(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("secondary practice locations", () => {
  it("loads one row per NPI and address; repeated addresses are quarantined as duplicates", async () => {
    expect(locations).toMatchObject({
      status: "succeeded",
      release: "2025-11-09",
      rowsRead: 9528,
      rowsLoaded: 9445,
      rowsQuarantined: 83,
    });
    expect(locations.details.unknownColumns).toEqual([]);
    expect(await count(database.db, "npi_practice_location")).toBe(9445);
    const [first] = await listQuarantine(database.db, locations.id, { limit: 1 });
    expect(first).toMatchObject({
      line: 13,
      reason: "duplicate of line 12 (same NPI 1609284355 and address 201 15th Ave, Seattle, WA, 98122)",
    });
  });

  it("keeps foreign addresses as filed, with no ZIP", async () => {
    const [beijing] = await query<{ state: string; postal_code: string; zip5: string | null; country_code: string }>(
      database.db,
      sql`select state, postal_code, zip5, country_code from npi_practice_location where npi = '1861184681' and country_code = 'CN'`,
    );
    expect(beijing).toEqual({ state: "Beijing", postal_code: "100016", zip5: null, country_code: "CN" });
  });

  it("replaces the locations of each NPI a later file lists, and leaves the others alone", async () => {
    const lines = (await readFile(PRACTICE_LOCATIONS, "utf8")).split("\n");
    // Next week's file lists 1750735924 again with only one of its addresses (line 600), and one new NPI.
    const npi = "1750735924";
    const before = await count(database.db, "npi_practice_location", sql`npi = ${npi}`);
    const week2 = [
      lines[0],
      lines[599],
      '"1234567893","1 New St","","Boston","MA","02115","US","6175550100","",""',
      "",
    ].join("\n");
    const file = join(dir, "pl_pfile_20251110-20251116.csv");
    await writeFile(file, week2);
    const run = await runIngestion(database.db, { dataset: "nppes_practice_location", file });
    expect(before).toBe(43);
    expect(run).toMatchObject({ rowsRead: 2, rowsLoaded: 1, rowsUnchanged: 1, details: { tallies: { removed: 42 } } });
    expect(await count(database.db, "npi_practice_location", sql`npi = ${npi}`)).toBe(1);
    expect(await count(database.db, "npi_practice_location")).toBe(9445 - 42 + 1);
  });
});

describe("other organisation names", () => {
  it("loads every name with its type", async () => {
    expect(names).toMatchObject({ status: "succeeded", rowsRead: 2427, rowsLoaded: 2427, rowsQuarantined: 0 });
    const indigo = await query<{ name: string; type_code: string }>(
      database.db,
      sql`select name, type_code from npi_other_name where npi = '1598634107' order by name`,
    );
    expect(indigo).toEqual([
      { name: "Indigo Practice Continuing Education", type_code: "3" },
      { name: "Indigo Practice Therapy", type_code: "3" },
      { name: "Indigo Sleep & Wellness", type_code: "3" },
    ]);
  });
});

describe("endpoints", () => {
  it("loads one row per NPI, endpoint and affiliation; repeats are quarantined", async () => {
    expect(endpoints).toMatchObject({ status: "succeeded", rowsRead: 2607, rowsLoaded: 2562, rowsQuarantined: 45 });
    expect(await count(database.db, "npi_endpoint", sql`endpoint_type = 'FHIR'`)).toBeGreaterThan(0);
    const [direct] = await query<{ endpoint_type: string; affiliation: boolean; postal_code: string }>(
      database.db,
      sql`select endpoint_type, affiliation, postal_code from npi_endpoint where npi = '1295057917' and endpoint = 'dmann343056@UmassMemorial.direct-ci.com'`,
    );
    expect(direct).toEqual({ endpoint_type: "DIRECT", affiliation: false, postal_code: "016052903" });
  });
});
