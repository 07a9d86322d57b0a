import { describe, expect, it } from "vitest";

import { isValidNpi, npiCheckDigit, syntheticNpis } from "./npi";

// Real NPIs from the public NPPES sample (every one passes the Luhn check with prefix 80840).
const REAL_NPIS = ["1679576722", "1588667638", "1215930367", "1497758544", "1023011178", "1306849450"];

describe("NPI check digit", () => {
  it("accepts real NPIs", () => {
    for (const npi of REAL_NPIS) expect(isValidNpi(npi), npi).toBe(true);
  });

  it("computes the published check digit from the 9-digit base", () => {
    expect(npiCheckDigit("123456789")).toBe(3); // CMS's worked example: 1234567893
    for (const npi of REAL_NPIS) expect(npiCheckDigit(npi.slice(0, 9))).toBe(Number(npi[9]));
  });

  it("rejects a wrong check digit, a transposition and malformed input", () => {
    expect(isValidNpi("1679576723")).toBe(false);
    expect(isValidNpi("1697576722")).toBe(false);
    expect(isValidNpi("167957672")).toBe(false);
    expect(isValidNpi("16795767AB")).toBe(false);
  });
});

describe("synthetic NPIs", () => {
  it("are valid, unique and clearly in the demo's 19xxxxxxxx block", () => {
    const npis = syntheticNpis(20_000, 1234);
    expect(new Set(npis).size).toBe(npis.length);
    for (const npi of npis) {
      expect(npi).toMatch(/^19\d{8}$/);
      expect(isValidNpi(npi)).toBe(true);
    }
  });
});
