// The server's copies of uploaded and downloaded files (<import folder>/received/<uuid>/) are removed once they are
// old: whenever an import is asked for, copies older than a week go, unless a run still loading reads them (it is
// resumed from them after a restart). Age decides rather than the run finishing, because whether a run failed for
// good is not known here (Inngest retries a failed chunk) and some copies have no run of their own (the same file
// uploaded again). A failed run continues from a new copy of the same file: runs know files by checksum.
// Files the operator placed in the import folder are never touched.
import { readdir, realpath, rm, stat } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import { eq } from "drizzle-orm";

import { dataSourceRun, type Db } from "@pharmacrm/db";

import { receivedDir } from "./import-files";

/** How long a received file is kept after it arrived. */
export const KEEP_RECEIVED_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReceivedCleanupOptions {
  /** The import folder; IMPORT_DIR by default. */
  folder?: string;
  keepDays?: number;
  now?: Date;
}

/** The files runs that are still loading read from. */
async function filesOfRunningRuns(db: Db): Promise<string[]> {
  const runs = await db
    .select({ file: dataSourceRun.filePath, headerFile: dataSourceRun.headerFilePath })
    .from(dataSourceRun)
    .where(eq(dataSourceRun.status, "running"));
  return runs.flatMap((run) => [run.file, run.headerFile]).filter((file): file is string => file !== null);
}

/** Removes received copies older than `keepDays` that no running run reads; returns the folders removed (their uuids). */
export async function removeStaleReceivedFiles(
  db: Db,
  { folder, keepDays = KEEP_RECEIVED_DAYS, now = new Date() }: ReceivedCleanupOptions = {},
): Promise<string[]> {
  const root = resolve(receivedDir(folder));
  const entries = await readdir(root, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const cutoff = now.getTime() - keepDays * DAY_MS;
  const old: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const info = await stat(join(root, entry.name)).catch(() => null);
    if (info && info.mtimeMs < cutoff) old.push(entry.name);
  }
  if (old.length === 0) return [];

  // A run's path is the folder as given or, for a file named by its path inside the import folder, its real path.
  const roots = [...new Set([root, await realpath(root).catch(() => root)])];
  const inUse = await filesOfRunningRuns(db);
  const stale = old.filter(
    (name) => !roots.some((base) => inUse.some((file) => file.startsWith(join(base, name) + sep))),
  );
  await Promise.all(stale.map((name) => rm(join(root, name), { recursive: true, force: true })));
  return stale;
}
