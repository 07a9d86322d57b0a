// Starting work: with an Inngest server configured, events go to Inngest; without one, the in-process runner
// runs the same function handlers here. requestImport is what the API and the upload route call.
import { getEmbeddingModel, hcpProfilesWithoutVector, type HcpEmbeddingModel } from "@pharmacrm/ai";
import { inngestConfigured } from "@pharmacrm/config/env";
import { type Db } from "@pharmacrm/db";
import { recordAudit, type Scope } from "@pharmacrm/domain";
import { IngestionError, startRun, type IngestionRun } from "@pharmacrm/ingest";

import { inngest } from "./client";
import { ImportFileError } from "./errors";
import { hcpProfilesEmbedRequested, importEventFor, importRequestSchema, type ImportRequest } from "./events";
import {
  removeImportFile,
  resolveImportSource,
  saveImportFile,
  type ImportSource,
  type ImportSourceOptions,
} from "./import-files";
import { removeStaleReceivedFiles } from "./received-cleanup";
import { isImportBusy, resumeInterruptedImports, runInProcess } from "./runner/in-process-runner";
import { type JobEvent } from "./runner/in-process-step";

/** Sends events to Inngest, or runs their functions in-process in the background. Returns the event ids. */
export async function sendJobEvents(db: Db, events: JobEvent[]): Promise<string[]> {
  if (inngestConfigured()) return (await inngest.send(events)).ids;
  await resumeInterruptedImports(db);
  return events.map((event) => runInProcess(db, event));
}

/** The embedded runner continues runs a restart interrupted; with Inngest, Inngest retries its own. */
export async function resumeImports(db: Db): Promise<void> {
  if (!inngestConfigured()) await resumeInterruptedImports(db);
}

/**
 * On server start: when active HCPs lack a vector from the configured model (a new or changed EMBEDDING_MODEL,
 * HCPs loaded while no model was set), the embedding job is asked to catch up, in-process or through Inngest
 * (the event id deduplicates several app instances starting together). Returns the event id, or null.
 */
export async function resumeEmbeddings(
  db: Db,
  model: HcpEmbeddingModel | null = getEmbeddingModel(),
): Promise<string | null> {
  if (!model) return null;
  const missing = await hcpProfilesWithoutVector(db, model.id);
  if (missing === 0) return null;
  const reason = `${missing} HCP profiles without a vector from ${model.id}`;
  const [id] = await sendJobEvents(db, [
    { name: hcpProfilesEmbedRequested.name, data: { reason }, id: `embed-catch-up-${model.id}-${missing}` },
  ]);
  return id ?? null;
}

/** Old copies of uploads and downloads go when a new import is asked for; failing to remove them fails nothing. */
async function removeOldReceivedFiles(db: Db, options: ImportSourceOptions): Promise<void> {
  await removeStaleReceivedFiles(db, { folder: options.folder }).catch((error: unknown) => {
    console.warn(`[jobs] old uploads could not be removed: ${error instanceof Error ? error.message : String(error)}`);
  });
}

export interface ImportStarted {
  run: IngestionRun;
  /** This exact file was loaded before: nothing was started. */
  alreadyLoaded: boolean;
}

/** Who asks for an import from the app: a platform operator (the callers check that; see platform-operator.ts),
 * by their scope, which the audit event is written in. */
export type ImportRequester = Scope;

/**
 * Checks the file (a path inside the import folder, or a public URL downloaded first, so a bad address is reported
 * at once), starts its run recording who asked, and sends the import event; the run id is known before any row is
 * read. The same file again is a no-op (same checksum); an unfinished run of it continues from its checkpoint.
 */
export async function requestImport(
  db: Db,
  input: ImportRequest,
  requester: ImportRequester,
  options: ImportSourceOptions = {},
): Promise<ImportStarted> {
  const request = importRequestSchema.parse(input);
  await removeOldReceivedFiles(db, options);
  const received: ImportSource[] = [];
  try {
    const source = await resolveImportSource(request.file, options);
    received.push(source);
    const header = request.headerFile ? await resolveImportSource(request.headerFile, options) : undefined;
    if (header) received.push(header);
    return await startRequestedImport(db, request, source, header, requester);
  } catch (error) {
    // A download this request made is of no use when its import cannot start.
    await Promise.all(received.filter((file) => file.received).map((file) => removeImportFile(file.path)));
    throw error;
  }
}

async function startRequestedImport(
  db: Db,
  request: ImportRequest,
  source: ImportSource,
  header: ImportSource | undefined,
  requester: ImportRequester,
): Promise<ImportStarted> {
  let run: IngestionRun;
  try {
    run = await startRun(db, {
      dataset: request.dataset,
      file: source.path,
      headerFile: header?.path,
      year: request.year,
      release: request.release,
      startedBy: requester.userId,
      startedVia: "app",
      sourceLocation: source.location,
    });
  } catch (error) {
    if (error instanceof IngestionError) throw new ImportFileError(error.message);
    throw error;
  }
  if (run.status === "succeeded") return { run, alreadyLoaded: true };
  // Recorded in the operator's own org: who loaded what, from where (the run keeps the same).
  await recordAudit(db, requester, {
    action: "reference_data.import",
    entityType: "data_source_run",
    entityId: run.id,
    after: { dataset: run.dataset, sourceFile: run.sourceFile, location: run.sourceLocation },
  });
  if (!isImportBusy(run.id)) {
    const event = importEventFor({ ...request, file: source.path, headerFile: header?.path, runId: run.id });
    // The same run in the same state is one event: a double click is deduplicated by Inngest and by the runner.
    await sendJobEvents(db, [{ ...event, id: `import-${run.id}-${run.updatedAt.getTime()}` }]);
  }
  return { run, alreadyLoaded: false };
}

export interface UploadImport extends Omit<ImportRequest, "file" | "runId" | "headerFile"> {
  /** The file's name on the uploader's computer (kept, made safe, after a unique prefix). */
  name: string;
}

/**
 * Streams an uploaded body to <import folder>/received/<uuid>/<safe name> (size-limited, never whole in memory)
 * and imports it. A file the dataset cannot use is removed again; so are old uploads (received-cleanup.ts).
 */
export async function requestUploadImport(
  db: Db,
  body: ReadableStream<Uint8Array>,
  upload: UploadImport,
  requester: ImportRequester,
  options: ImportSourceOptions = {},
): Promise<ImportStarted> {
  const { name, ...fields } = upload;
  const request = importRequestSchema.parse({ ...fields, file: name });
  await removeOldReceivedFiles(db, options);
  const path = await saveImportFile(body, name, options);
  try {
    return await startRequestedImport(db, request, { path, location: "upload", received: true }, undefined, requester);
  } catch (error) {
    await removeImportFile(path);
    throw error;
  }
}
