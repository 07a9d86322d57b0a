// What processing a run's file needs, rebuilt from the run row each time (so any process can continue any run):
// the pipeline, the header mapped to fields, the row schema and the reader position.
import { basename } from "node:path";
import { z } from "zod";

import { recordReader, resolveColumns, type RawRecord, type ResolvedColumns } from "../csv/columns";
import { readCsv, type CsvRecord } from "../csv/read-csv";
import { pipelines } from "../datasets";
import { type Dataset, type DatasetPipeline } from "../datasets/types";
import { IngestionError } from "../errors";

export interface HeaderInfo {
  fields: string[];
  /** Where the data starts in the data file: after the header row, or at 0 when the header is separate. */
  dataStart: number;
  dataLine: number;
  /** The first data row, for datasets that read their year from content. */
  firstRow?: CsvRecord;
}

/** Reads the header (from the header file, or the data file's first row) and peeks at the first data row. */
export async function readHeaderInfo(file: string, headerFile?: string | null): Promise<HeaderInfo> {
  let header: CsvRecord | undefined;
  if (headerFile) {
    for await (const batch of readCsv(headerFile, { highWaterMark: 64 * 1024 })) {
      header = batch[0];
      break;
    }
    if (!header) throw new IngestionError(`${basename(headerFile)} is empty: no header row`);
  }
  let firstRow: CsvRecord | undefined;
  for await (const batch of readCsv(file, { highWaterMark: 256 * 1024 })) {
    if (!header) {
      header = batch[0];
      firstRow = batch[1];
    } else {
      firstRow = batch[0];
    }
    if (firstRow || batch.length > 1) break;
  }
  if (!header) throw new IngestionError(`${basename(file)} is empty`);
  return headerFile
    ? { fields: header.fields, dataStart: 0, dataLine: 1, firstRow }
    : { fields: header.fields, dataStart: header.end, dataLine: header.nextLine, firstRow };
}

export interface Session {
  pipeline: DatasetPipeline<string, unknown>;
  columns: ResolvedColumns<string>;
  readRecord: (fields: readonly string[]) => RawRecord<string>;
  schema: z.ZodType<unknown, RawRecord<string>>;
}

export function openSession(
  dataset: Dataset,
  header: readonly string[],
  fileName: string,
  dataYear: number | null,
): Session {
  const pipeline = pipelines[dataset];
  const columns = resolveColumns(header, pipeline.columns, basename(fileName));
  // A compiled fast path for valid rows; invalid ones fall back to the regular parser for identical messages.
  const schema = z.compile(pipeline.rowSchema(columns, { dataYear }));
  return { pipeline, columns, readRecord: recordReader(columns), schema };
}
