// Runs as a job runner sees them: interrupted (aborted between chunks, crashed inside one), resumed, run step by
// step, re-run; compared with clean runs of the same files in another database.
import { createHash } from "node:crypto";
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Database, type Db } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";

import { ConcurrentRunError, IngestionAbortedError } from "../errors";
import { getRun, ingestChunk, listQuarantine, listRuns, runIngestion, startRun, type IngestionRun } from "../index";
import { NPPES_2025, PART_D_DIRTY, query } from "../testing/samples";

let clean: Database;
let interrupted: Database;
let cleanNppes: IngestionRun;
let cleanPartD: IngestionRun;

beforeAll(async () => {
  [clean, interrupted] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  cleanNppes = await runIngestion(clean.db, { dataset: "nppes", file: NPPES_2025 });
  cleanPartD = await runIngestion(clean.db, { dataset: "part_d", file: PART_D_DIRTY });
});
afterAll(async () => {
  await clean?.close();
  await interrupted?.close();
});

/** A digest of a table's rows (without updated_at), to compare databases. */
async function digest(db: Db, table: string, order: string): Promise<string> {
  const [row] = await query<{ digest: string }>(
    db,
    sql`select md5(coalesce(string_agg((to_jsonb(t) - 'updated_at')::text, '|' order by ${sql.raw(order)}), '')) as digest from ${sql.identifier(table)} t`,
  );
  return row!.digest;
}

const tables = [
  ["hcp", "npi"],
  ["hco", "npi"],
  ["hcp_taxonomy", "npi, slot"],
  ["part_d_prescribing", "npi, brand_name, generic_name"],
] as const;

const counts = (run: IngestionRun) => ({
  rowsRead: run.rowsRead,
  rowsLoaded: run.rowsLoaded,
  rowsUpdated: run.rowsUpdated,
  rowsUnchanged: run.rowsUnchanged,
  rowsQuarantined: run.rowsQuarantined,
  kinds: run.details.kinds,
});

describe("a run killed and resumed", () => {
  let resumed: IngestionRun;
  const progress: { percent: number; rowsRead: number; polled?: IngestionRun }[] = [];

  it("stops when aborted, keeping every committed chunk and nothing else", async () => {
    const controller = new AbortController();
    const error = await runIngestion(interrupted.db, {
      dataset: "nppes",
      file: NPPES_2025,
      rows: 100,
      signal: controller.signal,
      onProgress: async (run) => {
        // What a UI polling the database sees while the run goes.
        progress.push({ percent: run.percent, rowsRead: run.rowsRead, polled: await getRun(interrupted.db, run.id) });
        if (run.rowsRead === 300) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestionAbortedError);
    const [run] = await listRuns(interrupted.db, { dataset: "nppes" });
    expect(run).toMatchObject({
      status: "failed",
      rowsRead: 300,
      rowsLoaded: 300,
      lastLine: 301,
      error: "stopped by request after line 301; run it again to resume",
    });
    expect(run!.percent).toBeGreaterThan(20);
    expect(run!.percent).toBeLessThan(40);
    expect(await query(interrupted.db, sql`select 1 from hcp union all select 1 from hco`)).toHaveLength(300);
    expect(progress.map((p) => p.rowsRead)).toEqual([0, 100, 200, 300]);
    expect(progress.every((p, i) => i === 0 || p.percent > progress[i - 1]!.percent)).toBe(true);
    expect(progress[2]!.polled).toMatchObject({ status: "running", rowsRead: 200, percent: progress[2]!.percent });
  });

  it("rolls back a chunk that fails half-way (here: its taxonomy insert), and records why", async () => {
    // A crash inside chunk 5 (lines 402–501), after its hcp rows were written: line 451's NPI.
    await interrupted.exec(`
      create function fail_on_npi() returns trigger language plpgsql as $$
      begin if new.npi = '1326041526' then raise exception 'simulated crash at NPI %', new.npi; end if; return new; end $$;
      create trigger fail_on_npi before insert on hcp_taxonomy for each row execute function fail_on_npi();`);
    try {
      await expect(runIngestion(interrupted.db, { dataset: "nppes", file: NPPES_2025, rows: 100 })).rejects.toThrow();
    } finally {
      await interrupted.exec("drop trigger fail_on_npi on hcp_taxonomy; drop function fail_on_npi();");
    }
    const [run] = await listRuns(interrupted.db, { dataset: "nppes" });
    expect(run).toMatchObject({
      status: "failed",
      rowsRead: 400,
      lastLine: 401,
      error: "database error: simulated crash at NPI 1326041526",
    });
    expect(await query(interrupted.db, sql`select 1 from hcp where npi = '1326041526'`)).toHaveLength(0);
  });

  it("resumes from the checkpoint and ends exactly like a clean run", async () => {
    resumed = await runIngestion(interrupted.db, { dataset: "nppes", file: NPPES_2025, rows: 100 });
    expect(resumed.status).toBe("succeeded");
    expect(counts(resumed)).toEqual(counts(cleanNppes));
    expect(counts(resumed)).toMatchObject({
      rowsRead: 1000,
      rowsLoaded: 1000,
      kinds: { individual: 733, organization: 188, deactivated: 79 },
    });
    for (const [table, order] of tables.slice(0, 3)) {
      expect(await digest(interrupted.db, table, order), table).toBe(await digest(clean.db, table, order));
    }
    expect(resumed.details.chunks).toBe(10);
  });

  it("records lineage: checksum, size, release, timings, counts that add up", async () => {
    const bytes = await readFile(NPPES_2025);
    expect(resumed).toMatchObject({
      sourceFile: "npidata_pfile_2025spring_first1000rows_pandas_reserialized.csv",
      checksum: createHash("sha256").update(bytes).digest("hex"),
      fileSize: bytes.length,
      bytesRead: bytes.length,
      percent: 100,
      error: null,
    });
    expect(resumed.rowsLoaded + resumed.rowsUpdated + resumed.rowsUnchanged + resumed.rowsQuarantined).toBe(
      resumed.rowsRead,
    );
    expect(resumed.finishedAt!.getTime()).toBeGreaterThanOrEqual(resumed.startedAt.getTime());
    expect(resumed.details.timings).toMatchObject({
      checksumMs: expect.any(Number),
      readMs: expect.any(Number),
      writeMs: expect.any(Number),
      finalizeMs: expect.any(Number),
    });
    expect(await query(interrupted.db, sql`select 1 from ingest_run_key where run_id = ${resumed.id}`)).toHaveLength(0);
  });

  it("is a no-op when run again: same run, nothing touched", async () => {
    const before = await query<{ t: string }>(interrupted.db, sql`select max(updated_at)::text as t from hcp`);
    const again = await runIngestion(interrupted.db, { dataset: "nppes", file: NPPES_2025 });
    expect(again.id).toBe(resumed.id);
    expect(again.updatedAt).toEqual(resumed.updatedAt);
    expect(counts(again)).toEqual(counts(resumed));
    expect(await query(interrupted.db, sql`select max(updated_at)::text as t from hcp`)).toEqual(before);
    expect(await listRuns(interrupted.db, { dataset: "nppes" })).toHaveLength(1);
  });
});

describe("a run read by a worker thread", () => {
  it("ends exactly like a clean run in this thread", async () => {
    const database = await createTestDatabase();
    try {
      const run = await runIngestion(database.db, { dataset: "nppes", file: NPPES_2025, rows: 300, parallel: true });
      expect(run.details.chunks).toBe(4);
      expect(counts(run)).toEqual(counts(cleanNppes));
      for (const [table, order] of tables.slice(0, 3))
        expect(await digest(database.db, table, order), table).toBe(await digest(clean.db, table, order));
    } finally {
      await database.close();
    }
  });
});

describe("a run driven step by step (as a job runner's steps)", () => {
  it("applies the duplicate rule across chunks and after a crash, like a clean run", async () => {
    const run = await startRun(interrupted.db, { dataset: "part_d", file: PART_D_DIRTY });
    // Two callers race for the same chunk: one commits, the other stops without writing.
    const raced = await Promise.allSettled([
      ingestChunk(interrupted.db, run.id, { rows: 10 }),
      ingestChunk(interrupted.db, run.id, { rows: 10 }),
    ]);
    expect(raced.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(raced.find((r) => r.status === "rejected")).toMatchObject({ reason: expect.any(ConcurrentRunError) });
    // Chunks of 10 rows put lines 88–90 (a key and its two duplicates) across a chunk boundary.
    let step = await ingestChunk(interrupted.db, run.id, { rows: 10 });
    let steps = 2;
    while (!step.done) {
      step = await ingestChunk(interrupted.db, run.id, { rows: 10 });
      steps++;
    }
    expect(steps).toBe(11);
    expect(counts(step.run)).toEqual(counts(cleanPartD));
    const reasons = async (db: Db, id: string) =>
      (await listQuarantine(db, id)).map((q) => [q.line, q.reason, q.rawRow]);
    expect(await reasons(interrupted.db, run.id)).toEqual(await reasons(clean.db, cleanPartD.id));
    expect(await digest(interrupted.db, "part_d_prescribing", "npi, brand_name, generic_name")).toBe(
      await digest(clean.db, "part_d_prescribing", "npi, brand_name, generic_name"),
    );
    // A finished run's next step is a no-op.
    expect(await ingestChunk(interrupted.db, run.id)).toMatchObject({ done: true, run: { id: run.id, rowsRead: 105 } });
    // Thirteen steps, each staging on a connection of its own (more than the pool holds): every one gave it back
    // with its temporary tables dropped, and none was left inside a transaction.
    const left = await query<{ n: number }>(
      interrupted.db,
      sql`select (select count(*) from pg_class where relname like 'ingest_stage%')::int
        + (select count(*) from pg_stat_activity where datname = current_database() and state like 'idle in transaction%')::int as n`,
    );
    expect(left).toEqual([{ n: 0 }]);
  });
});

describe("a run whose file disappears between steps", () => {
  it("fails the run with the reason instead of leaving it running", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ingest-vanish-"));
    const file = join(dir, "MUP_DPR_RY25_P04_V10_DY23_NPIBN_vanishing.csv");
    await copyFile(PART_D_DIRTY, file);
    const database = await createTestDatabase();
    try {
      const run = await startRun(database.db, { dataset: "part_d", file, year: 2023 });
      await rm(file);
      await expect(ingestChunk(database.db, run.id, { rows: 10 })).rejects.toThrow("is missing or changed since run");
      const failed = await getRun(database.db, run.id);
      expect(failed?.status).toBe("failed");
      expect(failed?.error).toMatch(/is missing or changed since run/);
    } finally {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
