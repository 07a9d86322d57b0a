// Periods said in words ("last quarter", "last 12 weeks") as the first and last day they cover, in UTC days, the
// calendar the calls are stored against. Weeks start on Monday.
import type { RelativeRange } from "./query";

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const shift = (date: Date, days: number) => utc(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + days);

export function resolveRange(range: RelativeRange | [string, string], now: Date): [string, string] {
  if (Array.isArray(range)) return range[0] <= range[1] ? range : [range[1], range[0]];
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const d = now.getUTCDate();
  const today = utc(y, m, d);
  const monday = utc(y, m, d - ((today.getUTCDay() + 6) % 7));
  const quarter = Math.floor(m / 3) * 3;
  const back = (days: number): [string, string] => [iso(utc(y, m, d - days + 1)), iso(today)];
  switch (range) {
    case "today":
      return [iso(today), iso(today)];
    case "yesterday":
      return [iso(utc(y, m, d - 1)), iso(utc(y, m, d - 1))];
    case "this week":
      return [iso(monday), iso(today)];
    case "last week":
      return [iso(shift(monday, -7)), iso(shift(monday, -1))];
    case "this month":
      return [iso(utc(y, m, 1)), iso(today)];
    case "last month":
      return [iso(utc(y, m - 1, 1)), iso(utc(y, m, 0))];
    case "this quarter":
      return [iso(utc(y, quarter, 1)), iso(today)];
    case "last quarter":
      return [iso(utc(y, quarter - 3, 1)), iso(utc(y, quarter, 0))];
    case "this year":
      return [iso(utc(y, 0, 1)), iso(today)];
    case "last year":
      return [iso(utc(y - 1, 0, 1)), iso(utc(y - 1, 11, 31))];
    case "last 7 days":
      return back(7);
    case "last 30 days":
      return back(30);
    case "last 90 days":
      return back(90);
    case "last 12 weeks":
      return back(84);
    case "last 12 months":
      return [iso(utc(y - 1, m, d + 1)), iso(today)];
  }
}
