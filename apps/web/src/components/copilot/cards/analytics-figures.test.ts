import { describe, expect, it } from "vitest";

import type { AnalyticsResult } from "@pharmacrm/domain";

import { breakdownsOf, cellText, chartOf, csvOf, grainsOf, withBreakdowns, withRange } from "./analytics-figures";

const result = (overrides: Partial<AnalyticsResult> = {}): AnalyticsResult => ({
  query: {
    measures: ["Calls.count", "Calls.frequency"],
    dimensions: ["Reps.name"],
    timeDimensions: [],
    filters: [],
    order: [],
    limit: 100,
  },
  columns: [
    { member: "Reps.name", key: "d0", kind: "dimension", title: "Rep", format: null },
    { member: "Calls.count", key: "m0", kind: "measure", title: "Calls", format: "count" },
    { member: "Calls.frequency", key: "m1", kind: "measure", title: "Call frequency", format: "ratio" },
  ],
  rows: [
    { d0: "Kevin Walsh", m0: 1234, m1: 1.5 },
    { d0: '=HYPERLINK("x")', m0: 2, m1: null },
  ],
  truncated: false,
  range: ["2026-11-01", "2026-11-30"],
  conditions: [],
  definitions: [],
  cube: "Calls",
  source: { title: "CRM interactions", period: "2026-11-01 to 2026-11-30" },
  note: null,
  forecast: null,
  chart: "bar",
  sql: null,
  ...overrides,
});

describe("the analytics card's figures", () => {
  it("writes counts with separators, ratios with two decimals, channels by name and gaps as a dash", () => {
    const [rep, calls, frequency] = result().columns;
    expect(cellText(calls!, 1234)).toBe("1,234");
    expect(cellText(frequency!, 1.5)).toBe("1.50");
    expect(cellText(rep!, null)).toBe("—");
    expect(cellText({ ...rep!, member: "Calls.channel" }, "in_person")).toBe("In person");
    const time = { member: "Calls.occurredAt.month", key: "t0", kind: "time" as const, title: "Month", format: null };
    expect(cellText(time, "2026-07-01")).toBe("Jul 2026");
    expect(cellText({ ...time, member: "Calls.occurredAt.quarter" }, "2026-07-01")).toBe("Q3 2026");
    expect(cellText({ ...time, member: "Calls.occurredAt.week" }, "2026-06-29")).toBe("Week of Jun 29, 2026");
    expect(cellText({ ...time, member: "PartD.year.year" }, "2023-01-01")).toBe("2023");
    expect(cellText({ ...calls!, format: "percent" }, 0.1826)).toBe("18.3 %");
  });

  it("exports exactly the table as CSV, with a cell a spreadsheet would run as a formula made inert", () => {
    expect(csvOf(result())).toBe('Rep,Calls,Call frequency\r\nKevin Walsh,1234,1.5\r\n"\'=HYPERLINK(""x"")",2,\r\n');
  });

  it("charts counts together and leaves a ratio beside them out; no chart when the shape has none", () => {
    expect(chartOf(result())).toMatchObject({ kind: "bar", series: [{ key: "m0", title: "Calls" }] });
    expect(chartOf(result({ chart: "none" }))).toBeNull();
  });
});

describe("the forecast on the chart", () => {
  it("continues the line, dashed, from the last complete month to the forecast one", () => {
    const trend = result({
      chart: "line",
      columns: [
        { member: "Calls.occurredAt.month", key: "t0", kind: "time", title: "Month", format: null },
        { member: "Calls.count", key: "m0", kind: "measure", title: "Calls", format: "count" },
      ],
      rows: [
        { t0: "2026-08-01", m0: 10 },
        { t0: "2026-09-01", m0: 20 },
        { t0: "2026-10-01", m0: 30 },
        { t0: "2026-11-01", m0: 40 },
      ],
      forecast: { key: "m0", period: "2026-12-01", value: 50, method: "A straight line." },
    });
    const chart = chartOf(trend)!;
    expect(chart.series).toEqual([
      { key: "m0", title: "Calls" },
      { key: "forecast", title: "Forecast", dashed: true },
    ]);
    expect(chart.data.slice(-2)).toEqual([
      { t0: "2026-11-01", m0: 40, forecast: 40, label: "Nov 2026" },
      { t0: "2026-12-01", forecast: 50, label: "Dec 2026" },
    ]);
    expect(chart.data[0]).not.toHaveProperty("forecast");
  });
});

describe("changing the query on the card", () => {
  const query = result().query;
  const inQ3 = {
    ...query,
    timeDimensions: [
      { dimension: "Calls.occurredAt" as const, dateRange: ["2026-07-01", "2026-09-30"] as [string, string] },
    ],
  };

  it("breaks down by another dimension or a time grain, keeping the measures, filters and period", () => {
    expect(withBreakdowns(inQ3, ["Territories.name"])).toMatchObject({
      measures: query.measures,
      dimensions: ["Territories.name"],
      timeDimensions: [{ dateRange: ["2026-07-01", "2026-09-30"] }],
    });
    expect(withBreakdowns(inQ3, ["time:month"])).toMatchObject({
      dimensions: [],
      timeDimensions: [{ granularity: "month", dateRange: ["2026-07-01", "2026-09-30"] }],
    });
    expect(breakdownsOf(withBreakdowns(inQ3, []))).toEqual([]);
    expect(breakdownsOf(withBreakdowns(inQ3, ["time:month", "Reps.name", "Reps.name"]))).toEqual([
      "time:month",
      "Reps.name",
    ]);
  });

  it("breaks Part D down by its own time, the data year, and offers no other grain", () => {
    const share = { ...query, measures: ["PartD.share" as const], dimensions: [] };
    expect(grainsOf(share)).toEqual([["year", "Year"]]);
    expect(withBreakdowns(share, ["time:year"]).timeDimensions).toEqual([
      { dimension: "PartD.year", granularity: "year" },
    ]);
    expect(grainsOf(query).map(([grain]) => grain)).toEqual(["week", "month", "quarter", "year"]);
  });

  it("changes the period, keeping the grain, or drops it", () => {
    expect(withRange(withBreakdowns(inQ3, ["time:week"]), "last quarter").timeDimensions).toEqual([
      { dimension: "Calls.occurredAt", granularity: "week", dateRange: "last quarter" },
    ]);
    expect(withRange(withBreakdowns(inQ3, ["time:week"]), null).timeDimensions).toEqual([
      { dimension: "Calls.occurredAt", granularity: "week" },
    ]);
    expect(withRange(inQ3, null).timeDimensions).toEqual([]);
  });
});
