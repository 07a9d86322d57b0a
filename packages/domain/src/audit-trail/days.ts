// The audit screens' date filter: inclusive first and last calendar day (UTC), as `2026-11-23`.
import { gte, lt, type AnyColumn, type SQL } from "drizzle-orm";

const startOf = (day: string) => new Date(`${day}T00:00:00Z`);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

/** The conditions for a timestamp column within the days given (either end may be open). */
export function onDays(
  column: AnyColumn,
  days: { from?: string | undefined; to?: string | undefined },
): (SQL | undefined)[] {
  return [days.from ? gte(column, startOf(days.from)) : undefined, days.to ? lt(column, nextDay(days.to)) : undefined];
}
