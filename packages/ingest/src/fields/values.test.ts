import { describe, expect, it } from "vitest";

import { isValidNpi, npiCheckDigit } from "./npi";
import { code, date, decimal, npi, phone, postalCode, stateCode, text, wholeNumber } from "./values";

describe("field values", () => {
  it("reads pandas floats as the codes and whole numbers they were", () => {
    expect(code("1.0")).toBe("1");
    expect(code("05")).toBe("05");
    expect(wholeNumber("13.0")).toEqual({ ok: true, value: 13 });
    expect(wholeNumber("1,234")).toEqual({ ok: true, value: 1234 });
    expect(wholeNumber("")).toEqual({ ok: true, value: null });
    expect(wholeNumber("17.3")).toEqual({ ok: false, problem: "'17.3' is not a whole number" });
    expect(wholeNumber("abc")).toEqual({ ok: false, problem: "'abc' is not a number" });
    expect(phone("9043881820.0")).toEqual({ ok: true, value: "9043881820" });
  });

  it("restores ZIP leading zeros pandas dropped and splits ZIP+4", () => {
    const zip = (raw: string, country?: string) => postalCode(raw, country);
    expect(zip("3904.0")).toEqual({ ok: true, value: { postalCode: "03904", zip5: "03904" } });
    expect(zip("603.0")).toEqual({ ok: true, value: { postalCode: "00603", zip5: "00603" } });
    expect(zip("80511606.0")).toEqual({ ok: true, value: { postalCode: "080511606", zip5: "08051" } });
    expect(zip("9695639.0")).toEqual({ ok: true, value: { postalCode: "009695639", zip5: "00969" } });
    expect(zip("34292-7554")).toEqual({ ok: true, value: { postalCode: "342927554", zip5: "34292" } });
    expect(zip("100016", "CN")).toEqual({ ok: true, value: { postalCode: "100016", zip5: null } });
    expect(zip("SW1A 1AA", "GB")).toEqual({ ok: true, value: { postalCode: "SW1A 1AA", zip5: null } });
    expect(zip("X".repeat(21), "GB")).toEqual({
      ok: false,
      problem: `'${"X".repeat(21)}' is longer than 20 characters`,
    });
    expect(zip("K1A 0B6")).toEqual({ ok: false, problem: "'K1A 0B6' is not a US ZIP code" });
  });

  it("reads MM/DD/YYYY dates and rejects impossible ones", () => {
    expect(date("05/23/2005")).toEqual({ ok: true, value: "2005-05-23" });
    expect(date("2024-03-13")).toEqual({ ok: true, value: "2024-03-13" });
    expect(date("02/30/2020")).toEqual({ ok: false, problem: "'02/30/2020' is not a real date" });
    expect(date("2020/02/03")).toEqual({ ok: false, problem: "'2020/02/03' is not a date (MM/DD/YYYY)" });
  });

  it("treats NPPES's <UNAVAIL> as absent, keeps case as filed", () => {
    expect(text("<UNAVAIL>")).toBeNull();
    expect(text("  McDonald ")).toBe("McDonald");
    expect(stateCode("ap")).toEqual({ ok: true, value: "AP" });
    expect(stateCode("Siem Reap")).toEqual({ ok: false, problem: "'Siem Reap' is not a two-letter state code" });
  });

  it("keeps decimals as exact text", () => {
    expect(decimal("1,159.13")).toEqual({ ok: true, value: "1159.13" });
    expect(decimal(".5")).toEqual({ ok: true, value: "0.5" });
    expect(decimal("1.2.3")).toEqual({ ok: false, problem: "'1.2.3' is not a number" });
  });

  it("checks the NPI check digit (Luhn with prefix 80840)", () => {
    expect(npiCheckDigit("123456789")).toBe(3); // CMS's worked example: 1234567893
    expect(isValidNpi("1588667638")).toBe(true);
    expect(npi("1588667638.0")).toEqual({ ok: true, value: "1588667638" });
    expect(npi("1588667639")).toEqual({ ok: false, problem: "1588667639 fails the NPI check digit" });
    expect(npi("123")).toEqual({ ok: false, problem: "'123' is not a 10-digit NPI" });
  });
});
