// Streams a CSV file as batches of records with exact byte offsets and physical line numbers, so a run can
// checkpoint after any record and resume there. RFC 4180: quoted or unquoted fields, "" escapes, CRLF or LF,
// newlines inside quotes. csv-parse reads the 330-column NPPES file at ~12k rows/s on one core, below the whole
// pipeline's 10k rows/s budget; this scanner decodes bytes as latin1 (one char per byte, so positions are byte
// offsets), slices fields with indexOf, and re-decodes only the rare fields holding UTF-8 multi-byte text.
import { createReadStream } from "node:fs";

export interface CsvRecord {
  fields: string[];
  /** Physical line (1-based) where the record starts. */
  line: number;
  /** Byte offset just past the record's line ending: where a resumed read starts. */
  end: number;
  /** Physical line just past the record (where a resumed read starts counting). */
  nextLine: number;
  /** The record as written in the file (without its line ending), for quarantine. */
  raw: string;
  /** Set when the record's quoting is broken; its fields are a best effort. */
  malformed?: string;
}

export interface ReadCsvOptions {
  /** Byte offset to start at (a record boundary from an earlier `end`). Default 0. */
  start?: number;
  /** Physical line number at `start`. Default 1. */
  line?: number;
  /** Bytes per read; default 1 MiB. */
  highWaterMark?: number;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const HIGH_BYTE = /[\x80-\xff]/;

const isBoundary = (c: number): boolean => c === COMMA || c === LF || c === CR;
const BOM = "\xef\xbb\xbf";

/** Bytes read as latin1 back to the UTF-8 text they encode. */
export const utf8 = (latin1: string): string =>
  HIGH_BYTE.test(latin1) ? Buffer.from(latin1, "latin1").toString("utf8") : latin1;

interface Scan {
  records: CsvRecord[];
  /** Chars of `text` consumed (complete records, including skipped blank lines). */
  consumed: number;
  line: number;
}

/**
 * Splits `text` (latin1, starting at byte `base`) into complete records. Unless `final`, a record that runs to the
 * end of `text` is left unconsumed: the next read completes it.
 */
function scan(text: string, base: number, firstLine: number, final: boolean): Scan {
  const records: CsvRecord[] = [];
  const n = text.length;
  const hasHighBytes = HIGH_BYTE.test(text);
  let i = 0;
  let line = firstLine;
  let consumed = 0;
  records: while (i < n) {
    const recordStart = i;
    const recordLine = line;
    // Blank lines separate nothing; skip them but keep counting lines.
    const first = text.charCodeAt(i);
    if (first === LF || (first === CR && text.charCodeAt(i + 1) === LF)) {
      if (first === CR && i + 1 >= n && !final) break;
      i += first === CR ? 2 : 1;
      line++;
      consumed = i;
      continue;
    }
    const fields: string[] = [];
    let malformed: string | undefined;
    let extraLines = 0;
    for (;;) {
      let value: string;
      if (
        i + 2 < n &&
        text.charCodeAt(i) === QUOTE &&
        text.charCodeAt(i + 1) === QUOTE &&
        isBoundary(text.charCodeAt(i + 2))
      ) {
        // "" — the commonest field of a fully quoted file.
        value = "";
        i += 2;
      } else if (i < n && text.charCodeAt(i) === QUOTE) {
        let from = i + 1;
        let escaped = false;
        let close: number;
        for (;;) {
          close = text.indexOf('"', from);
          if (close === -1 || (close + 1 >= n && !final)) {
            if (!final) break records;
            if (close === -1) {
              malformed = "a quoted field is never closed";
              close = n;
            }
            break;
          }
          if (text.charCodeAt(close + 1) === QUOTE) {
            escaped = true;
            from = close + 2;
            continue;
          }
          break;
        }
        value = text.slice(i + 1, close);
        if (escaped) value = value.replaceAll('""', '"');
        i = Math.min(close + 1, n);
        if (value.length > 0 && value.includes("\n")) extraLines += value.split("\n").length - 1;
        const after = i < n ? text.charCodeAt(i) : -1;
        if (after !== COMMA && after !== LF && after !== CR && after !== -1) {
          // Text after a closing quote: keep it, as a lenient reader would, and flag the record.
          malformed ??= `stray text after the closing quote of field ${fields.length + 1}`;
          let j = i;
          while (j < n && text.charCodeAt(j) !== COMMA && text.charCodeAt(j) !== LF) j++;
          if (j >= n && !final) break records;
          value += text.slice(i, j).replace(/\r$/, "");
          i = j;
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === LF) break;
          j++;
        }
        if (j >= n && !final) break records;
        value = text.slice(i, j);
        if (j < n && value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
        i = j;
      }
      fields.push(hasHighBytes ? utf8(value) : value);
      const c = i < n ? text.charCodeAt(i) : -1;
      if (c === COMMA) {
        i++;
        // A trailing comma at the very end of the file still ends with an empty field.
        if (i >= n) {
          if (!final) break records;
          fields.push("");
          break;
        }
        continue;
      }
      if (c === CR) {
        if (i + 1 >= n && !final) break records;
        i += text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        break;
      }
      if (c === LF) {
        i++;
        line++;
        break;
      }
      break; // end of the file
    }
    line += extraLines;
    let rawEnd = i;
    if (text.charCodeAt(rawEnd - 1) === LF) rawEnd--;
    if (text.charCodeAt(rawEnd - 1) === CR) rawEnd--;
    const raw = text.slice(recordStart, rawEnd);
    const record: CsvRecord = {
      fields,
      line: recordLine,
      end: base + i,
      nextLine: line,
      raw: hasHighBytes ? utf8(raw) : raw,
    };
    if (malformed) record.malformed = malformed;
    records.push(record);
    consumed = i;
  }
  return { records, consumed, line };
}

/** Yields the file's records in batches (one per read), from `start`. */
export async function* readCsv(file: string, options: ReadCsvOptions = {}): AsyncGenerator<CsvRecord[]> {
  let base = options.start ?? 0;
  let line = options.line ?? 1;
  let carry = "";
  const stream = createReadStream(file, { start: base, highWaterMark: options.highWaterMark ?? 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let text = carry + chunk.toString("latin1");
    if (base === 0 && carry === "" && text.startsWith(BOM)) {
      text = text.slice(BOM.length);
      base = BOM.length;
    }
    const result = scan(text, base, line, false);
    carry = text.slice(result.consumed);
    base += result.consumed;
    line = result.line;
    if (result.records.length > 0) yield result.records;
  }
  if (carry.length > 0) {
    const result = scan(carry, base, line, true);
    if (result.records.length > 0) yield result.records;
  }
}

/** Small trusted files (packaged reference data): records keyed by header name. */
export async function* readCsvObjects(file: string): AsyncGenerator<Record<string, string>> {
  let header: string[] | undefined;
  for await (const batch of readCsv(file)) {
    for (const record of batch) {
      if (!header) {
        header = record.fields.map((name) => name.trim());
        continue;
      }
      const fields = record.fields;
      yield Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ""]));
    }
  }
}
