// A CSV file a person chooses for an import, read in the browser: refused over 2 MB or empty (the server checks the
// same), its first row kept for choosing columns.
import { parse } from "csv-parse/browser/esm/sync";

const MAX_BYTES = 2_000_000;

export interface ChosenCsv {
  name: string;
  text: string;
  /** The first row, for choosing columns; null when it cannot be read. */
  header: string[] | null;
}

function headerOf(text: string): string[] | null {
  try {
    // Read as the server reads it: blank lines skipped.
    const [first] = parse(text.replace(/^\uFEFF/, ""), {
      to_line: 50,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
    return first ?? null;
  } catch {
    return null;
  }
}

/** The file's text and header, or the reason it cannot be sent. */
export async function readChosenCsv(file: File): Promise<ChosenCsv | { problem: string }> {
  if (file.size > MAX_BYTES) return { problem: "The file is over 2 MB; split it." };
  const text = await file.text();
  if (text.trim() === "") return { problem: "The file is empty." };
  return { name: file.name, text, header: headerOf(text) };
}
