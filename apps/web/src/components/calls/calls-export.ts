// My calls as shown, exported: CSV, or an Excel workbook (exceljs, loaded only when someone exports) with dates as
// dates. The columns are the table's visible ones.
import { csvCell, csvText, textCell } from "~/lib/csv";
import type { RouterOutputs } from "~/trpc/react";
import type * as ExcelJsModule from "exceljs";

import { channelName } from "@pharmacrm/domain/channels";

export type Call = RouterOutputs["interaction"]["mine"]["calls"][number];

export const CALL_COLUMNS = {
  occurredAt: { title: "Date", text: (c: Call) => new Date(c.occurredAt).toISOString() },
  status: { title: "Status", text: (c: Call) => (c.status === "draft" ? "Draft" : "Submitted") },
  physician: { title: "Physician", text: (c: Call) => c.physician },
  npi: { title: "NPI", text: (c: Call) => c.npi },
  channel: { title: "Channel", text: (c: Call) => channelName(c.channel) },
  products: { title: "Products", text: (c: Call) => c.products.join("; ") },
  samples: { title: "Samples", text: (c: Call) => c.samples.map((s) => `${s.product} × ${s.quantity}`).join("; ") },
  notes: { title: "Notes", text: (c: Call) => c.notes ?? "" },
} as const;

export type CallColumn = keyof typeof CALL_COLUMNS;

export function callsCsv(calls: readonly Call[], columns: readonly CallColumn[]): string {
  return csvText([
    columns.map((c) => csvCell(CALL_COLUMNS[c].title)),
    ...calls.map((call) => columns.map((c) => textCell(CALL_COLUMNS[c].text(call)))),
  ]);
}

export async function callsExcel(calls: readonly Call[], columns: readonly CallColumn[]): Promise<ArrayBuffer> {
  const loaded: typeof ExcelJsModule & { default?: typeof ExcelJsModule } = await import("exceljs");
  const { Workbook } = loaded.default ?? loaded;
  const book = new Workbook();
  book.creator = "PharmaCRM";
  const sheet = book.addWorksheet("My calls", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: CALL_COLUMNS[c].title,
    key: c,
    width: c === "notes" ? 60 : c === "occurredAt" ? 18 : 24,
    style: c === "occurredAt" ? { numFmt: "d mmm yyyy hh:mm" } : {},
  }));
  for (const call of calls)
    sheet.addRow(
      Object.fromEntries(
        columns.map((c) => [c, c === "occurredAt" ? new Date(call.occurredAt) : CALL_COLUMNS[c].text(call)]),
      ),
    );
  return book.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}
