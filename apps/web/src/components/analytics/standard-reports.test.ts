import { describe, expect, it } from "vitest";

import { kpiRanges } from "./standard-reports";

describe("the dashboard's key figures", () => {
  it("compare the period so far with the same days of the period before", () => {
    expect(kpiRanges("month", new Date("2026-12-04T15:00:00Z"))).toEqual({
      current: ["2026-12-01", "2026-12-04"],
      previous: ["2026-11-01", "2026-11-04"],
    });
    expect(kpiRanges("quarter", new Date("2026-11-20T15:00:00Z"))).toEqual({
      current: ["2026-10-01", "2026-11-20"],
      previous: ["2026-07-01", "2026-08-20"],
    });
  });

  it("stop at the end of a shorter period before, and cross the year", () => {
    expect(kpiRanges("month", new Date("2026-03-31T08:00:00Z")).previous).toEqual(["2026-02-01", "2026-02-28"]);
    expect(kpiRanges("quarter", new Date("2026-01-15T08:00:00Z")).previous).toEqual(["2025-10-01", "2025-10-15"]);
  });
});
