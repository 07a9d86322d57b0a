import { describe, expect, it } from "vitest";

import { breakdownsOf, withBreakdowns, withRange } from "../../copilot/cards/analytics-figures";
import { ALL_ROWS, queryFromUrl, runnable, startQuery, toggleMeasure, topOf, withTop } from "./explore-query";

describe("the explore view's question", () => {
  it("starts each source over the period people ask it over", () => {
    expect(startQuery("Calls", "Calls.count").timeDimensions).toEqual([
      { dimension: "Calls.occurredAt", dateRange: "last 90 days" },
    ]);
    expect(startQuery("PartD", "PartD.claims").timeDimensions).toEqual([]);
    expect(startQuery("Tasks", "Tasks.open")).toMatchObject({
      measures: ["Tasks.open"],
      timeDimensions: [],
      limit: ALL_ROWS,
    });
  });

  it("keeps at least one measure, and a top N follows the first measure", () => {
    const q = withTop(toggleMeasure(startQuery("Calls", "Calls.count"), "Calls.reach", true), "top:10");
    expect(q).toMatchObject({ measures: ["Calls.count", "Calls.reach"], order: [["Calls.count", "desc"]], limit: 10 });
    const without = toggleMeasure(q, "Calls.count", false);
    expect(without).toMatchObject({ measures: ["Calls.reach"], order: [["Calls.reach", "desc"]], limit: 10 });
    expect(toggleMeasure(without, "Calls.reach", false)).toBe(without);
    expect(topOf(without)).toBe("top:10");
    expect(topOf(withTop(without, "bottom:5"))).toBe("bottom:5");
    expect(withTop(without, "all")).toMatchObject({ order: [], limit: ALL_ROWS });
  });

  it("breaks down by a time grain and a dimension, keeping the period", () => {
    const q = withBreakdowns(startQuery("Calls", "Calls.count"), ["time:month", "Territories.name"]);
    expect(q.timeDimensions).toEqual([
      { dimension: "Calls.occurredAt", granularity: "month", dateRange: "last 90 days" },
    ]);
    expect(q.dimensions).toEqual(["Territories.name"]);
    expect(breakdownsOf(q)).toEqual(["time:month", "Territories.name"]);
    const flat = withBreakdowns(q, ["Reps.name", "Reps.name"]);
    expect(flat.dimensions).toEqual(["Reps.name"]);
    expect(flat.timeDimensions).toEqual([{ dimension: "Calls.occurredAt", dateRange: "last 90 days" }]);
    expect(breakdownsOf(withBreakdowns(q, []))).toEqual([]);
  });

  it("changes the period without losing the grain, and drops it", () => {
    const q = withBreakdowns(startQuery("Calls", "Calls.count"), ["time:quarter"]);
    expect(withRange(q, ["2026-01-01", "2026-06-30"]).timeDimensions).toEqual([
      { dimension: "Calls.occurredAt", granularity: "quarter", dateRange: ["2026-01-01", "2026-06-30"] },
    ]);
    expect(withRange(q, null).timeDimensions).toEqual([{ dimension: "Calls.occurredAt", granularity: "quarter" }]);
    expect(withRange(withBreakdowns(q, []), null).timeDimensions).toEqual([]);
  });

  it("sends only the filters that have a value", () => {
    const q = {
      ...startQuery("Calls", "Calls.count"),
      filters: [
        { member: "Hcps.tier" as const, operator: "equals" as const, values: [] },
        { member: "Calls.channel" as const, operator: "equals" as const, values: ["phone"] },
        { member: "Hcps.segment" as const, operator: "set" as const, values: [] },
      ],
    };
    expect(runnable(q).filters.map((f) => f.member)).toEqual(["Calls.channel", "Hcps.segment"]);
  });

  it("reads a question from the URL only when it has a question's shape", () => {
    expect(
      queryFromUrl('{"measures":["Calls.count"],"filters":[{"member":"Calls.channel","operator":"set"}]}'),
    ).toEqual({
      measures: ["Calls.count"],
      dimensions: [],
      filters: [{ member: "Calls.channel", operator: "set", values: [] }],
      timeDimensions: [],
      order: [],
      limit: ALL_ROWS,
    });
    for (const bad of [
      "{",
      "null",
      '"x"',
      "[]",
      '{"measures":[]}',
      '{"measures":[1]}',
      '{"measures":["Calls.count"],"filters":"x"}',
      '{"measures":["Calls.count"],"filters":[{"member":1}]}',
      '{"measures":["Calls.count"],"filters":[{"member":"Hcps.tier","operator":"equals","values":null}]}',
      '{"measures":["Calls.count"],"order":[["a"]]}',
      '{"measures":["Calls.count"],"limit":"10"}',
    ])
      expect(queryFromUrl(bad), bad).toBeNull();
  });
});
