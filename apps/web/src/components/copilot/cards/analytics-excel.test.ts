import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import type { AnalyticsResult } from "@pharmacrm/domain";

import { excelOf } from "./analytics-excel";

const result: AnalyticsResult = {
  query: {
    measures: ["Calls.count", "Calls.frequency"],
    dimensions: ["Calls.channel"],
    timeDimensions: [{ dimension: "Calls.occurredAt", granularity: "month", dateRange: "last quarter" }],
    filters: [{ member: "Reps.name", operator: "equals", values: ["Kevin Walsh"] }],
    order: [],
    limit: 100,
  },
  columns: [
    { member: "Calls.channel", key: "d0", kind: "dimension", title: "Channel", format: null },
    { member: "Calls.occurredAt.month", key: "t0", kind: "time", title: "Month", format: null },
    { member: "Calls.count", key: "m0", kind: "measure", title: "Calls", format: "count" },
    { member: "Calls.frequency", key: "m1", kind: "measure", title: "Call frequency", format: "ratio" },
  ],
  rows: [
    { d0: "in_person", t0: "2026-07-01", m0: 1234, m1: 1.5 },
    { d0: '=HYPERLINK("http://x")', t0: "2026-08-01", m0: 2, m1: null },
  ],
  truncated: true,
  range: ["2026-07-01", "2026-09-30"],
  conditions: ["Rep is Kevin Walsh"],
  definitions: [{ member: "Calls.count", title: "Calls", description: "Calls (interactions) logged." }],
  cube: "Calls",
  source: { title: "CRM interactions", period: "2026-07-01 to 2026-09-30" },
  note: null,
  forecast: null,
  chart: "line",
  sql: null,
};

describe("excelOf", () => {
  it("writes the table with numbers as numbers, months as dates, and what was counted on a second sheet", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await excelOf(result, "Calls by channel"));
    const sheet = book.getWorksheet("Result")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Channel", "Month", "Calls", "Call frequency"]);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe("In person");
    expect(first.getCell(2).value).toEqual(new Date("2026-07-01T00:00:00Z"));
    expect(first.getCell(2).numFmt).toBe("mmm yyyy");
    expect(first.getCell(3).value).toBe(1234);
    expect(first.getCell(3).numFmt).toBe("#,##0");
    expect(first.getCell(4).value).toBe(1.5);
    // A value that looks like a formula stays text: nothing in an export runs.
    const second = sheet.getRow(3);
    expect(second.getCell(1).value).toBe('=HYPERLINK("http://x")');
    expect(second.getCell(1).formula).toBeUndefined();
    expect(second.getCell(4).value).toBeNull();
    expect(sheet.rowCount).toBe(3);

    const about = book.getWorksheet("About")!;
    const lines = about.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1).join(": ")] : []));
    expect(lines).toEqual([
      "Question: Calls by channel",
      "Source: CRM interactions",
      "Period: 2026-07-01 to 2026-09-30 (UTC days)",
      "Condition: Rep is Kevin Walsh",
      "Calls: Calls (interactions) logged.",
      "Scope: Within what the person who exported it may see.",
      "Rows: The first 2; there were more.",
      `Query: ${JSON.stringify(result.query)}`,
    ]);
  });
});
