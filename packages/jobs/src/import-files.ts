// Where an import's file comes from: a path inside the import folder (import-folder.ts), an http(s) URL from a
// public address (url-download.ts, streamed to the import folder), or an upload (streamed there by the route
// handler). Nothing is ever held whole in memory. Each upload or download gets its own folder, so the file keeps
// its name: runs show it, and releases and years are read from it.
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

import { notCsvFileReason } from "@pharmacrm/ingest";

import { ImportFileError } from "./errors";
import { importDir, importFolderFile } from "./import-folder";
import { openDownload, parseImportUrl, urlLocation, type DownloadGuard } from "./url-download";

/** Uploads and downloads above this size are refused; bigger files are copied to the server and named by path. */
export const MAX_IMPORT_BYTES = 2 * 1024 ** 3;

/** Where uploads and downloads land: a folder of the import folder, one subfolder per file. */
export const receivedDir = (folder: string = importDir()): string => join(folder, "received");

export const isUrl = (source: string): boolean => /^https?:\/\//i.test(source.trim());

/** A file name safe to keep: letters, digits, dot, dash and underscore; at most 120 characters. */
export function safeFileName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, "/"))
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+/, "")
    .slice(-120);
  return cleaned || "upload.csv";
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 2).toLocaleString("en-US")} MB`;

export const tooLargeMessage = (limit = MAX_IMPORT_BYTES) =>
  `The file is larger than ${megabytes(limit)}. Copy it to the server's import folder and give its name instead.`;

/** Where an app import reads from, and the limits of downloads; the defaults come from the environment. */
export interface ImportSourceOptions {
  /** The import folder; IMPORT_DIR by default. */
  folder?: string;
  /** Byte limit of uploads and downloads. */
  limit?: number;
  /** The URL guard (tests allow a loopback server and answer DNS themselves). */
  download?: DownloadGuard;
}

/** Removes a saved upload or download with its folder. */
export const removeImportFile = (file: string): Promise<void> => rm(dirname(file), { recursive: true, force: true });

/** Counts bytes as they pass and fails the stream past `limit`. */
function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(new ImportFileError(tooLargeMessage(limit), 413));
      else done(null, chunk);
    },
  });
}

/**
 * Streams a body to <import folder>/received/<uuid>/<safe name>; a partial file is removed on failure, and so is a
 * file that is not CSV text (an archive, a spreadsheet, an image): refused with what it looks like, never its bytes.
 */
export async function saveImportFile(
  body: ReadableStream<Uint8Array> | Readable,
  name: string,
  { folder, limit = MAX_IMPORT_BYTES }: Pick<ImportSourceOptions, "folder" | "limit"> = {},
): Promise<string> {
  const into = join(receivedDir(folder), randomUUID());
  await mkdir(into, { recursive: true });
  const file = join(into, safeFileName(name));
  const source = body instanceof Readable ? body : Readable.fromWeb(body as Parameters<typeof Readable.fromWeb>[0]);
  try {
    await pipeline(source, byteLimit(limit), createWriteStream(file, { flags: "wx" }));
  } catch (error) {
    await removeImportFile(file);
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`The file did not arrive completely (${(error as Error).message}). Please try again.`);
  }
  if ((await stat(file)).size === 0) {
    await removeImportFile(file);
    throw new ImportFileError("The file is empty.");
  }
  const notCsv = await notCsvFileReason(file);
  if (notCsv) {
    await removeImportFile(file);
    throw new ImportFileError(notCsv);
  }
  return file;
}

/** Downloads a public http(s) URL by streaming it to the import folder; returns the saved file. */
export async function downloadImportFile(url: URL, options: ImportSourceOptions = {}): Promise<string> {
  const limit = options.limit ?? MAX_IMPORT_BYTES;
  const download = await openDownload(url, options.download);
  try {
    if (download.length !== null && download.length > limit) {
      download.body.destroy();
      throw new ImportFileError(tooLargeMessage(limit), 413);
    }
    const last = download.url.pathname.split("/").pop() ?? "";
    let name = last;
    try {
      name = decodeURIComponent(last);
    } catch {
      // A malformed %-escape: keep the name as written (safeFileName cleans it).
    }
    return await saveImportFile(download.body, name || download.url.host, { folder: options.folder, limit }).catch(
      (error: unknown) => {
        if (download.timedOut())
          throw new ImportFileError(
            `${urlLocation(url)} took too long to download. Copy the file to the import folder instead.`,
            502,
          );
        throw error;
      },
    );
  } finally {
    download.done();
  }
}

export interface ImportSource {
  /** The local file to read (absolute; never shown). */
  path: string;
  /** What runs show as its origin: the path inside the import folder, "host/path" of the URL, or "upload". */
  location: string;
  /** Written by this request (a download or an upload): removed again when the import cannot start. */
  received: boolean;
}

/** The local file for a path inside the import folder or a public URL (downloaded first). */
export async function resolveImportSource(source: string, options: ImportSourceOptions = {}): Promise<ImportSource> {
  if (isUrl(source)) {
    const url = parseImportUrl(source);
    return { path: await downloadImportFile(url, options), location: urlLocation(url), received: true };
  }
  const file = await importFolderFile(source, options.folder);
  return { path: file.path, location: file.name, received: false };
}
