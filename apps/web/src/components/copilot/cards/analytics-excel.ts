// An analytics result as an Excel workbook (exceljs, loaded only when someone exports): the table with figures as
// numbers and periods as dates, and a second sheet saying what was counted — the period, the conditions, the
// definitions and the query — so a file passed on still carries its meaning.
import type * as ExcelJsModule from "exceljs";

import type { AnalyticsResult } from "@pharmacrm/domain";
import { NO_PERIOD } from "@pharmacrm/domain/figures";

import { cellText } from "./analytics-figures";

type ExcelJs = typeof ExcelJsModule;

const DATE_FORMATS: Record<string, string> = {
  year: "yyyy",
  quarter: "mmm yyyy",
  month: "mmm yyyy",
  week: "d mmm yyyy",
  day: "d mmm yyyy",
};

export async function excelOf(result: AnalyticsResult, title: string): Promise<ArrayBuffer> {
  // Node hands a CommonJS module over as `default`; bundlers may hand over its exports directly.
  const loaded: ExcelJs & { default?: ExcelJs } = await import("exceljs");
  const { Workbook } = loaded.default ?? loaded;
  const book = new Workbook();
  book.creator = "PharmaCRM";
  book.created = new Date();

  const sheet = book.addWorksheet("Result", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = result.columns.map((c) => ({
    header: c.title,
    key: c.key,
    width: Math.max(12, c.title.length + 4),
    style:
      c.kind === "time"
        ? { numFmt: DATE_FORMATS[c.member.split(".").at(-1) ?? "day"] ?? "d mmm yyyy" }
        : c.kind === "measure"
          ? {
              numFmt:
                c.format === "ratio"
                  ? "0.00"
                  : c.format === "days"
                    ? "0.0"
                    : c.format === "percent"
                      ? "0.0%"
                      : c.format === "usd"
                        ? '"$"#,##0.00'
                        : "#,##0",
            }
          : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of result.rows) {
    sheet.addRow(
      Object.fromEntries(
        result.columns.map((c) => {
          const value = row[c.key];
          if (value === null || value === undefined) return [c.key, null];
          if (c.kind === "time" && typeof value === "string") return [c.key, new Date(`${value}T00:00:00Z`)];
          if (c.kind === "measure") return [c.key, Number(value)];
          return [c.key, cellText(c, value)];
        }),
      ),
    );
  }
  for (const column of sheet.columns) {
    const widest = Math.max(...(column.values ?? []).map((v) => (typeof v === "string" ? v.length : 10)));
    column.width = Math.min(48, Math.max(column.width ?? 12, widest + 2));
  }

  const about = book.addWorksheet("About");
  about.columns = [
    { key: "what", width: 18 },
    { key: "text", width: 100 },
  ];
  const lines: [string, string][] = [
    ["Question", title],
    ["Source", result.source.title],
    [
      "Period",
      result.cube === "PartD" || result.cube === "Payments"
        ? (result.source.period ?? "Every year loaded")
        : result.range
          ? `${result.range[0]} to ${result.range[1]} (UTC days)`
          : NO_PERIOD[result.cube],
    ],
    ...(result.note ? [["Note", result.note] as [string, string]] : []),
    ...result.conditions.map((c): [string, string] => ["Condition", c]),
    ...result.definitions.map((d): [string, string] => [d.title, d.description]),
    ["Scope", "Within what the person who exported it may see."],
    ["Rows", result.truncated ? `The first ${result.rows.length}; there were more.` : String(result.rows.length)],
    ["Query", JSON.stringify(result.query)],
  ];
  for (const [what, text] of lines) about.addRow({ what, text });
  about.getColumn("what").font = { bold: true };
  about.getColumn("text").alignment = { wrapText: true, vertical: "top" };

  return book.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}
