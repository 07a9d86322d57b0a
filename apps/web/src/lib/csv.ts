// CSV (RFC 4180) for exports: a cell with a comma, quote or line break quoted, and a cell a spreadsheet would run as
// a formula (=, +, -, @) quoted and prefixed with ' so it stays text.
export const csvCell = (text: string) =>
  /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;

/** A text cell safe from formula injection: leading =, +, - or @ kept as text. */
export const textCell = (text: string) => csvCell(`${/^[=+\-@]/.test(text) ? "'" : ""}${text}`);

/** Rows of cells as a CSV file's text, header first, CRLF line ends. */
export const csvText = (rows: readonly (readonly string[])[]) => rows.map((row) => row.join(",")).join("\r\n") + "\r\n";
