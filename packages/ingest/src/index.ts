// @pharmacrm/ingest: one streaming, validating, resumable pipeline per public dataset (NPPES and its companion
// files, Part D, Open Payments, NUCC taxonomy, ZIP centroids), with quarantine and lineage in the database.
export { startRun, startRunInput, type StartRunInput } from "./run/start-run";
export {
  ingestChunk,
  runIngestion,
  resumeRun,
  DEFAULT_CHUNK_ROWS,
  type ChunkOptions,
  type RunOptions,
} from "./run/run-ingestion";
export {
  getRun,
  listRuns,
  listQuarantine,
  quarantineSummary,
  type IngestionRun,
  type ListRunsOptions,
  type QuarantinedRow,
} from "./run/queries";
export { type RunDetails } from "./run/details";
export { IngestionError, IngestionAbortedError, ConcurrentRunError } from "./errors";
export { DATASETS, pipelines, type Dataset, type DatasetPipeline } from "./datasets";
export { readCsv, readCsvObjects, type CsvRecord, type ReadCsvOptions } from "./csv/read-csv";
export { sha256Files } from "./csv/checksum";
export { fileHead, notCsvFileReason, notCsvReason, SNIFF_BYTES } from "./csv/sniff-text";
export { isValidNpi, npiCheckDigit } from "./fields/npi";
export { insertInBatches, ROWS_PER_STATEMENT, type InsertOptions } from "./load/batch-insert";
