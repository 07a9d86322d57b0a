// Calendar dates as UTC day numbers, so generated files never depend on the machine's clock or time zone.
import { type Random } from "../random";

const DAY_MS = 86_400_000;

export const dayOf = (isoDate: string): number => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);

export const dateOfDay = (day: number): Date => new Date(day * DAY_MS);

/** The UTC day a moment falls on. */
export const dayOfDate = (date: Date): number => Math.floor(date.getTime() / DAY_MS);

/** MM/DD/YYYY, as NPPES and Open Payments write dates. */
export function usDate(day: number): string {
  const date = dateOfDay(day);
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(date.getUTCDate()).padStart(2, "0");
  return `${mm}/${dd}/${date.getUTCFullYear()}`;
}

/** YYYY-MM-DD. */
export const isoDate = (day: number): string => dateOfDay(day).toISOString().slice(0, 10);

export const randomDay = (random: Random, fromIso: string, toIso: string): number =>
  random.int(dayOf(fromIso), dayOf(toIso));

/** NPPES opened on this day; a large share of older NPIs carry it as their enumeration date. */
export const NPPES_FIRST_DAY = "2005-05-23";

/** The snapshot date of the demo NPPES file: nothing in it is later than this. */
export const NPPES_SNAPSHOT_DAY = "2025-06-30";
