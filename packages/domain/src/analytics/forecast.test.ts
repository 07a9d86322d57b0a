import { describe, expect, it } from "vitest";

import { forecastNext } from "./forecast";

const months = (start: number, values: number[]) =>
  values.map((value, i) => ({ period: `2026-${String(start + i).padStart(2, "0")}-01`, value }));
const base = { granularity: "month" as const, key: "m0", whole: true };

describe("forecastNext", () => {
  it("extends a straight trend through the complete months to the month still running", () => {
    const forecast = forecastNext({
      ...base,
      points: months(1, [10, 20, 30, 40, 7]),
      range: ["2026-01-01", "2026-05-10"],
      today: "2026-05-10",
    });
    expect(forecast).toEqual({
      key: "m0",
      period: "2026-05-01",
      value: 50,
      method: "A straight-line trend (least squares) through the last 4 complete months; no seasonality assumed.",
    });
  });

  it("counts a month with no row as zero, and leaves out a month the range cuts", () => {
    // January, February, (no March), April: 10, 20, 0, 40 → slope 7, intercept 7 → May 35.
    const gap = [...months(1, [10, 20]), ...months(4, [40])];
    expect(
      forecastNext({ ...base, points: gap, range: ["2026-01-01", "2026-04-30"], today: "2026-06-01" }),
    ).toMatchObject({
      period: "2026-05-01",
      value: 35,
    });
    const cut = [{ period: "2025-12-01", value: 3 }, ...months(1, [10, 20, 30, 40, 50])];
    expect(
      forecastNext({ ...base, points: cut, range: ["2025-12-05", "2026-05-31"], today: "2026-06-15" }),
    ).toMatchObject({
      period: "2026-06-01",
      value: 60,
    });
  });

  it("forecasts nothing from fewer than four complete periods, and never below zero", () => {
    expect(forecastNext({ ...base, points: months(1, [10, 20, 30]), range: null, today: "2026-12-04" })).toBeNull();
    expect(forecastNext({ ...base, points: [], range: null, today: "2026-12-04" })).toBeNull();
    expect(
      forecastNext({ ...base, points: months(1, [40, 30, 20, 10, 0]), range: null, today: "2026-12-04" }),
    ).toMatchObject({ value: 0 });
  });

  it("keeps cents for amounts, and steps by weeks", () => {
    const weeks = ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"].map((period, i) => ({
      period,
      value: 1.5 * (i + 1),
    }));
    expect(
      forecastNext({ granularity: "week", key: "m0", whole: false, points: weeks, range: null, today: "2026-12-04" }),
    ).toMatchObject({ period: "2026-11-30", value: 7.5 });
  });
});
