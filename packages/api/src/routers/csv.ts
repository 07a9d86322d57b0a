// CSV for the audit exports: RFC 4180 quoting, and a cell that a spreadsheet would run as a formula is defused.

/** RFC 4180 quoting; a cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with '. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A header and rows of cells as one CSV document (CRLF line ends, as RFC 4180 has them). */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header.map(csvCell).join(","), ...rows.map((row) => row.map(csvCell).join(","))].join("\r\n") + "\r\n";
}
