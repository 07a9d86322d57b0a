// Preparing a chunk needs no database: read records, validate each, find the chunk's own duplicates, and encode the
// valid rows for staging, with every keyed row's key and line as the "claim" target. It yields plain data, so it
// can run in a worker thread while the main thread writes the previous chunk; raw rows travel only when quarantined.
import { ingestRunKey } from "@pharmacrm/db";

import { type CsvRecord } from "../csv/read-csv";
import { reasonOf } from "../fields/row-fields";
import { prepareStage, type PreparedStage, type StageFormat } from "../load/stage";
import { type Session } from "./session";

export interface Quarantined {
  line: number;
  rawRow: string;
  reason: string;
}

/** The staged target holding the chunk's keys (key, line), claimed for the run through ingest_run_key. */
export const CLAIM_TARGET = "claim";

export interface PreparedChunk {
  records: number;
  /** Checkpoint after the chunk: byte offset and physical line where the next record starts. */
  end: number;
  nextLine: number;
  quarantined: Quarantined[];
  /** Valid rows, and their count per kind when the pipeline names kinds. */
  valid: number;
  kinds: Record<string, number>;
  stage: PreparedStage;
}

export const duplicateReason = (line: number, label: string) => `duplicate of line ${line} (same ${label})`;

/**
 * Validates records. The first row with a key claims it, valid or not; a later row with the same key is a
 * duplicate of it (so a copy never stands in for a rejected row). `claimedEarlier` maps lines whose key an
 * earlier chunk claimed to that chunk's line: those rows are duplicates too.
 */
export function prepareChunk(
  session: Session,
  records: CsvRecord[],
  format: StageFormat,
  claimedEarlier?: ReadonlyMap<number, number>,
): PreparedChunk {
  const { pipeline, columns, readRecord, schema } = session;
  const quarantined: Quarantined[] = [];
  const claims: { key: string; line: number }[] = [];
  const valid: unknown[] = [];
  const kinds: Record<string, number> = {};
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
      const earlier = firstLine.get(key.key) ?? claimedEarlier?.get(record.line);
      if (earlier !== undefined) {
        firstLine.set(key.key, earlier);
        quarantined.push(rejection(duplicateReason(earlier, key.label)));
        continue;
      }
      firstLine.set(key.key, record.line);
      claims.push({ key: key.key, line: record.line });
    }
    // No readable key means a required key field is missing, which validation reports.
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      quarantined.push(rejection(reasonOf(parsed.error)));
      continue;
    }
    valid.push(parsed.data);
    const kind = pipeline.kind?.(parsed.data);
    if (kind !== undefined) kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  const last = records.at(-1);
  return {
    records: records.length,
    end: last?.end ?? 0,
    nextLine: last?.nextLine ?? 0,
    quarantined,
    valid: valid.length,
    kinds,
    stage: prepareStage({ ...pipeline.stage(valid), [CLAIM_TARGET]: { table: ingestRunKey, rows: claims } }, format),
  };
}
