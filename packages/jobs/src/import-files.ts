// Where an import's file comes from: a path on the server (checked, never trusted), an http(s) URL (streamed to
// dataDir()/imports/), or an upload (streamed there by the route handler). Nothing is ever held whole in memory.
// Each upload gets its own folder, so the file keeps its name: runs show it, and releases and years are read from it.
import { createWriteStream } from "node:fs";
import { access, constants, mkdir, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { randomUUID } from "node:crypto";
import { dataDir } from "@pharmacrm/config/paths";
import { ImportFileError } from "./errors";

/** Uploads and downloads above this size are refused; bigger files are copied to the server and named by path. */
export const MAX_IMPORT_BYTES = 2 * 1024 ** 3;

export const importsDir = (): string => join(dataDir(), "imports");

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
  `The file is larger than ${megabytes(limit)}. Copy it to the server and give its path instead.`;

/** Checks that a server path is a readable file and returns it absolute. */
export async function readableFile(path: string): Promise<string> {
  const file = resolve(path.trim());
  const info = await stat(file).catch(() => undefined);
  if (!info) throw new ImportFileError(`No file at ${file}. Check the path; it is read on the server, not on your computer.`);
  if (!info.isFile()) throw new ImportFileError(`${file} is a folder, not a file.`);
  if (info.size === 0) throw new ImportFileError(`${file} is empty.`);
  await access(file, constants.R_OK).catch(() => {
    throw new ImportFileError(`${file} exists but the server may not read it (check its permissions).`);
  });
  return file;
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

/** Streams a body to dataDir()/imports/<uuid>/<safe name>; a partial file is removed on failure. */
export async function saveImportFile(body: ReadableStream<Uint8Array> | Readable, name: string, limit = MAX_IMPORT_BYTES): Promise<string> {
  const folder = join(importsDir(), randomUUID());
  await mkdir(folder, { recursive: true });
  const file = join(folder, safeFileName(name));
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
  return file;
}

/** Downloads an http(s) URL by streaming it to dataDir()/imports/. */
export async function downloadImportFile(url: string, limit = MAX_IMPORT_BYTES): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new ImportFileError(`${url} is not a valid URL.`);
  }
  let response: Response;
  try {
    response = await fetch(parsed, { redirect: "follow" });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new ImportFileError(`Could not reach ${parsed.host} (${cause?.code ?? cause?.message ?? (error as Error).message}).`, 502);
  }
  if (response.status === 404) throw new ImportFileError(`Nothing at ${parsed.href} (404 Not Found). Check the address.`, 404);
  if (!response.ok || !response.body) {
    throw new ImportFileError(`${parsed.host} answered ${response.status} ${response.statusText} for ${parsed.href}.`, 502);
  }
  const length = Number(response.headers.get("content-length") ?? "0");
  if (length > limit) {
    await response.body.cancel();
    throw new ImportFileError(tooLargeMessage(limit), 413);
  }
  return saveImportFile(response.body, decodeURIComponent(parsed.pathname.split("/").pop() ?? "") || parsed.host, limit);
}

/** The local file for a path or URL. */
export const localImportFile = (source: string): Promise<string> => (isUrl(source) ? downloadImportFile(source) : readableFile(source));
