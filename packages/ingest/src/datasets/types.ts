// What a dataset supplies to the one ingestion engine: how its columns are named, how a row is validated and
// keyed, and how a chunk of valid rows is staged and merged. Everything else (streaming, quarantine, duplicates,
// checkpoints, lineage) is the engine's.
import { type PgTable } from "drizzle-orm/pg-core";
import { type z } from "zod";

import { type datasetKind, type Db } from "@pharmacrm/db";

import { type ColumnSpec, type RawRecord, type ResolvedColumns } from "../csv/columns";
import { type MergeCounts } from "../load/merge";
import { type StagedChunk, type StageSource } from "../load/stage";

export type Dataset = (typeof datasetKind.enumValues)[number];

export interface RunInput {
  /** File name as given (its base name is recorded as the source file). */
  fileName: string;
  /** Caller's data year (Part D), if any. */
  year?: number;
  /** The first data row, for datasets that read their year from content. */
  firstRow?: RawRecord<string>;
}

export interface RunDescription {
  dataYear: number | null;
  release: string | null;
}

export interface RowContext {
  dataYear: number | null;
}

/** A row's identity within a file (the duplicate rule) and how to name it in a reason. */
export interface RowKey {
  key: string;
  /** e.g. "NPI 1234567893 and drug METFORMIN HCL". */
  label: string;
}

export interface ChunkMerge extends MergeCounts {
  /** Extra figures for the run's details (summed over chunks), e.g. rows removed. */
  tallies?: Record<string, number>;
}

export interface DatasetPipeline<F extends string = string, Row = unknown> {
  dataset: Dataset;
  /** Human name, for messages and the CLI. */
  title: string;
  columns: ColumnSpec<F>;
  /** How the duplicate rule works for this dataset, in words (recorded in the run's details). */
  duplicateRule: string;
  /** Data year and release label, from the caller, the file name or the first row; throws IngestionError. */
  describe(input: RunInput): RunDescription;
  /** The row schema for one file: raw record → validated row. */
  rowSchema(columns: ResolvedColumns<F>, context: RowContext): z.ZodType<Row, RawRecord<F>>;
  /**
   * A row's identity, read from the raw record before validation: the first row with a key claims it, valid or not,
   * so a later copy never stands in for a rejected one. Undefined when the key fields are unreadable.
   */
  key(record: RawRecord<F>): RowKey | undefined;
  /** A label counted in the run's details (e.g. individual / organization / deactivated). */
  kind?(row: Row): string;
  /** The chunk's valid rows, grouped by merge target. */
  stage(rows: readonly Row[]): StagedChunk;
  /** Merges the staged chunk (inside the chunk's transaction); counts are per source row. */
  merge(tx: Db, source: StageSource): Promise<ChunkMerge>;
  /**
   * Tables whose secondary indexes a bulk load (a file bringing more rows than they hold) drops at the start and
   * builds at the end.
   */
  bulkTables?: readonly PgTable[];
  /** After the last chunk (same transaction that marks the run succeeded). */
  finalize?(tx: Db, runId: string): Promise<Record<string, number>>;
}

/** Keeps the dataset's field type while storing pipelines side by side. */
export const definePipeline = <F extends string, Row>(pipeline: DatasetPipeline<F, Row>): DatasetPipeline<F, Row> =>
  pipeline;
