import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  NPPES_ENDPOINT_HEADER,
  NPPES_HEADER,
  NPPES_PRACTICE_LOCATION_HEADER,
  OPEN_PAYMENTS_HEADER,
  PART_D_HEADER,
} from "../layouts";
import { readNuccTaxonomy } from "../reference-data/nucc";
import { readZipCentroids } from "../reference-data/zip-centroids";
import { generateDemoFiles, NPPES_FILE_NAME, type DemoManifest } from "./demo-files";
import { zipsByMetro } from "./geography";
import { isValidNpi } from "./npi";
import { ENDPOINT_FILE_NAME, PRACTICE_LOCATION_FILE_NAME } from "./nppes-companion-files";

const SCALE = 400;
let root: string;
let manifest: DemoManifest;
const dirA = () => join(root, "a");

const readRows = async (file: string): Promise<string[][]> =>
  parse(await readFile(join(dirA(), file)), { relax_column_count: true });
const sha256 = async (file: string) =>
  createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
const byHeader = (rows: string[][]) => {
  const [header, ...body] = rows;
  return body.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ""])));
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "demo-files-test-"));
  manifest = await generateDemoFiles({ scale: SCALE, seed: 7, dir: dirA() });
  await generateDemoFiles({ scale: SCALE, seed: 7, dir: join(root, "b") });
  await generateDemoFiles({ scale: SCALE, seed: 8, dir: join(root, "c") });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("generated files", () => {
  it("are byte-identical for the same seed and scale, and differ for another seed", async () => {
    expect(manifest.files).toHaveLength(8);
    for (const { file } of manifest.files) {
      expect(await sha256(join(root, "b", file)), file).toBe(await sha256(join(dirA(), file)));
      expect(await sha256(join(root, "c", file)), file).not.toBe(await sha256(join(dirA(), file)));
    }
  });

  it("use the official headers, with every row as wide as the header", async () => {
    const headers = {
      nppes: NPPES_HEADER,
      nppes_practice_location: NPPES_PRACTICE_LOCATION_HEADER,
      nppes_endpoint: NPPES_ENDPOINT_HEADER,
      part_d: PART_D_HEADER,
      open_payments: OPEN_PAYMENTS_HEADER,
    };
    for (const entry of manifest.files) {
      const [header, ...body] = await readRows(entry.file);
      expect(header, entry.file).toEqual([...headers[entry.dataset]]);
      expect(body.length, entry.file).toBe(entry.rows);
      expect(
        body.every((row) => row.length === header!.length),
        entry.file,
      ).toBe(true);
    }
  });

  it("quote every NPPES field, like the official file", async () => {
    const text = await readFile(join(dirA(), NPPES_FILE_NAME), "utf8");
    expect(text.startsWith('"NPI","Entity Type Code","Replacement NPI"')).toBe(true);
    expect(text.split("\n")[1]).toMatch(/^"19\d{8}","[12]?",""/);
  });
});

describe("the NPPES file", () => {
  it("holds the individuals, ~8% organisations and ~2% deactivated stubs, all with valid unique NPIs", async () => {
    const rows = byHeader(await readRows(NPPES_FILE_NAME));
    const npis = rows.map((r) => r["NPI"]!);
    expect(new Set(npis).size).toBe(rows.length);
    expect(npis.every((npi) => npi.startsWith("19") && isValidNpi(npi))).toBe(true);
    expect(rows.filter((r) => r["Entity Type Code"] === "1")).toHaveLength(SCALE);
    expect(rows.filter((r) => r["Entity Type Code"] === "2")).toHaveLength(32);
    const stubs = rows.filter((r) => r["Entity Type Code"] === "");
    expect(stubs).toHaveLength(8);
    for (const stub of stubs) {
      expect(
        Object.entries(stub)
          .filter(([, v]) => v !== "")
          .map(([k]) => k),
      ).toEqual(["NPI", "NPI Deactivation Date"]);
    }
  });

  it("uses only real NUCC codes, one primary taxonomy per provider, credentials that fit", async () => {
    const nucc = await readNuccTaxonomy();
    const rows = byHeader(await readRows(NPPES_FILE_NAME)).filter((r) => r["Entity Type Code"] !== "");
    for (const row of rows) {
      const codes = [1, 2, 3, 4].map((n) => row[`Healthcare Provider Taxonomy Code_${n}`]).filter(Boolean);
      expect(codes.length).toBeGreaterThan(0);
      for (const code of codes) expect(nucc.has(code!), code).toBe(true);
      const switches = [1, 2, 3]
        .map((n) => row[`Healthcare Provider Primary Taxonomy Switch_${n}`])
        .filter((s) => s === "Y");
      expect(switches).toHaveLength(1);
      const primary = row["Healthcare Provider Taxonomy Code_1"]!;
      if (row["Entity Type Code"] === "2") expect(nucc.get(primary)!.section).toBe("Non-Individual");
      if (primary.startsWith("363A")) expect(row["Provider Credential Text"]).toMatch(/PA/);
      if (primary.startsWith("207R")) expect(row["Provider Credential Text"]).toMatch(/M\.?D|D\.?O/);
    }
  });

  it("concentrates practices in the metros, on real ZIPs", async () => {
    const centroids = await readZipCentroids();
    const known = new Map(centroids.map((c) => [c.zip, c]));
    const metroZips = new Set([...zipsByMetro(centroids).values()].flatMap((zips) => zips.map((z) => z.centroid.zip)));
    const individuals = byHeader(await readRows(NPPES_FILE_NAME)).filter((r) => r["Entity Type Code"] === "1");
    const zip5s = individuals.map((r) => r["Provider Business Practice Location Address Postal Code"]!.slice(0, 5));
    expect(zip5s.every((zip) => known.has(zip))).toBe(true);
    const inMetro = zip5s.filter((zip) => metroZips.has(zip)).length / zip5s.length;
    expect(inMetro).toBeGreaterThan(0.75);
    expect(inMetro).toBeLessThan(0.95);
    const postal = individuals.map((r) => r["Provider Business Practice Location Address Postal Code"]!.length);
    expect(postal).toContain(5);
    expect(postal).toContain(9);
  });
});

describe("the NPPES weekly companion files", () => {
  const PL = "Provider Secondary Practice Location Address";
  const streetKey = (line: string) => line.toUpperCase().replace(/[^A-Z0-9]/g, "");

  it("give some HCPs secondary locations at an organisation's address, and some two or more locations", async () => {
    const main = byHeader(await readRows(NPPES_FILE_NAME));
    const individuals = new Set(main.filter((r) => r["Entity Type Code"] === "1").map((r) => r["NPI"]));
    const hcoAddresses = new Set(
      main
        .filter((r) => r["Entity Type Code"] === "2")
        .map(
          (r) =>
            `${streetKey(r["Provider First Line Business Practice Location Address"]!)}|${r["Provider Business Practice Location Address Postal Code"]!.slice(0, 5)}`,
        ),
    );
    const locations = byHeader(await readRows(PRACTICE_LOCATION_FILE_NAME));
    expect(
      locations.every((r) => individuals.has(r["NPI"]) && r[`${PL} - Country Code (If outside U.S.)`] === "US"),
    ).toBe(true);
    const atHco = locations.filter((r) =>
      hcoAddresses.has(`${streetKey(r[`${PL}- Address Line 1`]!)}|${r[`${PL} - Postal Code`]!.slice(0, 5)}`),
    );
    expect(atHco.length).toBeGreaterThan(SCALE * 0.1);
    expect(atHco.length).toBeLessThan(locations.length);
    const perNpi = new Map<string, number>();
    for (const r of locations) perNpi.set(r["NPI"]!, (perNpi.get(r["NPI"]!) ?? 0) + 1);
    expect([...perNpi.values()].some((n) => n >= 2)).toBe(true);
    expect(perNpi.size / SCALE).toBeGreaterThan(0.2);
    expect(perNpi.size / SCALE).toBeLessThan(0.5);
    // Mixed case like the real weekly file, ZIP or ZIP+4, every field quoted.
    expect(locations[0]![`${PL}- Address Line 1`]).toMatch(/^\d+ [A-Z][a-z]/);
    expect(locations.every((r) => /^\d{5}(\d{4})?$/.test(r[`${PL} - Postal Code`]!))).toBe(true);
    expect((await readFile(join(dirA(), PRACTICE_LOCATION_FILE_NAME), "utf8")).split("\n")[1]).toMatch(
      /^"19\d{8}","[^"]+","[^"]*","/,
    );
  });

  it("publish Direct addresses and FHIR URLs, affiliated by the organisation's exact legal name", async () => {
    const hcoNames = new Set(
      byHeader(await readRows(NPPES_FILE_NAME))
        .filter((r) => r["Entity Type Code"] === "2")
        .map((r) => r["Provider Organization Name (Legal Business Name)"]),
    );
    const endpoints = byHeader(await readRows(ENDPOINT_FILE_NAME));
    const npis = endpoints.map((r) => r["NPI"]!);
    expect(npis).toEqual([...npis].sort());
    const affiliated = endpoints.filter((r) => r["Affiliation"] === "Y");
    expect(affiliated.length).toBeGreaterThan(0);
    expect(affiliated.every((r) => hcoNames.has(r["Affiliation Legal Business Name"]))).toBe(true);
    expect(
      endpoints.filter((r) => r["Affiliation"] === "N").every((r) => r["Affiliation Legal Business Name"] === ""),
    ).toBe(true);
    expect(new Set(endpoints.map((r) => r["Endpoint Type"]))).toEqual(new Set(["DIRECT", "FHIR"]));
    for (const r of endpoints) {
      expect(r["Endpoint Type Description"]).toBe(
        r["Endpoint Type"] === "DIRECT" ? "Direct Messaging Address" : "FHIR URL",
      );
      expect(r["Endpoint"]).toMatch(
        r["Endpoint Type"] === "DIRECT" ? /^[a-z0-9]+@[a-z0-9.-]+\.example$/ : /^https:\/\/fhir\.[a-z0-9]+\.example\//,
      );
    }
  });
});

describe("the Part D files", () => {
  it("publish only rows with ≥ 11 claims and suppress small cells the CMS way", async () => {
    for (const entry of manifest.files.filter((f) => f.dataset === "part_d")) {
      const rows = byHeader(await readRows(entry.file));
      expect(
        rows.every((r) => Number(r["Tot_Clms"]) >= 11),
        entry.file,
      ).toBe(true);
      expect(
        rows.some((r) => r["Tot_Benes"] === ""),
        entry.file,
      ).toBe(true);
      expect(
        rows.some((r) => r["GE65_Sprsn_Flag"] === "*"),
        entry.file,
      ).toBe(true);
      expect(
        rows.some((r) => r["GE65_Sprsn_Flag"] === "#"),
        entry.file,
      ).toBe(true);
      for (const r of rows.filter((row) => row["GE65_Sprsn_Flag"] !== "")) expect(r["GE65_Tot_Clms"]).toBe("");
      for (const r of rows.filter((row) => row["Tot_Benes"] !== ""))
        expect(Number(r["Tot_Benes"])).toBeGreaterThanOrEqual(11);
      expect(rows.every((r) => r["Prscrbr_Type_Src"] === "S" && isValidNpi(r["Prscrbr_NPI"]!))).toBe(true);
    }
  });

  it("follow the market: Mounjaro launches in 2022 and warfarin declines", async () => {
    const claims = async (year: number, brand: string) =>
      byHeader(await readRows(`part_d/MUP_DPR_DY${year}_demo.csv`))
        .filter((r) => r["Brnd_Name"] === brand)
        .reduce((sum, r) => sum + Number(r["Tot_Clms"]), 0);
    expect(await claims(2021, "MOUNJARO")).toBe(0);
    expect(await claims(2023, "MOUNJARO")).toBeGreaterThan(await claims(2022, "MOUNJARO"));
    expect(await claims(2023, "WARFARIN SODIUM")).toBeLessThan(await claims(2021, "WARFARIN SODIUM"));
    expect(await claims(2023, "OZEMPIC")).toBeGreaterThan(await claims(2021, "OZEMPIC"));
  });
});

describe("the Open Payments files", () => {
  it("have unique record ids, dates in the program year, mixed ZIP forms and teaching-hospital rows", async () => {
    const ids = new Set<string>();
    for (const entry of manifest.files.filter((f) => f.dataset === "open_payments")) {
      const rows = byHeader(await readRows(entry.file));
      const year = entry.release.slice(2, 6);
      for (const r of rows) {
        expect(ids.has(r["Record_ID"]!)).toBe(false);
        ids.add(r["Record_ID"]!);
        expect(r["Date_of_Payment"]).toMatch(new RegExp(`^\\d{2}/\\d{2}/${year}$`));
      }
      expect(rows.some((r) => /^\d{5}$/.test(r["Recipient_Zip_Code"]!))).toBe(true);
      expect(rows.some((r) => /^\d{5}-\d{4}$/.test(r["Recipient_Zip_Code"]!))).toBe(true);
      const hospitals = rows.filter((r) => r["Covered_Recipient_Type"] === "Covered Recipient Teaching Hospital");
      expect(hospitals.length).toBeGreaterThan(0);
      expect(hospitals.every((r) => r["Covered_Recipient_NPI"] === "" && r["Teaching_Hospital_CCN"] !== "")).toBe(true);
      const meals = rows.filter((r) => r["Nature_of_Payment_or_Transfer_of_Value"] === "Food and Beverage");
      expect(meals.length / rows.length).toBeGreaterThan(0.7);
      for (const r of rows.filter(
        (row) => row["Name_of_Drug_or_Biological_or_Device_or_Medical_Supply_1"] === "Eliquis",
      )) {
        expect(["Bristol-Myers Squibb Company", "Pfizer Inc."]).toContain(
          r["Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name"],
        );
      }
    }
  });
});
