// Server paths the app may import: only files inside the one import folder (IMPORT_DIR, by default
// <workspace>/.data/imports), checked on the real path, so neither "../" nor an absolute path nor a symlink leads
// out of it. Messages name the file by its path inside the folder, never where the folder is on the server, and a
// path outside the folder is refused before anything is looked up there (no probing which files exist).
import { constants } from "node:fs";
import { access, mkdir, realpath, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";

import { env } from "@pharmacrm/config/env";
import { dataDir } from "@pharmacrm/config/paths";

import { ImportFileError } from "./errors";

/** The import folder, absolute. */
// Paths here are known only at run time: the turbopackIgnore comments keep Next from tracing the whole repository.
export const importDir = (): string =>
  resolve(/*turbopackIgnore: true*/ env().IMPORT_DIR ?? join(dataDir(), "imports"));

export const OUTSIDE_IMPORT_FOLDER =
  "Only files in the server's import folder can be loaded. Copy the file there (IMPORT_DIR) and give its name, or its path inside that folder.";

export interface ImportFolderFile {
  /** The real absolute path: for reading and resuming, never shown. */
  path: string;
  /** Its path inside the import folder ("cms/npidata_pfile.csv"): what messages and the run show. */
  name: string;
}

const isInside = (folder: string, path: string): boolean =>
  path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

const shownName = (folder: string, path: string): string => relative(folder, path).split(sep).join("/");

/** A readable, non-empty file inside the import folder, named relative to it (or absolute, if inside it). */
export async function importFolderFile(given: string, folder: string = importDir()): Promise<ImportFolderFile> {
  const text = given.trim();
  if (text === "" || text.includes("\0"))
    throw new ImportFileError("Give the file's name or its path inside the import folder.");
  const root = resolve(/*turbopackIgnore: true*/ folder);
  await mkdir(/*turbopackIgnore: true*/ root, { recursive: true });
  const realRoot = await realpath(/*turbopackIgnore: true*/ root);
  // Lexically first: "../x", "/etc/passwd" and the like never reach the file system.
  const candidate = resolve(/*turbopackIgnore: true*/ root, text);
  const base = isInside(root, candidate) ? root : isInside(realRoot, candidate) ? realRoot : null;
  if (!base) throw new ImportFileError(OUTSIDE_IMPORT_FOLDER);
  const name = shownName(base, candidate);

  let real: string;
  try {
    real = await realpath(/*turbopackIgnore: true*/ candidate);
  } catch {
    throw new ImportFileError(
      `There is no file ${name} in the import folder. Check the name; it is read on the server, not on your computer.`,
    );
  }
  // A symlink inside the folder may point anywhere: what counts is where it leads.
  if (!isInside(realRoot, real)) throw new ImportFileError(OUTSIDE_IMPORT_FOLDER);
  const info = await stat(/*turbopackIgnore: true*/ real);
  if (!info.isFile()) throw new ImportFileError(`${name} is not a file (a folder or a device).`);
  if (info.size === 0) throw new ImportFileError(`${name} is empty.`);
  await access(/*turbopackIgnore: true*/ real, constants.R_OK).catch(() => {
    throw new ImportFileError(
      `${name} is in the import folder but the server may not read it (check its permissions).`,
    );
  });
  return { path: real, name };
}
