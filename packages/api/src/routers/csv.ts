// CSV and JSON exports of the audit screens: RFC 4180 quoting, a cell that a spreadsheet would run as a formula defused.

/** RFC 4180 quoting; a cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with '. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A header and rows of cells as one CSV document (CRLF line ends, as RFC 4180 has them). */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header.map(csvCell).join(","), ...rows.map((row) => row.map(csvCell).join(","))].join("\r\n") + "\r\n";
}

/** An export's file: `<prefix>-<UTC time>.<csv|json>`, its type and body. */
export function exportFile(prefix: string, format: "csv" | "json", body: { csv: () => string; json: () => unknown }) {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return {
    filename: `${prefix}-${stamp}.${format}`,
    contentType: format === "csv" ? "text/csv;charset=utf-8" : "application/json",
    content: format === "csv" ? body.csv() : JSON.stringify(body.json(), null, 2),
  };
}
