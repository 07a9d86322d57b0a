// Pure parsers for the values CMS files hold, quirks included: pandas floats ("1.0", "688482168.0"), ZIPs that
// lost their leading zeros, ZIP+4 with or without a hyphen, MM/DD/YYYY dates, NPPES "<UNAVAIL>". Each returns the
// value or a problem phrased to follow the column name ("Tot_Clms '' is not a number").
import { isValidNpi } from "./npi";

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const problem = (text: string): Parsed<never> => ({ ok: false, problem: text });
const quote = (raw: string) => `'${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}'`;

const SPACE = /^\s|\s$/;

/** Trimmed text; empty and NPPES's "<UNAVAIL>" (withheld) are null. Case is kept as filed. */
export function text(raw: string | undefined): string | null {
  if (raw === undefined || raw === "") return null;
  // Most fields need no trimming; testing first is cheaper than always allocating a trimmed copy.
  const trimmed = SPACE.test(raw) ? raw.trim() : raw;
  return trimmed === "" || trimmed === "<UNAVAIL>" ? null : trimmed;
}

/** A code written as digits, without the ".0" a spreadsheet or pandas added ("2.0" → "2", "05" stays "05"). */
export function code(raw: string | undefined): string | null {
  const value = text(raw);
  return value === null ? null : value.replace(/^(\d+)\.0+$/, "$1");
}

const PLAIN_COUNT = /^\d{1,15}$/;
const PLAIN_DECIMAL = /^\d{1,15}(\.\d+)?$/;

export function wholeNumber(raw: string | undefined): Parsed<number | null> {
  if (raw !== undefined && PLAIN_COUNT.test(raw)) return ok(Number(raw));
  const value = text(raw)?.replace(/,/g, "");
  if (value === undefined || value === null) return ok(null);
  if (!/^[-+]?\d+(\.\d+)?$/.test(value)) return problem(`${quote(raw!)} is not a number`);
  if (!/^[-+]?\d+(\.0+)?$/.test(value)) return problem(`${quote(raw!)} is not a whole number`);
  const number = Number(value);
  return Number.isSafeInteger(number) ? ok(number) : problem(`${quote(raw!)} is out of range`);
}

/** A decimal kept as text, so numeric columns get it without float rounding. */
export function decimal(raw: string | undefined): Parsed<string | null> {
  if (raw !== undefined && PLAIN_DECIMAL.test(raw)) return ok(raw);
  const value = text(raw)?.replace(/,/g, "");
  if (value === undefined || value === null) return ok(null);
  const match = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(value);
  if (!match || (match[2] === "" && !match[3])) return problem(`${quote(raw!)} is not a number`);
  const [, sign, whole, fraction] = match;
  return ok(`${sign === "-" ? "-" : ""}${whole || "0"}${fraction ? `.${fraction}` : ""}`);
}

export function float(raw: string | undefined): Parsed<number | null> {
  const value = text(raw);
  if (value === null) return ok(null);
  const number = Number(value);
  return value !== "" && Number.isFinite(number) ? ok(number) : problem(`${quote(raw!)} is not a number`);
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** MM/DD/YYYY (CMS) or YYYY-MM-DD → YYYY-MM-DD. */
export function date(raw: string | undefined): Parsed<string | null> {
  const value = text(raw);
  if (value === null) return ok(null);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = us ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = us ? [us[3], us[1], us[2]].map(Number) : iso ? [iso[1], iso[2], iso[3]].map(Number) : [];
  if (year === undefined || month === undefined || day === undefined)
    return problem(`${quote(raw!)} is not a date (MM/DD/YYYY)`);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month))
    return problem(`${quote(raw!)} is not a real date`);
  return ok(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
}

export interface PostalCode {
  /** US: 5 or 9 digits; foreign: as filed. */
  postalCode: string;
  /** US only. */
  zip5: string | null;
}

/**
 * A postal code. US ZIPs come as 5 digits, ZIP+4 (9 digits, with or without a hyphen) or, after a trip through
 * pandas, as floats without their leading zeros: up to 5 digits are a ZIP, 6–8 digits a ZIP+4 that lost zeros.
 * Foreign codes (any `country` other than US) are kept as filed.
 */
export function postalCode(raw: string | undefined, country?: string | null): Parsed<PostalCode | null> {
  const value = code(raw);
  if (value === null) return ok(null);
  if (country && country !== "US") {
    // Postal code columns hold 20 characters: the longest real codes are 10.
    return value.length > 20
      ? problem(`${quote(raw!)} is longer than 20 characters`)
      : ok({ postalCode: value, zip5: null });
  }
  const digits = value.replace(/[-\s]/g, "");
  if (!/^\d{1,9}$/.test(digits)) return problem(`${quote(raw!)} is not a US ZIP code`);
  const padded = digits.length <= 5 ? digits.padStart(5, "0") : digits.padStart(9, "0");
  return ok({ postalCode: padded, zip5: padded.slice(0, 5) });
}

/** Digits of a phone or fax number. */
export function phone(raw: string | undefined): Parsed<string | null> {
  const value = code(raw);
  if (value === null) return ok(null);
  const digits = value.replace(/\D/g, "");
  if (digits === "") return problem(`${quote(raw!)} is not a phone number`);
  return digits.length <= 20 ? ok(digits) : problem(`${quote(raw!)} is too long for a phone number`);
}

/** A 10-digit NPI passing its check digit; empty is null. */
export function npi(raw: string | undefined): Parsed<string | null> {
  const value = code(raw);
  if (value === null) return ok(null);
  if (!/^\d{10}$/.test(value)) return problem(`${quote(raw!)} is not a 10-digit NPI`);
  return isValidNpi(value) ? ok(value) : problem(`${value} fails the NPI check digit`);
}

/** A two-letter US state (or APO/FPO "AA", "AE", "AP") code. */
export function stateCode(raw: string | undefined): Parsed<string | null> {
  const value = text(raw);
  if (value === null) return ok(null);
  return /^[A-Za-z]{2}$/.test(value)
    ? ok(value.toUpperCase())
    : problem(`${quote(raw!)} is not a two-letter state code`);
}
