// One rule for text and one for dates, shared by every input schema (tRPC procedures, routes, copilot tools) and by
// the API's guard on raw input. Postgres refuses NUL in text and dates outside its range, so without these checks
// such input reached the database and answered 500. No database imports: client forms use these too.
import { z } from "zod";

// C0 control characters and DEL, except tab, line feed and carriage return (which notes legitimately contain).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** True when the text holds a character no field may store (NUL and the other C0 controls but tab/newline/CR). */
export const hasControlCharacter = (value: string): boolean => CONTROL_CHARACTER.test(value);

/** The years a date input may name: wide enough for any CRM record, narrow enough for every database column. */
export const DATE_YEARS = { earliest: 1900, latest: 2100 } as const;

/** A real date (not `Invalid Date`) whose UTC year lies within DATE_YEARS. */
export function isDateInRange(value: Date): boolean {
  const time = value.getTime();
  if (Number.isNaN(time)) return false;
  const year = value.getUTCFullYear();
  return year >= DATE_YEARS.earliest && year <= DATE_YEARS.latest;
}

export const controlCharacterMessage = (label: string) => `${label} cannot contain control characters (such as NUL).`;
export const dateRangeMessage = (label: string) =>
  `${label} must be a date between ${DATE_YEARS.earliest} and ${DATE_YEARS.latest}.`;

/**
 * Free text from a person or a client: trimmed, and refused with a message naming the field when it holds a
 * control character. Chain length limits and other checks after it: `plainText("Notes").max(4000, …)`.
 */
export const plainText = (label: string) =>
  z
    .string({ message: `${label} must be text.` })
    .trim()
    .refine((value) => !hasControlCharacter(value), controlCharacterMessage(label));

/** An NPI as stored and typed: ten digits (the check digit is the registry's business, not an input rule). */
export const NPI_PATTERN = /^\d{10}$/;

/** An NPI field: `npiField()` for "The NPI", or a label of its own. */
export const npiField = (label = "The NPI") => plainText(label).regex(NPI_PATTERN, "An NPI is 10 digits.");

/** A US state as its two-letter code, upper-cased: the HCP list's and the searches' state filter. */
export const stateCodeField = () =>
  plainText("The state")
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use a two-letter state code, e.g. MA.");

/**
 * A calendar day as `YYYY-MM-DD`: a real date (no 2026-02-30) within DATE_YEARS. A value in the wrong format gets
 * the format message only (abort), not the range message too.
 */
export const calendarDate = (label: string, format = "Use a date like 2026-12-01.") =>
  z.iso
    .date({ message: format, abort: true })
    .refine((value) => isDateInRange(new Date(`${value}T00:00:00Z`)), dateRangeMessage(label));

/**
 * A moment as ISO text with its offset (`2026-11-20T14:30:00Z`), kept as text (page cursors, copilot tool inputs
 * that must stay JSON): it must exist and lie within DATE_YEARS, so year 0 never reaches a query. Format first, as above.
 */
export const isoDateTime = (label: string, format = "Use a time like 2026-11-20T14:30:00Z.") =>
  z.iso
    .datetime({ offset: true, message: format, abort: true })
    .refine((value) => isDateInRange(new Date(value)), dateRangeMessage(label));

/** A moment (a Date, an ISO date-time or a day): coerced to a Date, which must be real and within DATE_YEARS. */
export const pointInTime = (label: string, message: string) =>
  z.coerce.date({ message }).refine(isDateInRange, dateRangeMessage(label));
