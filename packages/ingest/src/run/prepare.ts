// Preparing a chunk needs no database: read records, validate each, claim keys, stage the valid rows as JSON. It
// yields plain data, so it can run in a worker thread while the main thread writes the previous chunk.
import { reasonOf } from "../fields/row-fields";
import { type CsvRecord } from "../csv/read-csv";
import { prepareStage, type PreparedStage, type StageFormat } from "../load/stage";
import { type Session } from "./session";

export interface Quarantined {
  line: number;
  rawRow: string;
  reason: string;
}

/** A row that claimed its key: valid (`row` indexes `PreparedChunk.rows`) or quarantined for another reason. */
export interface Claim {
  key: string;
  label: string;
  line: number;
  rawRow: string;
  row: number;
  rejected?: Quarantined;
}

export interface PreparedChunk {
  records: number;
  /** Checkpoint after the chunk: byte offset and physical line where the next record starts. */
  end: number;
  nextLine: number;
  quarantined: Quarantined[];
  claims: Claim[];
  /**
   * Valid rows and their kinds: enough to re-stage the chunk should a later check drop some. A worker sends the
   * rows as one JSON string instead (parsed only in that rare case).
   */
  rows?: unknown[];
  rowsJson?: string;
  kinds: (string | null)[];
  stage: PreparedStage;
}

export const duplicateReason = (line: number, label: string) => `duplicate of line ${line} (same ${label})`;

/**
 * Validates records. The first row with a key claims it, valid or not; a later row with the same key is a
 * duplicate of it (so a copy never stands in for a rejected row).
 */
export function prepareChunk(session: Session, records: CsvRecord[], format: StageFormat): PreparedChunk {
  const { pipeline, columns, readRecord, schema } = session;
  const quarantined: Quarantined[] = [];
  const claims: Claim[] = [];
  const valid: unknown[] = [];
  const firstLine = new Map<string, number>();
  for (const record of records) {
    const rejection = (reason: string): Quarantined => ({ line: record.line, rawRow: record.raw, reason });
    if (record.malformed) {
      quarantined.push(rejection(`malformed CSV: ${record.malformed}`));
      continue;
    }
    if (record.fields.length !== columns.width) {
      quarantined.push(rejection(`has ${record.fields.length} fields where the header has ${columns.width}`));
      continue;
    }
    const raw = readRecord(record.fields);
    const key = pipeline.key(raw);
    if (key) {
      const earlier = firstLine.get(key.key);
      if (earlier !== undefined) {
        quarantined.push(rejection(duplicateReason(earlier, key.label)));
        continue;
      }
      firstLine.set(key.key, record.line);
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) valid.push(parsed.data);
    const rejected = parsed.success ? undefined : rejection(reasonOf(parsed.error));
    // No readable key means a required key field is missing, which validation reports.
    if (!key) {
      if (rejected) quarantined.push(rejected);
      continue;
    }
    const claim: Claim = { key: key.key, label: key.label, line: record.line, rawRow: record.raw, row: parsed.success ? valid.length - 1 : -1 };
    if (rejected) claim.rejected = rejected;
    claims.push(claim);
  }
  const last = records.at(-1);
  return {
    records: records.length,
    end: last?.end ?? 0,
    nextLine: last?.nextLine ?? 0,
    quarantined,
    claims,
    rows: valid,
    kinds: pipeline.kind ? valid.map((row) => pipeline.kind!(row)) : valid.map(() => null),
    stage: prepareStage(pipeline.stage(valid), format),
  };
}

export const validRows = (chunk: PreparedChunk): unknown[] => chunk.rows ?? (JSON.parse(chunk.rowsJson ?? "[]") as unknown[]);
