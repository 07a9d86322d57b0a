// Dates in a message, read by chrono-node (the casual English parser) plus what reps write that it misses:
// "the 16th" (a day of this month or the next), and never "now" or a duration ("15 min") as a date.
import * as chrono from "chrono-node";

const parser = chrono.casual.clone();
parser.parsers.push({
  pattern: () => /\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b/i,
  extract: (context, match) => {
    const day = Number(match[1]);
    if (day < 1 || day > 31) return null;
    const ref = context.refDate;
    const forward = context.option?.forwardDate ?? false;
    // The nearest such day: ahead for a follow-up, behind for a call that happened.
    let month = ref.getMonth();
    if (forward && day < ref.getDate()) month += 1;
    if (!forward && day > ref.getDate()) month -= 1;
    const date = new Date(ref.getFullYear(), month, day);
    return { day: date.getDate(), month: date.getMonth() + 1, year: date.getFullYear() };
  },
});

const NOT_A_DATE = /^(now|right now|\d+\s*(min|mins|minutes?|hrs?|hours?|secs?|seconds?))$/i;

export function parseDates(text: string, now: Date, forward: boolean): chrono.ParsedResult[] {
  return parser.parse(text, now, { forwardDate: forward }).filter((r) => !NOT_A_DATE.test(r.text.trim()));
}

const DAY = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric" });
const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

/** A day (or a moment, when a time was said) as a person reads it: "Thursday 3 December 2026". */
export function sayDate(date: Date, withTime = false): string {
  const day = DAY.formatToParts(date)
    .filter((p) => p.type !== "literal")
    .map((p) => p.value)
    .join(" ");
  return withTime ? `${day} at ${TIME.format(date)}` : day;
}
