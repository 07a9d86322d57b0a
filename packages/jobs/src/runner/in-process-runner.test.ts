// The embedded default: requestImport starts the same handlers in this process, in the background, one import per
// dataset at a time; failures land on the run, duplicates are no-ops, a restart continues unfinished runs.
import { appendFile, copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";
import { getRun, ingestChunk, listRuns, startRun } from "@pharmacrm/ingest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { requestImport, resumeImports } from "../send";
import { NUCC_251, OPEN_PAYMENTS_2024, OTHER_NAMES, PART_D_DIRTY } from "@pharmacrm/ingest/testing";
import { configureInProcessRunner, drainInProcessRunner } from "./in-process-runner";

let database: Database;
let dir: string;
let log: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), "jobs-runner-test-"));
});
afterAll(async () => {
  await drainInProcessRunner();
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  log = [];
  // The embedding run a Part D or Open Payments import requests finds no model here (in-process-jobs.test.ts has one).
  configureInProcessRunner({ chunkRows: 50, embeddingModel: () => null, log: (line) => log.push(line) });
});

describe("requestImport without an Inngest server", () => {
  it("returns the run at once and loads the file in the background", async () => {
    const { run, alreadyLoaded } = await requestImport(database.db, { dataset: "part_d", file: PART_D_DIRTY });
    expect(alreadyLoaded).toBe(false);
    expect(run).toMatchObject({ dataset: "part_d", status: "running", rowsRead: 0 });
    await drainInProcessRunner();
    expect(await getRun(database.db, run.id)).toMatchObject({ status: "succeeded", rowsRead: 105, rowsLoaded: 91, rowsQuarantined: 14, percent: 100 });
    expect(log).toContain("[jobs] step chunk-3");
  });

  it("treats the same file sent again as a no-op (same checksum, same run)", async () => {
    const first = await requestImport(database.db, { dataset: "part_d", file: PART_D_DIRTY });
    await drainInProcessRunner();
    expect(first.alreadyLoaded).toBe(true);
    expect(log.filter((line) => line.startsWith("[jobs] start"))).toEqual([]);
    expect(await listRuns(database.db, { dataset: "part_d" })).toHaveLength(1);
  });

  it("a double click starts the import once", async () => {
    const [a, b] = await Promise.all([
      requestImport(database.db, { dataset: "nppes_other_name", file: OTHER_NAMES }),
      requestImport(database.db, { dataset: "nppes_other_name", file: OTHER_NAMES }),
    ]);
    expect(a.run.id).toBe(b.run.id);
    await drainInProcessRunner();
    expect(log.filter((line) => line.startsWith("[jobs] start"))).toHaveLength(1);
    expect(await getRun(database.db, a.run.id)).toMatchObject({ status: "succeeded", rowsRead: 2427 });
  });

  it("a failing step marks the run failed with a readable error, and the same file again resumes it", async () => {
    // The merge target is gone, so the first chunk fails inside its transaction.
    await database.exec("alter table open_payment rename to open_payment_away");
    const { run } = await requestImport(database.db, { dataset: "open_payments", file: OPEN_PAYMENTS_2024 });
    await drainInProcessRunner();
    const failed = await getRun(database.db, run.id);
    expect(failed).toMatchObject({ status: "failed", error: expect.stringMatching(/^database error: relation "open_payment" does not exist/) });
    expect(log.some((line) => line.startsWith("[jobs] failed cms/open_payments.import-requested"))).toBe(true);

    await database.exec("alter table open_payment_away rename to open_payment");
    const again = await requestImport(database.db, { dataset: "open_payments", file: OPEN_PAYMENTS_2024 });
    expect(again.run.id).toBe(run.id);
    await drainInProcessRunner();
    expect(await getRun(database.db, run.id)).toMatchObject({ status: "succeeded", rowsRead: 154, error: null });
  });

  it("runs one import per dataset at a time, in the order asked", async () => {
    const copy = join(dir, "nucc_taxonomy_251_copy.csv");
    await copyFile(NUCC_251, copy);
    await appendFile(copy, "\n");
    await requestImport(database.db, { dataset: "nucc_taxonomy", file: NUCC_251 });
    await requestImport(database.db, { dataset: "nucc_taxonomy", file: copy });
    await drainInProcessRunner();
    const order = log.filter((line) => /^\[jobs\] (start|done) /.test(line)).map((line) => line.split(" ").slice(1, 2).join() + (line.includes(copy) ? " copy" : " original"));
    expect(order).toEqual(["start original", "done original", "start copy", "done copy"]);
  });

  it("refuses a path that is not there, in words", async () => {
    await expect(requestImport(database.db, { dataset: "part_d", file: join(dir, "nope.csv") })).rejects.toThrow(
      `No file at ${join(dir, "nope.csv")}. Check the path; it is read on the server, not on your computer.`,
    );
  });

  it("refuses a file that is not the dataset's, naming what is missing", async () => {
    await expect(requestImport(database.db, { dataset: "zip_centroids", file: PART_D_DIRTY })).rejects.toMatchObject({ name: "ImportFileError" });
  });
});

describe("after a restart", () => {
  it("continues a run left running from its checkpoint", async () => {
    const restarted = await createTestDatabase();
    try {
      const run = await startRun(restarted.db, { dataset: "nppes_other_name", file: OTHER_NAMES });
      const first = await ingestChunk(restarted.db, run.id, { rows: 500 });
      expect(first.run).toMatchObject({ status: "running", rowsRead: 500 });
      await resumeImports(restarted.db);
      await drainInProcessRunner();
      expect(log).toContain(`[jobs] resuming run ${run.id} (nppes_other_name, ${run.sourceFile}) from line 502`);
      expect(await getRun(restarted.db, run.id)).toMatchObject({ status: "succeeded", rowsRead: 2427 });
    } finally {
      await restarted.close();
    }
  });
});
