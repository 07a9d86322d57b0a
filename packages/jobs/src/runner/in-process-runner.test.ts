// The embedded default: requestImport starts the same handlers in this process, in the background, one import per
// dataset at a time; failures land on the run, duplicates are no-ops, a restart continues unfinished runs.
import { appendFile, copyFile, rm } from "node:fs/promises";
import { basename, join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { auditEvent, type Database } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";
import { type Scope } from "@pharmacrm/domain";
import { getRun, ingestChunk, listRuns, startRun } from "@pharmacrm/ingest";
import { NUCC_251, OPEN_PAYMENTS_2024, OTHER_NAMES, PART_D_DIRTY } from "@pharmacrm/ingest/testing";

import { type ImportRequest } from "../events";
import { requestImport as requestAs, resumeImports } from "../send";
import { createOperator, importFolderWith } from "../testing/operator";
import { configureInProcessRunner, drainInProcessRunner } from "./in-process-runner";

let database: Database;
let dir: string;
let operator: Scope;
let log: string[] = [];
/** The samples, copied into this test's import folder. */
const [partD, openPayments, otherNames, nucc] = [
  basename(PART_D_DIRTY),
  basename(OPEN_PAYMENTS_2024),
  basename(OTHER_NAMES),
  basename(NUCC_251),
];
const requestImport = (db: Database["db"], input: ImportRequest) => requestAs(db, input, operator, { folder: dir });

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await importFolderWith(PART_D_DIRTY, OPEN_PAYMENTS_2024, OTHER_NAMES, NUCC_251);
  operator = await createOperator(database.db);
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
    const { run, alreadyLoaded } = await requestImport(database.db, { dataset: "part_d", file: partD });
    expect(alreadyLoaded).toBe(false);
    expect(run).toMatchObject({ dataset: "part_d", status: "running", rowsRead: 0 });
    await drainInProcessRunner();
    expect(await getRun(database.db, run.id)).toMatchObject({
      status: "succeeded",
      rowsRead: 105,
      rowsLoaded: 91,
      rowsQuarantined: 14,
      percent: 100,
    });
    expect(log).toContain("[jobs] step chunk-3");
  });

  it("records who asked and from where, on the run and in the operator's audit trail", async () => {
    const [run] = await listRuns(database.db, { dataset: "part_d" });
    expect(run).toMatchObject({
      startedBy: operator.userId,
      startedVia: "app",
      sourceLocation: partD,
      sourceFile: partD,
    });
    const audit = await database.db.select().from(auditEvent).where(eq(auditEvent.entityId, run!.id));
    expect(audit).toMatchObject([
      {
        orgId: operator.orgId,
        actorId: operator.userId,
        action: "reference_data.import",
        entityType: "data_source_run",
        after: { dataset: "part_d", location: partD },
      },
    ]);
  });

  it("treats the same file sent again as a no-op (same checksum, same run)", async () => {
    const first = await requestImport(database.db, { dataset: "part_d", file: partD });
    await drainInProcessRunner();
    expect(first.alreadyLoaded).toBe(true);
    expect(log.filter((line) => line.startsWith("[jobs] start"))).toEqual([]);
    expect(await listRuns(database.db, { dataset: "part_d" })).toHaveLength(1);
  });

  it("a double click starts the import once", async () => {
    const [a, b] = await Promise.all([
      requestImport(database.db, { dataset: "nppes_other_name", file: otherNames }),
      requestImport(database.db, { dataset: "nppes_other_name", file: otherNames }),
    ]);
    expect(a.run.id).toBe(b.run.id);
    await drainInProcessRunner();
    expect(log.filter((line) => line.startsWith("[jobs] start"))).toHaveLength(1);
    expect(await getRun(database.db, a.run.id)).toMatchObject({ status: "succeeded", rowsRead: 2427 });
  });

  it("a failing step marks the run failed with a readable error, and the same file again resumes it", async () => {
    // The merge target is gone, so the first chunk fails inside its transaction.
    await database.exec("alter table open_payment rename to open_payment_away");
    const { run } = await requestImport(database.db, { dataset: "open_payments", file: openPayments });
    await drainInProcessRunner();
    const failed = await getRun(database.db, run.id);
    expect(failed).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/^database error: relation "open_payment" does not exist/),
    });
    expect(log.some((line) => line.startsWith("[jobs] failed cms/open_payments.import-requested"))).toBe(true);

    await database.exec("alter table open_payment_away rename to open_payment");
    const again = await requestImport(database.db, { dataset: "open_payments", file: openPayments });
    expect(again.run.id).toBe(run.id);
    await drainInProcessRunner();
    expect(await getRun(database.db, run.id)).toMatchObject({ status: "succeeded", rowsRead: 154, error: null });
  });

  it("runs one import per dataset at a time, in the order asked", async () => {
    const copy = join(dir, "nucc_taxonomy_251_copy.csv");
    await copyFile(NUCC_251, copy);
    await appendFile(copy, "\n");
    await requestImport(database.db, { dataset: "nucc_taxonomy", file: nucc });
    await requestImport(database.db, { dataset: "nucc_taxonomy", file: basename(copy) });
    await drainInProcessRunner();
    const order = log
      .filter((line) => /^\[jobs\] (start|done) /.test(line))
      .map((line) => line.split(" ").slice(1, 2).join() + (line.includes(copy) ? " copy" : " original"));
    expect(order).toEqual(["start original", "done original", "start copy", "done copy"]);
  });

  it("refuses a path that is not there, in words", async () => {
    await expect(requestImport(database.db, { dataset: "part_d", file: "nope.csv" })).rejects.toThrow(
      "There is no file nope.csv in the import folder. Check the name; it is read on the server, not on your computer.",
    );
  });

  it("refuses a file that is not the dataset's, naming what is missing", async () => {
    await expect(requestImport(database.db, { dataset: "zip_centroids", file: partD })).rejects.toMatchObject({
      name: "ImportFileError",
    });
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
