// What every intent reader shares: the registry entry's shape, the physician a message is about (a pronoun
// follows the conversation), and periods ("last month", "this week", "in the past 60 days", "since June").
import { RELATIVE_RANGES, type RelativeRange, type Role } from "@pharmacrm/domain";

import { parseDates } from "../dates";
import { dayOf } from "../extract-call";
import type { Candidate, ReadContext, SlotReading } from "../intent";
import { asWritten, type Message } from "../message";
import type { PhysicianRef } from "../physician-ref";

export interface IntentDefinition {
  /** The labelled set's name for it, e.g. "call.log". */
  name: string;
  roles: readonly Role[];
  /** Phrasings it is written for; the registry test reads each one back as this intent. */
  examples: readonly string[];
  read(message: Message, now: Date, ctx: ReadContext): Candidate | null;
}

export const ALL_ROLES: readonly Role[] = ["rep", "manager", "admin"];
export const FIELD_ROLES: readonly Role[] = ["rep", "manager"];

export const has = (text: string, pattern: RegExp) => pattern.test(text);

/** A slot read from the message's words between start and end (in `message.original`). */
export const readingOf = (message: Message, slot: string, start: number, end: number, value: string): SlotReading => ({
  slot,
  written: asWritten(message, start, end),
  start,
  end,
  value,
});

/** The readings, on an intent only when there are some. */
export const withReadings = (readings: readonly SlotReading[]) => (readings.length > 0 ? { readings } : {});

/** Each product mention as the product it was read as ("apixaban" → Eliquis). */
export const productReadings = (message: Message, slot = "product"): SlotReading[] =>
  message.products.map((p) => readingOf(message, slot, p.span.start, p.span.end, p.value));

const PRONOUN = /\b(her|him|she|he|them|they|his|(this|that|the same) (doctor|doc|physician|hcp|prescriber))\b/i;

/** The physician named, or the earlier one when the message says "her", "him" or "this doctor" and names nobody. */
export function physicianOf(message: Message, ctx: ReadContext): PhysicianRef | null {
  if (message.physician && (message.physicianTitled || !ctx.earlier || !PRONOUN.test(message.original)))
    return message.physician;
  if (ctx.earlier && PRONOUN.test(message.original)) return ctx.earlier;
  return message.physician;
}

const MONTHS = "january february march april may june july august september october november december".split(" ");
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  ten: 10,
  twelve: 12,
};

export interface Period {
  from: string;
  to: string;
  /** As said back to the person: "last month (2026-11-01 to 2026-11-30)". */
  label: string;
  /** Where in the text the period was said. */
  start: number;
  end: number;
  /**
   * The period in the words the analytics model resolves itself ("last quarter", "last quarter"), when it is one of them: a question
   * pinned with words keeps meaning the last quarter next quarter, and the server's calendar decides its days.
   */
  words?: RelativeRange;
}

const shift = (d: Date, days: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + days);
const monday = (d: Date) => shift(d, -((d.getDay() + 6) % 7));

/** The period a message names, relative to `now`; null when it names none. */
export function periodOf(text: string, now: Date): Period | null {
  const t = text.toLowerCase();
  const today = shift(now, 0);
  let said = { start: 0, end: 0 };
  const saw = (pattern: RegExp) => {
    const m = pattern.exec(t);
    if (m) said = { start: m.index, end: m.index + m[0].length };
    return m;
  };
  const make = (from: Date, to: Date, label: string, words?: RelativeRange): Period => ({
    from: dayOf(from),
    to: dayOf(to),
    label: `${label} (${dayOf(from)} to ${dayOf(to)})`,
    ...said,
    ...(words ? { words } : {}),
  });
  const year = now.getFullYear();
  // "from nov 16 to nov 20", "between 11/1 and 11/15": the range as said.
  const range = parseDates(t, now, false).find((r) => r.end);
  if (range && /\b(from|between)\b/.test(t)) {
    said = { start: range.index, end: range.index + range.text.length };
    return make(range.start.date(), range.end!.date(), `${range.text}`);
  }
  const quarter = Math.floor(now.getMonth() / 3);
  const last = saw(
    /\b(?:in\s+)?(?:the\s+)?(?:last|past|previous)\s+(\d{1,3}|a|one|two|three|four|five|six|ten|twelve)\s+(days?|weeks?|months?)\b/,
  );
  if (last) {
    const n = /^\d+$/.test(last[1]!) ? Number(last[1]) : NUMBER_WORDS[last[1]!]!;
    const days = n * (last[2]!.startsWith("week") ? 7 : last[2]!.startsWith("month") ? 30 : 1);
    const words =
      n === 12 && last[2]!.startsWith("month")
        ? "last 12 months"
        : n === 12 && last[2]!.startsWith("week")
          ? "last 12 weeks"
          : RELATIVE_RANGES.find((r) => r === `last ${days} days`);
    return make(shift(today, -(days - 1)), today, `the last ${days} days`, words);
  }
  if (saw(/\btoday\b/)) return make(today, today, "today", "today");
  if (saw(/\byesterday\b/)) return make(shift(today, -1), shift(today, -1), "yesterday", "yesterday");
  if (saw(/\b(this|current) week\b/)) return make(monday(today), shift(monday(today), 6), "this week", "this week");
  if (saw(/\b(last|previous|past) week\b/))
    return make(shift(monday(today), -7), shift(monday(today), -1), "last week", "last week");
  if (saw(/\b(this|current) (month|mnth|mth)\b/))
    return make(new Date(year, now.getMonth(), 1), new Date(year, now.getMonth() + 1, 0), "this month", "this month");
  if (saw(/\b(last|previous|past) (month|mnth|mth)\b/))
    return make(new Date(year, now.getMonth() - 1, 1), new Date(year, now.getMonth(), 0), "last month", "last month");
  if (saw(/\b(this|current) quarter\b|\bqtd\b/))
    return make(new Date(year, quarter * 3, 1), new Date(year, quarter * 3 + 3, 0), "this quarter", "this quarter");
  if (saw(/\b(last|previous|past) quarter\b/))
    return make(new Date(year, quarter * 3 - 3, 1), new Date(year, quarter * 3, 0), "last quarter", "last quarter");
  if (saw(/\b(mtd|month to date)\b/))
    return make(new Date(year, now.getMonth(), 1), new Date(year, now.getMonth() + 1, 0), "this month", "this month");
  if (saw(/\b(wtd|week to date)\b/)) return make(monday(today), shift(monday(today), 6), "this week", "this week");
  // "q3", "Q2 2025": a calendar quarter, of this year unless one is said.
  const q = saw(/\bq([1-4])(?:\s*(?:of\s+)?(20\d\d))?\b/);
  if (q) {
    const y = q[2] ? Number(q[2]) : year;
    const first = (Number(q[1]) - 1) * 3;
    return make(new Date(y, first, 1), new Date(y, first + 3, 0), `Q${q[1]} ${y}`);
  }
  const half = saw(/\b(first|second) half(?: of (?:the|this) year)?\b|\bh([12])\b/);
  if (half) {
    const second = half[1] === "second" || half[2] === "2";
    return make(new Date(year, second ? 6 : 0, 1), new Date(year, second ? 12 : 6, 0), second ? "H2" : "H1");
  }
  if (saw(/\b(this (year|yr)|ytd|year to date|so far this year|since the (start|beginning) of the year)\b/))
    return make(new Date(year, 0, 1), today, "this year", "this year");
  if (saw(/\blast (year|yr)\b/))
    return make(new Date(year - 1, 0, 1), new Date(year - 1, 11, 31), "last year", "last year");
  const month = saw(
    new RegExp(`\\b(?:in|during|for)\\s+(${MONTHS.join("|")}|sept|${MONTHS.map((m) => m.slice(0, 3)).join("|")})\\b`),
  );
  if (month) {
    const index = MONTHS.findIndex((m) => m.startsWith(month[1]!.slice(0, 3)));
    const y = index > now.getMonth() ? year - 1 : year;
    return make(
      new Date(y, index, 1),
      new Date(y, index + 1, 0),
      MONTHS[index]!.replace(/^./, (c) => c.toUpperCase()),
    );
  }
  // "in 2025", "for 2025", "during 2025", or a year said last ("samples by territory 2025"): that calendar year.
  const whole = saw(/\b(?:in|for|during|of)\s+(20\d\d)\b|(?:^|[\s,])(20\d\d)\s*[?.!]?\s*$/);
  if (whole) {
    const y = Number(whole[1] ?? whole[2]);
    return make(new Date(y, 0, 1), new Date(y, 11, 31), String(y));
  }
  const since = saw(/\bsince\s+(.+?)(?:[?.!,]|$)/);
  if (since) {
    const [start] = parseDates(since[1]!, now, false);
    if (start) return make(start.start.date(), today, `since ${since[1]!.trim()}`);
  }
  return null;
}
