// @pharmacrm/jobs: Inngest functions for CMS ingestion and HCP profile embeddings, and the in-process runner that
// executes them when no Inngest server is configured (the embedded default).
export { inngest } from "./client";
export { datasetSchema, embedRequestSchema, hcpProfilesEmbedRequested, importEventFor, importRequestSchema, importRequested, nppes2017ImportRequested, type ImportRequest } from "./events";
export { functions, importSpecs, defineImport, defineEmbedHcpProfiles, NO_EMBEDDING_MODEL, type EmbedProfilesResult, type ImportFunctionSpec } from "./functions";
export { importDataset, type ImportStep, type RunSummary } from "./import-dataset";
export { ImportFileError } from "./errors";
export { MAX_IMPORT_BYTES, importsDir, isUrl, readableFile, removeImportFile, safeFileName, saveImportFile, tooLargeMessage } from "./import-files";
export { requestImport, requestUploadImport, resumeEmbeddings, resumeImports, sendJobEvents, type ImportStarted, type UploadImport } from "./send";
export { configureInProcessRunner, drainInProcessRunner, isImportBusy } from "./runner/in-process-runner";
