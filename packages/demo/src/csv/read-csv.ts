// Streams a CSV file as records keyed by header name, never holding the whole file in memory.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";

export type CsvRecord = Record<string, string>;

export interface CsvSource {
  records: AsyncIterable<CsvRecord>;
  /** The header row as read; available once the first record has been yielded. */
  header(): readonly string[];
}

export function openCsv(file: string): CsvSource {
  let header: string[] = [];
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    columns: (names: string[]) => {
      header = names;
      return names;
    },
  });
  // A read error destroys the parser with that error, so the consumer's for-await throws it.
  const input = createReadStream(file);
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  return { records: parser as AsyncIterable<CsvRecord>, header: () => header };
}

/** SHA-256 of a file's bytes, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

/** Fails fast when a file lacks a column the mapping needs (a renamed or shifted layout). */
export function assertColumns(file: string, header: readonly string[], required: readonly string[]): void {
  const present = new Set(header);
  const missing = required.filter((column) => !present.has(column));
  if (missing.length > 0) throw new Error(`${file} lacks expected columns: ${missing.join(", ")}`);
}
