// Old received copies go, unless a running run reads them; fresh copies and the operator's own files stay.
import { createReadStream, existsSync } from "node:fs";
import { copyFile, mkdtemp, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { dataSourceRun, type Database } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";
import { startRun } from "@pharmacrm/ingest";
import { NUCC_251, OPEN_PAYMENTS_2024, PART_D_DIRTY, ZIP_CENTROIDS } from "@pharmacrm/ingest/testing";

import { receivedDir, saveImportFile } from "./import-files";
import { KEEP_RECEIVED_DAYS, removeStaleReceivedFiles } from "./received-cleanup";

let database: Database;
let folder: string;
beforeAll(async () => {
  database = await createTestDatabase();
  folder = await mkdtemp(join(tmpdir(), "jobs-received-test-"));
});
afterAll(async () => {
  await database?.close();
  await rm(folder, { recursive: true, force: true });
});

const DAY_MS = 24 * 60 * 60 * 1000;
const receive = (sample: string, name = basename(sample)) => saveImportFile(createReadStream(sample), name, { folder });
const arrivedDaysAgo = async (file: string, days: number) => {
  const when = new Date(Date.now() - days * DAY_MS);
  await utimes(dirname(file), when, when);
};
const uuidOf = (file: string) => basename(dirname(file));

describe("removeStaleReceivedFiles", () => {
  it("does nothing before anything was received", async () => {
    expect(await removeStaleReceivedFiles(database.db, { folder })).toEqual([]);
  });

  it("removes copies older than the limit unless a running run reads them", async () => {
    // Finished: its run succeeded. Orphaned: no run (the same file uploaded again). Loading: its run is running.
    const finished = await receive(PART_D_DIRTY, "USA_Presc_Medicare_Data_2021.csv");
    const finishedRun = await startRun(database.db, { dataset: "part_d", file: finished, bulk: false });
    await database.db
      .update(dataSourceRun)
      .set({ status: "succeeded", finishedAt: new Date() })
      .where(eq(dataSourceRun.id, finishedRun.id));
    const orphaned = await receive(OPEN_PAYMENTS_2024);
    const loading = await receive(NUCC_251);
    expect(await startRun(database.db, { dataset: "nucc_taxonomy", file: loading, bulk: false })).toMatchObject({
      status: "running",
    });
    for (const file of [finished, orphaned, loading]) await arrivedDaysAgo(file, KEEP_RECEIVED_DAYS + 1);
    const fresh = await receive(ZIP_CENTROIDS);
    await arrivedDaysAgo(fresh, KEEP_RECEIVED_DAYS - 1);
    const placed = join(folder, basename(NUCC_251));
    await copyFile(NUCC_251, placed);
    await utimes(placed, new Date(0), new Date(0));

    const removed = await removeStaleReceivedFiles(database.db, { folder });

    expect(removed.sort()).toEqual([uuidOf(finished), uuidOf(orphaned)].sort());
    expect([finished, orphaned, loading, fresh, placed].map(existsSync)).toEqual([false, false, true, true, true]);
    expect(existsSync(receivedDir(folder))).toBe(true);
  });

  it("removes a copy once its run is no longer running", async () => {
    await database.db
      .update(dataSourceRun)
      .set({ status: "failed", error: "stopped" })
      .where(eq(dataSourceRun.status, "running"));
    expect(await removeStaleReceivedFiles(database.db, { folder })).toHaveLength(1);
    expect(
      await removeStaleReceivedFiles(database.db, { folder, keepDays: 0, now: new Date(Date.now() + DAY_MS) }),
    ).toHaveLength(1);
  });
});
