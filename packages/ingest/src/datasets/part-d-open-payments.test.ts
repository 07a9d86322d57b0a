// Part D (the dirty legacy-layout course copy, and a current Prscrbr_* file) and Open Payments (minimally and
// fully quoted) through their pipelines.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { refreshRankedTotals, type Database } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";

import { readCsv } from "../csv/read-csv";
import { IngestionError } from "../errors";
import { listQuarantine, runIngestion, type IngestionRun } from "../index";
import { OPEN_PAYMENTS_HEADER } from "../layouts/open-payments";
import { PART_D_HEADER } from "../layouts/part-d";
import { count, OPEN_PAYMENTS_2024, PART_D_DIRTY, query } from "../testing/samples";

let database: Database;
let dir: string;
let dirty: IngestionRun;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), "part-d-op-test-"));
  dirty = await runIngestion(database.db, { dataset: "part_d", file: PART_D_DIRTY });
});
afterAll(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

const quoteAll = (rows: string[][]) =>
  rows.map((row) => row.map((f) => `"${f.replace(/"/g, '""')}"`).join(",")).join("\n") + "\n";

describe("Part D, legacy column names (the dirty course copy)", () => {
  it("maps npi, drug_name, total_claim_count… and reports the extra year_exp column", () => {
    expect(dirty).toMatchObject({
      status: "succeeded",
      layout: "part-d-legacy-puf",
      dataYear: 2021,
      release: "DY2021",
    });
    expect(dirty.details.unknownColumns).toEqual(["year_exp"]);
    expect(dirty).toMatchObject({
      rowsRead: 105,
      rowsLoaded: 91,
      rowsUpdated: 0,
      rowsUnchanged: 0,
      rowsQuarantined: 14,
    });
  });

  it("quarantines the near-duplicates, blank drug names and impossible counts, with reasons", async () => {
    const rows = await listQuarantine(database.db, dirty.id);
    expect(rows.map((r) => [r.line, r.reason])).toEqual([
      [2, "total_claim_count is empty"],
      [3, "duplicate of line 2 (same NPI 1437118403 and drug METHENAMINE HIPPURATE)"],
      [10, "drug name is empty"],
      [26, "total_claim_count 3 is below 11, the fewest claims CMS publishes"],
      [28, "total_claim_count is empty"],
      [29, "duplicate of line 28 (same NPI 1063790400 and drug POTASSIUM CHLORIDE)"],
      [41, "drug name is empty; total_claim_count is empty"],
      [52, "total_claim_count is empty"],
      [53, "duplicate of line 52 (same NPI 1619300944 and drug MELOXICAM)"],
      [79, "drug name is empty"],
      [80, "total_claim_count is empty"],
      [81, "duplicate of line 80 (same NPI 1609832930 and drug CLOBETASOL PROPIONATE)"],
      [89, "duplicate of line 88 (same NPI 1255320578 and drug DICLOFENAC SODIUM)"],
      [90, "duplicate of line 88 (same NPI 1255320578 and drug DICLOFENAC SODIUM)"],
    ]);
    expect(rows[1]!.rawRow).toBe(
      '1437118403,QUINN,RACHEL,FORT ATKINSON,WI,Family Practice,S,METHENAMINE HIPPURATE,METHENAMINE HIPPURATE,"",99,13,366,1159.13,"",*,"",*,"","","",= 2.0',
    );
  });

  it("applies the duplicate rule: the first row of a key wins, so a copy never replaces a rejected row", async () => {
    // Lines 88–90 (70, 90 and no claims): the first, valid, is loaded.
    const [diclofenac] = await query<{ total_claims: number }>(
      database.db,
      sql`select total_claims from part_d_prescribing where npi = '1255320578'`,
    );
    expect(diclofenac).toEqual({ total_claims: 70 });
    // Lines 2–3: the first has no claim count, so neither is loaded.
    expect(await count(database.db, "part_d_prescribing", sql`npi = '1437118403'`)).toBe(0);
  });

  it("gives search ranked per-drug totals of active individual HCPs that add up to the rows loaded", async () => {
    const db = database.db;
    // The course copy's NPIs are not in any NPPES sample: they become active individuals here, one deactivated.
    await db.execute(
      sql`insert into hcp (npi, entity_type) select distinct npi, 1 from part_d_prescribing on conflict do nothing`,
    );
    const [gone] = await query<{ npi: string }>(db, sql`select min(npi) as npi from part_d_prescribing`);
    await db.execute(sql`update hcp set deactivation_date = '2024-01-01' where npi = ${gone!.npi}`);
    await refreshRankedTotals(db, "all");
    const mismatches = await query<{ name: string }>(
      db,
      sql`with names as (select brand_name as name from part_d_prescribing union select generic_name from part_d_prescribing)
        select n.name from names n
        where (select coalesce(sum(claims), 0) from prescriber_drug_total t where t.name = n.name)
          <> (select coalesce(sum(total_claims), 0) from part_d_prescribing p where (p.brand_name = n.name or p.generic_name = n.name) and p.npi <> ${gone!.npi})`,
    );
    expect(mismatches).toEqual([]);
    expect(await count(db, "prescriber_drug_total")).toBeGreaterThan(0);
    expect(await count(db, "prescriber_drug_total", sql`npi = ${gone!.npi}`)).toBe(0);
    await db.execute(sql`delete from hcp`);
    await refreshRankedTotals(db, "all");
  });

  it("keeps suppressed cells unknown, not zero", async () => {
    type Row = {
      total_beneficiaries: number | null;
      ge65_suppression_flag: string | null;
      ge65_total_claims: number | null;
      ge65_bene_suppression_flag: string | null;
      total_30day_fills: string;
    };
    const [clonazepam] = await query<Row>(
      database.db,
      sql`select total_beneficiaries, ge65_suppression_flag, ge65_total_claims, ge65_bene_suppression_flag, total_30day_fills::text from part_d_prescribing where npi = '1770522567'`,
    );
    expect(clonazepam).toEqual({
      total_beneficiaries: null,
      ge65_suppression_flag: "#",
      ge65_total_claims: null,
      ge65_bene_suppression_flag: "#",
      total_30day_fills: "32.0",
    });
  });
});

describe("Part D, current Prscrbr_* layout", () => {
  const row = (values: Partial<Record<(typeof PART_D_HEADER)[number], string>>) =>
    PART_D_HEADER.map((column) => values[column] ?? "");
  const base = {
    Prscrbr_NPI: "1437118403",
    Prscrbr_Type: "Family Practice",
    Prscrbr_Type_Src: "S",
    Brnd_Name: "ELIQUIS",
    Gnrc_Name: "APIXABAN",
    Tot_Clms: "24",
    Tot_Benes: "",
    GE65_Sprsn_Flag: "*",
    GE65_Bene_Sprsn_Flag: "*",
  };

  it("reads the year from the file name, floats as counts, and validates every row", async () => {
    const file = join(dir, "MUP_DPR_RY25_P04_V10_DY2023_NPIBN.csv");
    await writeFile(
      file,
      quoteAll([
        [...PART_D_HEADER],
        row({ ...base, Tot_Clms: "24.0", Tot_Drug_Cst: "1,234.50" }),
        row({ ...base, Brnd_Name: "METFORMIN HCL", Gnrc_Name: "METFORMIN HCL", Tot_Clms: "abc" }),
        row({ ...base, Prscrbr_NPI: "1437118404", Brnd_Name: "LIPITOR", Gnrc_Name: "ATORVASTATIN CALCIUM" }),
        row({ ...base, Brnd_Name: "JARDIANCE", Gnrc_Name: "EMPAGLIFLOZIN", GE65_Tot_Clms: "12" }),
        row({ ...base, Tot_Clms: "30" }),
      ]),
    );
    const run = await runIngestion(database.db, { dataset: "part_d", file });
    expect(run).toMatchObject({
      layout: "part-d-prscrbr",
      dataYear: 2023,
      rowsRead: 5,
      rowsLoaded: 1,
      rowsQuarantined: 4,
    });
    expect((await listQuarantine(database.db, run.id)).map((r) => [r.line, r.reason])).toEqual([
      [3, "Tot_Clms 'abc' is not a number"],
      [4, "Prscrbr_NPI 1437118404 fails the NPI check digit"],
      [5, "GE65_Tot_Clms has a value although GE65_Sprsn_Flag '*' suppresses it"],
      [6, "duplicate of line 2 (same NPI 1437118403 and drug ELIQUIS (APIXABAN))"],
    ]);
    const [eliquis] = await query<{ year: number; total_claims: number; total_drug_cost: string }>(
      database.db,
      sql`select year, total_claims, total_drug_cost::text from part_d_prescribing where brand_name = 'ELIQUIS'`,
    );
    expect(eliquis).toEqual({ year: 2023, total_claims: 24, total_drug_cost: "1234.50" });
  });

  it("fails up front when no data year can be found, or a required column is missing", async () => {
    const noYear = join(dir, "prescribers_by_drug.csv");
    await writeFile(noYear, quoteAll([[...PART_D_HEADER], row(base)]));
    await expect(runIngestion(database.db, { dataset: "part_d", file: noYear })).rejects.toThrow(
      /no data year.*--year 2023/,
    );
    expect(await runIngestion(database.db, { dataset: "part_d", file: noYear, year: 2022 })).toMatchObject({
      status: "succeeded",
      dataYear: 2022,
    });

    const missing = join(dir, "MUP_DPR_DY2022_missing.csv");
    const header = PART_D_HEADER.filter((c) => c !== "Tot_Clms" && c !== "Gnrc_Name");
    await writeFile(missing, `${header.join(",")}\n`);
    const error = await runIngestion(database.db, { dataset: "part_d", file: missing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestionError);
    expect((error as Error).message).toBe(
      "MUP_DPR_DY2022_missing.csv lacks required columns: Gnrc_Name (or generic_name); Tot_Clms (or total_claim_count)",
    );
  });
});

describe("Open Payments general payments", () => {
  let run: IngestionRun;
  beforeAll(async () => {
    run = await runIngestion(database.db, { dataset: "open_payments", file: OPEN_PAYMENTS_2024 });
  });

  it("loads every row with its program year from the file's content", async () => {
    expect(run).toMatchObject({
      status: "succeeded",
      layout: "op-general-covered-recipient",
      dataYear: 2024,
      release: "PY2024",
      rowsRead: 154,
      rowsLoaded: 154,
      rowsQuarantined: 0,
    });
    expect(run.details.unknownColumns).toEqual([]);
    const [sum] = await query<{ total: string }>(
      database.db,
      sql`select sum(amount_usd)::text as total from open_payment`,
    );
    expect(sum!.total).toBe("189696.82");
  });

  it("gives search per-manufacturer totals of active individual HCPs, teaching hospitals (no NPI) left out", async () => {
    const db = database.db;
    await db.execute(
      sql`insert into hcp (npi, entity_type) select distinct npi, 1 from open_payment where npi is not null on conflict do nothing`,
    );
    await refreshRankedTotals(db, "payments");
    const [ranked] = await query<{ total: string }>(
      db,
      sql`select sum(amount_usd)::numeric(14, 2)::text as total from payee_manufacturer_total`,
    );
    const [withNpi] = await query<{ total: string }>(
      db,
      sql`select sum(amount_usd)::text as total from open_payment where npi is not null`,
    );
    expect(ranked!.total).toBe(withNpi!.total);
    await db.execute(sql`delete from hcp`);
    await refreshRankedTotals(db, "all");
  });

  it("keeps teaching-hospital payments without an NPI, and reads ZIP+4 and APO/FPO addresses", async () => {
    // bigint comes back as a string from postgres.js and a number from PGlite: compare it as text.
    const hospitals = await query<{ record_id: string; teaching_hospital_ccn: string; recipient_zip5: string }>(
      database.db,
      sql`select record_id::text, teaching_hospital_ccn, recipient_zip5 from open_payment where npi is null order by record_id`,
    );
    expect(hospitals).toEqual([
      { record_id: "1069832114", teaching_hospital_ccn: "100151", recipient_zip5: "32224" },
      { record_id: "1071080756", teaching_hospital_ccn: "100271", recipient_zip5: "33612" },
      { record_id: "1071080812", teaching_hospital_ccn: "230046", recipient_zip5: "48109" },
    ]);
    const [zipPlus4] = await query<{ recipient_zip5: string; payment_date: string }>(
      database.db,
      sql`select recipient_zip5, payment_date::text from open_payment where record_id = 1071126066`,
    );
    expect(zipPlus4!.recipient_zip5).toBe("34292");
    const [fpo] = await query<{ recipient_city: string; recipient_state: string; recipient_zip5: string }>(
      database.db,
      sql`select recipient_city, recipient_state, recipient_zip5 from open_payment where record_id = 1071102687`,
    );
    expect(fpo).toEqual({ recipient_city: "FPO", recipient_state: "AP", recipient_zip5: "96379" });
  });

  it("keeps awkward text intact through staging: quotes, backslashes, tabs, newlines, array elements", async () => {
    const values: Partial<Record<(typeof OPEN_PAYMENTS_HEADER)[number], string>> = {
      Record_ID: "999000001",
      Program_Year: "2024",
      Covered_Recipient_Type: "Covered Recipient Teaching Hospital",
      Teaching_Hospital_CCN: "100151",
      Teaching_Hospital_Name: "Mayo Clinic\nFlorida",
      Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_ID: "100000010788",
      Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name: 'Acme "Pharma", Inc.',
      Total_Amount_of_Payment_USDollars: "1.5",
      Date_of_Payment: "02/29/2024",
      Nature_of_Payment_or_Transfer_of_Value: "Food\tand Beverage",
      Name_of_Drug_or_Biological_or_Device_or_Medical_Supply_1: 'Drug "A", \\ {B}',
      Name_of_Drug_or_Biological_or_Device_or_Medical_Supply_2: "NULL",
    };
    const row = OPEN_PAYMENTS_HEADER.map((c) => values[c] ?? "");
    const file = join(dir, "OP_DTL_GNRL_PGYR2024_awkward.csv");
    await writeFile(
      file,
      quoteAll([
        [...OPEN_PAYMENTS_HEADER],
        row,
        row.map((v, i) => (i === OPEN_PAYMENTS_HEADER.indexOf("Record_ID") ? "999000002" : v)),
      ]),
    );
    const run = await runIngestion(database.db, { dataset: "open_payments", file });
    expect(run).toMatchObject({ rowsLoaded: 2, rowsQuarantined: 0, lastLine: 5 });
    const [payment] = await query<{
      teaching_hospital_name: string;
      manufacturer_name: string;
      nature: string;
      product_names: string[];
      payment_date: string;
    }>(
      database.db,
      sql`select teaching_hospital_name, manufacturer_name, nature, product_names, payment_date::text from open_payment where record_id = 999000001`,
    );
    expect(payment).toEqual({
      teaching_hospital_name: "Mayo Clinic\nFlorida",
      manufacturer_name: 'Acme "Pharma", Inc.',
      nature: "Food\tand Beverage",
      product_names: ['Drug "A", \\ {B}', "NULL"],
      payment_date: "2024-02-29",
    });
  });

  it("reads the fully quoted official style alike: a re-quoted copy changes nothing", async () => {
    const text = await readFile(OPEN_PAYMENTS_2024, "utf8");
    const rows: string[][] = [];
    for await (const batch of readCsv(OPEN_PAYMENTS_2024)) rows.push(...batch.map((r) => r.fields));
    const quoted = join(dir, "OP_DTL_GNRL_PGYR2024_quoted.csv");
    await writeFile(quoted, quoteAll(rows));
    expect(quoteAll(rows)).not.toBe(text);
    const again = await runIngestion(database.db, { dataset: "open_payments", file: quoted });
    expect(again.id).not.toBe(run.id);
    expect(again).toMatchObject({
      rowsRead: 154,
      rowsLoaded: 0,
      rowsUpdated: 0,
      rowsUnchanged: 154,
      rowsQuarantined: 0,
    });

    // One corrected amount: one row updated, the rest unchanged.
    rows[1]![rows[0]!.indexOf("Total_Amount_of_Payment_USDollars")] = "84.55";
    const corrected = join(dir, "OP_DTL_GNRL_PGYR2024_corrected.csv");
    await writeFile(corrected, quoteAll(rows));
    expect(await runIngestion(database.db, { dataset: "open_payments", file: corrected })).toMatchObject({
      rowsUpdated: 1,
      rowsUnchanged: 153,
    });
    const [first] = await query<{ amount_usd: string }>(
      database.db,
      sql`select amount_usd::text from open_payment where record_id = 1067575426`,
    );
    expect(first).toEqual({ amount_usd: "84.55" });
  });
});
