// @pharmacrm/jobs: Inngest functions for CMS ingestion and the in-process runner that executes them when no
// Inngest server is configured (the embedded default).
export { inngest } from "./client";
export { datasetSchema, importEventFor, importRequestSchema, importRequested, nppes2017ImportRequested, type ImportRequest } from "./events";
export { functions, importSpecs, defineImport, type ImportFunctionSpec } from "./functions";
export { importDataset, type ImportStep, type RunSummary } from "./import-dataset";
export { ImportFileError } from "./errors";
export { MAX_IMPORT_BYTES, importsDir, isUrl, readableFile, removeImportFile, safeFileName, saveImportFile, tooLargeMessage } from "./import-files";
export { requestImport, requestUploadImport, resumeImports, sendJobEvents, type ImportStarted, type UploadImport } from "./send";
export { configureInProcessRunner, drainInProcessRunner, isImportBusy } from "./runner/in-process-runner";
