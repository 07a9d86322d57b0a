// The NPPES main file from the real samples: the 2025 file (pandas-reserialised: floats, lost ZIP zeros,
// deactivated stubs) and the 2017 file (no header row, "Provider Gender Code"), whose 10 NPIs are also in 2025.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Database } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";

import { IngestionError } from "../errors";
import { listRuns, runIngestion, type IngestionRun } from "../index";
import { count, NPPES_2017, NPPES_2017_HEADER, NPPES_2025, NUCC_251, query, ZIP_CENTROIDS } from "../testing/samples";

let database: Database;
let taxonomy: IngestionRun;
let zips: IngestionRun;
let first2017: IngestionRun;
let then2025: IngestionRun;

const NPIS_2017 = [
  "1679576722",
  "1588667638",
  "1497758544",
  "1306849450",
  "1215930367",
  "1023011178",
  "1932102084",
  "1841293990",
  "1750384806",
  "1669475711",
];

beforeAll(async () => {
  database = await createTestDatabase();
  taxonomy = await runIngestion(database.db, { dataset: "nucc_taxonomy", file: NUCC_251 });
  zips = await runIngestion(database.db, { dataset: "zip_centroids", file: ZIP_CENTROIDS });
  first2017 = await runIngestion(database.db, { dataset: "nppes", file: NPPES_2017, headerFile: NPPES_2017_HEADER });
  then2025 = await runIngestion(database.db, { dataset: "nppes", file: NPPES_2025 });
});
afterAll(() => database?.close());

describe("reference data", () => {
  it("loads every NUCC code and ZIP centroid", async () => {
    expect(taxonomy).toMatchObject({
      status: "succeeded",
      layout: "nucc-csv",
      release: "NUCC v25.1",
      rowsRead: 883,
      rowsLoaded: 883,
      rowsQuarantined: 0,
    });
    expect(taxonomy.details.unknownColumns).toEqual([]);
    expect(zips).toMatchObject({ status: "succeeded", rowsRead: 42_049, rowsLoaded: 42_049, rowsQuarantined: 0 });
    const [holtsville] = await query<{ zip: string; state: string }>(
      database.db,
      sql`select zip, state from zip_centroid where zip = '00501'`,
    );
    expect(holtsville).toEqual({ zip: "00501", state: "NY" });
  });
});

describe("the 2025 NPPES file", () => {
  it("yields 733 individuals, 188 organisations and 79 deactivated NPIs", async () => {
    expect(then2025).toMatchObject({
      status: "succeeded",
      layout: "nppes-v1-2025",
      rowsRead: 1000,
      rowsQuarantined: 0,
    });
    expect(then2025.details.kinds).toEqual({ individual: 733, organization: 188, deactivated: 79 });
    expect(then2025.details.unknownColumns).toEqual([]);
    expect(await count(database.db, "hco")).toBe(188);
    // The 2025 individuals plus the 2017 individual the 2025 file deactivated: a stub adds the date and keeps the
    // data an earlier file gave, so that NPI is not among the 79 typeless stubs but 78 are.
    expect(await count(database.db, "hcp", sql`entity_type = 1`)).toBe(733 + 1);
    expect(await count(database.db, "hcp", sql`entity_type is null`)).toBe(78);
    expect(await count(database.db, "hcp", sql`deactivation_date is not null and reactivation_date is null`)).toBe(79);
  });

  it("maps floats, lost ZIP zeros, ZIP+4, phones and taxonomy slots", async () => {
    type Row = {
      npi: string;
      practice_postal_code: string;
      practice_zip5: string;
      practice_phone: string;
      sex: string;
      primary_taxonomy_code: string;
      lat: number | null;
    };
    const rows = await query<Row>(
      database.db,
      sql`select npi, practice_postal_code, practice_zip5, practice_phone, sex, primary_taxonomy_code, lat from hcp
        where npi in ('1588667638', '1699778621', '1780687962', '1326041500', '1477556421') order by npi`,
    );
    expect(rows.map((r) => [r.npi, r.practice_postal_code, r.practice_zip5])).toEqual([
      ["1326041500", "009695639", "00969"],
      ["1477556421", "080511606", "08051"],
      ["1588667638", "322044736", "32204"],
      ["1699778621", "03904", "03904"],
      ["1780687962", "00603", "00603"],
    ]);
    const pilcher = rows.find((r) => r.npi === "1588667638")!;
    expect(pilcher).toMatchObject({ practice_phone: "9043881820", sex: "M", primary_taxonomy_code: "207RC0000X" });
    expect(pilcher.lat).toBeCloseTo(30.3, 0);
    const slots = await query<{ slot: number; is_primary: boolean }>(
      database.db,
      sql`select slot, is_primary from hcp_taxonomy where npi = '1588667638' order by slot`,
    );
    expect(slots).toEqual([
      { slot: 1, is_primary: true },
      { slot: 2, is_primary: false },
    ]);
    // 998 slots from the 733 individuals of 2025, plus the one the deactivated 2017 individual keeps.
    expect(await count(database.db, "hcp_taxonomy")).toBe(999);
  });

  it("keeps names as filed and reads <UNAVAIL> as unknown", async () => {
    const [hospital] = await query<{ name: string; other_name: string | null; authorized_official: string }>(
      database.db,
      sql`select name, other_name, authorized_official from hco where npi = '1497758544'`,
    );
    expect(hospital).toEqual({
      name: "CUMBERLAND COUNTY HOSPITAL SYSTEM, INC",
      other_name: null,
      authorized_official: "MICHAEL NAGOWSKI, CEO",
    });
  });
});

describe("2017 and 2025 rows of the same NPIs", () => {
  it("read the 2017 file through its separate header file, with the 2017 column names", () => {
    expect(first2017).toMatchObject({
      status: "succeeded",
      layout: "nppes-v1-2017",
      release: "2017-08-13",
      rowsRead: 10,
      rowsLoaded: 10,
    });
    expect(first2017.details).toMatchObject({
      headerFile: "npidata_20050523-20170813FileHeader.csv",
      kinds: { individual: 8, organization: 2 },
    });
  });

  it("map to the same HCPs and HCOs: 5 changed, 5 unchanged, 990 new", async () => {
    expect(then2025).toMatchObject({ rowsLoaded: 990, rowsUpdated: 5, rowsUnchanged: 5 });
    const [both] = await query<{ n: number }>(
      database.db,
      sql`select (select count(*) from hcp where npi in ${NPIS_2017}) + (select count(*) from hco where npi in ${NPIS_2017}) as n`,
    );
    expect(Number(both!.n)).toBe(10);
    // "Provider Gender Code" (2017) and "Provider Sex Code" (2025) land in the same column.
    const [wiebe] = await query<{ sex: string; last_name: string }>(
      database.db,
      sql`select sex, last_name from hcp where npi = '1679576722'`,
    );
    expect(wiebe).toEqual({ sex: "M", last_name: "WIEBE" });
    // Moved practice between 2017 and 2025.
    const [sung] = await query<{ practice_city: string; practice_zip5: string }>(
      database.db,
      sql`select practice_city, practice_zip5 from hcp where npi = '1669475711'`,
    );
    expect(sung).toEqual({ practice_city: "FULSHEAR", practice_zip5: "77441" });
    // Deactivated by 2025: the stub adds the date and keeps who it was.
    const [smitson] = await query<{ entity_type: number; last_name: string; deactivation_date: string }>(
      database.db,
      sql`select entity_type, last_name, deactivation_date::text from hcp where npi = '1306849450'`,
    );
    expect(smitson).toEqual({ entity_type: 1, last_name: "SMITSON", deactivation_date: "2021-03-03" });
  });

  it("follow the primary taxonomy switch when it moves to another slot", async () => {
    const slots = await query<{ slot: number; license_state: string; is_primary: boolean }>(
      database.db,
      sql`select slot, license_state, is_primary from hcp_taxonomy where npi = '1932102084' order by slot`,
    );
    expect(slots).toEqual([
      { slot: 1, license_state: "MI", is_primary: false },
      { slot: 2, license_state: "OH", is_primary: true },
    ]);
  });
});

describe("a headerless file without its header file", () => {
  it("fails up front, saying what to do, and records the failed run", async () => {
    const error = await runIngestion(database.db, { dataset: "nppes", file: NPPES_2017 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestionError);
    expect((error as Error).message).toMatch(/first row is not a header.*pass its header file/);
    const [failed] = (await listRuns(database.db, { dataset: "nppes" })).filter((r) => r.status === "failed");
    expect(failed).toMatchObject({ sourceFile: "npidata_20050523-20170813_subset10rows_noheader.csv", rowsRead: 0 });
    expect(failed!.error).toMatch(/not a header/);
  });
});
