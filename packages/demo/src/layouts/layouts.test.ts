import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { cmsSample } from "@pharmacrm/ingest/testing";

import {
  NPPES_ENDPOINT_HEADER,
  NPPES_HEADER,
  NPPES_PRACTICE_LOCATION_HEADER,
  nppesTaxonomyColumns,
  OPEN_PAYMENTS_HEADER,
  PART_D_HEADER,
  toRow,
} from ".";

/** The header row of a real CMS sample file (carried in packages/ingest/fixtures/cms). */
const sampleHeader = async (path: string): Promise<string[]> => {
  const text = await readFile(cmsSample(path), "utf8");
  return (parse(text.slice(0, text.indexOf("\n")), { bom: true }) as string[][])[0]!;
};

const digest = (header: readonly string[]) => createHash("sha256").update(header.join(",")).digest("hex");

describe("official layouts", () => {
  it("NPPES main file: 330 columns, identical to the 2025 header", () => {
    expect(NPPES_HEADER).toHaveLength(330);
    expect(new Set(NPPES_HEADER).size).toBe(330);
    // Digest of the header row of npidata_pfile (spring 2025), taken from the CMS sample in packages/ingest/fixtures/cms.
    expect(digest(NPPES_HEADER)).toBe("c57646d44817c0bc691c447de4bbb5be100e9fd4472be1311e4fee6113f365a3");
    expect(NPPES_HEADER[47]).toBe("Healthcare Provider Taxonomy Code_1");
    expect(NPPES_HEADER.at(-1)).toBe("Certification Date");
  });

  it("Open Payments general payments: 91 columns, identical to the PY2024 header", () => {
    expect(OPEN_PAYMENTS_HEADER).toHaveLength(91);
    expect(digest(OPEN_PAYMENTS_HEADER)).toBe("7aa529b755d6668a7933984e9d4adcf81ff4be494673df2f36aaf2a56d15ec1b");
  });

  it("Part D by provider and drug: the 22 current Prscrbr_* columns", () => {
    expect(PART_D_HEADER).toHaveLength(22);
    expect(PART_D_HEADER.slice(0, 3)).toEqual(["Prscrbr_NPI", "Prscrbr_Last_Org_Name", "Prscrbr_First_Name"]);
    expect(PART_D_HEADER.at(-1)).toBe("GE65_Tot_Benes");
  });

  it("NPPES weekly practice locations and endpoints: the official headers, column for column", async () => {
    expect([...NPPES_PRACTICE_LOCATION_HEADER]).toEqual(await sampleHeader("nppes/pl_pfile_20251103-20251109.csv"));
    expect([...NPPES_ENDPOINT_HEADER]).toEqual(await sampleHeader("nppes/endpoint_pfile_20251103-20251109.csv"));
  });

  it("toRow places values by column name and leaves the rest empty", () => {
    const slot2 = nppesTaxonomyColumns(2);
    const row = toRow(NPPES_HEADER, { NPI: "1234567893", [slot2.code]: "207R00000X" });
    expect(row).toHaveLength(330);
    expect(row[0]).toBe("1234567893");
    expect(row[NPPES_HEADER.indexOf(slot2.code)]).toBe("207R00000X");
    expect(row.filter((cell) => cell !== "")).toHaveLength(2);
  });
});
