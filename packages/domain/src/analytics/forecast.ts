// A trend's next period, forecast by a least-squares line through its complete periods (simple-statistics'
// linearRegression): transparent, explainable in one sentence, and honest about a short series — no seasonality
// is assumed from two years of months or less. Only a single trend of counts or amounts is forecast, from at least
// four complete periods; a period still running (this month) or cut by the range is not fitted, and the forecast is
// for the period after the last complete one.
import { linearRegression, linearRegressionLine } from "simple-statistics";

import type { Granularity } from "./query";

export interface Forecast {
  /** The measure forecast (its column key) and the period it is for (the bucket's first day). */
  key: string;
  period: string;
  value: number;
  /** In words, for the card and the answer. */
  method: string;
}

interface Series {
  granularity: Granularity;
  key: string;
  /** Buckets (first day, YYYY-MM-DD) and their values, in order; missing buckets count as 0. */
  points: { period: string; value: number }[];
  /** The period the query covered, when it named one. */
  range: [string, string] | null;
  today: string;
  /** Counts are forecast as whole numbers, amounts to the cent. */
  whole: boolean;
}

const MIN_POINTS = 4;
const UNIT: Record<Granularity, string> = {
  day: "day",
  week: "week",
  month: "month",
  quarter: "quarter",
  year: "year",
};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The first day of the bucket `n` steps after `start`. */
function step(start: string, granularity: Granularity, n: number): string {
  const d = day(start);
  if (granularity === "day") d.setUTCDate(d.getUTCDate() + n);
  else if (granularity === "week") d.setUTCDate(d.getUTCDate() + 7 * n);
  else d.setUTCMonth(d.getUTCMonth() + n * (granularity === "month" ? 1 : granularity === "quarter" ? 3 : 12));
  return iso(d);
}

/** The last day of the bucket that starts on `start`. */
const lastDay = (start: string, granularity: Granularity) => {
  const next = day(step(start, granularity, 1));
  next.setUTCDate(next.getUTCDate() - 1);
  return iso(next);
};

export function forecastNext({ granularity, key, points: given, range, today, whole }: Series): Forecast | null {
  const points = [...given].sort((a, b) => a.period.localeCompare(b.period));
  if (points.length === 0) return null;
  // A bucket is complete when it lies wholly inside the range and has ended before today.
  const complete = (start: string) =>
    lastDay(start, granularity) < today && (!range || (start >= range[0] && lastDay(start, granularity) <= range[1]));
  const values = new Map(points.map((p) => [p.period, p.value]));
  const first = points.find((p) => complete(p.period))?.period;
  if (!first) return null;
  const series: [number, number][] = [];
  for (let n = 0; ; n++) {
    const period = step(first, granularity, n);
    // Without a range, the series runs to the last period with a row; with one, to the end of the range.
    if (!complete(period) || (!range && period > points.at(-1)!.period)) break;
    series.push([n, values.get(period) ?? 0]);
  }
  if (series.length < MIN_POINTS) return null;
  const line = linearRegressionLine(linearRegression(series));
  const next = series.length;
  return {
    key,
    period: step(first, granularity, next),
    value: Math.max(0, whole ? Math.round(line(next)) : Math.round(line(next) * 100) / 100),
    method: `A straight-line trend (least squares) through the last ${series.length} complete ${UNIT[granularity]}s; no seasonality assumed.`,
  };
}
