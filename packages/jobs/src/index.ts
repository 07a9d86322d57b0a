// @pharmacrm/jobs: Inngest functions for CMS ingestion and HCP profile embeddings, and the in-process runner that
// executes them when no Inngest server is configured (the embedded default).
export { inngest } from "./client";
export {
  datasetSchema,
  embedRequestSchema,
  hcpProfilesEmbedRequested,
  importEventFor,
  importRequestSchema,
  importRequested,
  nppes2017ImportRequested,
  type ImportRequest,
} from "./events";
export {
  functions,
  defineImport,
  defineEmbedHcpProfiles,
  NO_EMBEDDING_MODEL,
  type EmbedProfilesResult,
  type ImportFunctionSpec,
} from "./functions";
export { importDataset, type ImportStep, type RunSummary } from "./import-dataset";
export { ImportFileError } from "./errors";
export {
  MAX_IMPORT_BYTES,
  isUrl,
  receivedDir,
  removeImportFile,
  resolveImportSource,
  safeFileName,
  saveImportFile,
  tooLargeMessage,
  type ImportSource,
  type ImportSourceOptions,
} from "./import-files";
export { KEEP_RECEIVED_DAYS } from "./received-cleanup";
export { importDir, importFolderFile, OUTSIDE_IMPORT_FOLDER } from "./import-folder";
export { isPublicAddress, MAX_REDIRECTS, type DownloadGuard, type ResolveHost } from "./url-download";
export {
  applyPlatformOperators,
  isPlatformOperator,
  listPlatformOperators,
  setPlatformOperator,
  UnknownUserError,
} from "./platform-operator";
export {
  requestImport,
  requestUploadImport,
  resumeEmbeddings,
  resumeImports,
  sendJobEvents,
  type ImportRequester,
  type ImportStarted,
  type UploadImport,
} from "./send";
export { configureInProcessRunner, drainInProcessRunner, isImportBusy } from "./runner/in-process-runner";
