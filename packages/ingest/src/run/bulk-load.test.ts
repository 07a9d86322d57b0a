// Bulk loads: secondary indexes dropped while the file loads and built at the end — on success, on failure, and
// by the next run when an ended one left them behind — with the same rows as a row-by-row load.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { hcp, type Database, type Db } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";

import { getRun, listRuns, runIngestion, startRun, type IngestionRun } from "../index";
import { isBulkLoad } from "../load/deferred-indexes";
import { NPPES_2025, NUCC_251, query } from "../testing/samples";

let rowByRow: Database;
let rowByRowRun: IngestionRun;
let indexesOfFreshDatabase: string[];

/** Every index on the NPPES tables, by name. */
async function indexes(db: Db): Promise<string[]> {
  const rows = await query<{ name: string }>(
    db,
    sql`select indexname as name from pg_indexes where tablename in ('hcp', 'hco', 'hcp_taxonomy') order by indexname`,
  );
  return rows.map((row) => row.name);
}

async function digest(db: Db): Promise<string> {
  const [row] = await query<{ digest: string }>(
    db,
    sql`select md5(string_agg(t, '|' order by t)) as digest from (
      select (to_jsonb(h) - 'updated_at')::text as t from hcp h
      union all select (to_jsonb(o) - 'updated_at')::text from hco o
      union all select to_jsonb(s)::text from hcp_taxonomy s) rows`,
  );
  return row!.digest;
}

const counts = (run: IngestionRun) => [
  run.rowsRead,
  run.rowsLoaded,
  run.rowsUpdated,
  run.rowsUnchanged,
  run.rowsQuarantined,
];

beforeAll(async () => {
  rowByRow = await createTestDatabase();
  indexesOfFreshDatabase = await indexes(rowByRow.db);
  rowByRowRun = await runIngestion(rowByRow.db, { dataset: "nppes", file: NPPES_2025, rows: 300 });
});
afterAll(() => rowByRow?.close());

describe("a bulk load", () => {
  it("loads without the secondary indexes, builds them at the end, and ends exactly like a row-by-row load", async () => {
    expect(rowByRowRun.details.bulk).toBeUndefined();
    const database = await createTestDatabase();
    try {
      const seen: string[][] = [];
      const run = await runIngestion(database.db, {
        dataset: "nppes",
        file: NPPES_2025,
        rows: 300,
        bulk: true,
        onProgress: async () => void seen.push(await indexes(database.db)),
      });
      // While loading: primary keys only.
      expect(seen[1]).toEqual(["hco_pkey", "hcp_pkey", "hcp_taxonomy_npi_slot_pk"]);
      expect(await indexes(database.db)).toEqual(indexesOfFreshDatabase);
      expect(indexesOfFreshDatabase).toContain("hco_name_trgm_idx");
      expect(run.details).toMatchObject({ bulk: true });
      expect(run.details.deferredIndexes).toBeUndefined();
      expect(counts(run)).toEqual(counts(rowByRowRun));
      expect(await digest(database.db)).toBe(await digest(rowByRow.db));
    } finally {
      await database.close();
    }
  });

  it("gives the indexes back when it fails, and resumed ends like a clean run", async () => {
    const database = await createTestDatabase();
    try {
      await database.exec(`
        create function fail_on_npi() returns trigger language plpgsql as $$
        begin if new.npi = '1326041526' then raise exception 'simulated crash at NPI %', new.npi; end if; return new; end $$;
        create trigger fail_on_npi before insert on hcp_taxonomy for each row execute function fail_on_npi();`);
      await expect(
        runIngestion(database.db, { dataset: "nppes", file: NPPES_2025, rows: 100, bulk: true }),
      ).rejects.toThrow();
      await database.exec("drop trigger fail_on_npi on hcp_taxonomy; drop function fail_on_npi();");
      const [failed] = await listRuns(database.db, { dataset: "nppes" });
      expect(failed).toMatchObject({
        status: "failed",
        rowsRead: 400,
        error: "database error: simulated crash at NPI 1326041526",
      });
      expect(await indexes(database.db)).toEqual(indexesOfFreshDatabase);

      const resumed = await runIngestion(database.db, { dataset: "nppes", file: NPPES_2025, rows: 100 });
      expect(resumed.status).toBe("succeeded");
      expect(counts(resumed)).toEqual(counts(rowByRowRun));
      expect(await digest(database.db)).toBe(await digest(rowByRow.db));
      expect(await indexes(database.db)).toEqual(indexesOfFreshDatabase);
    } finally {
      await database.close();
    }
  });

  it("left behind by an ended run (a crash while failing) has its indexes built by the next run to start", async () => {
    const database = await createTestDatabase();
    try {
      const started = await startRun(database.db, { dataset: "nppes", file: NPPES_2025, bulk: true });
      expect(await indexes(database.db)).toEqual(["hco_pkey", "hcp_pkey", "hcp_taxonomy_npi_slot_pk"]);
      await database.db.execute(sql`update data_source_run set status = 'failed' where id = ${started.id}`);

      await startRun(database.db, { dataset: "nucc_taxonomy", file: NUCC_251 });
      expect(await indexes(database.db)).toEqual(indexesOfFreshDatabase);
      expect((await getRun(database.db, started.id))?.details.deferredIndexes).toBeUndefined();
    } finally {
      await database.close();
    }
  });

  it("is chosen when the file brings more rows than the tables hold", async () => {
    const held = (await query<{ n: number }>(rowByRow.db, sql`select count(*)::int as n from hcp`))[0]!.n;
    expect(held).toBe(812);
    expect(await isBulkLoad(rowByRow.db, [hcp], 2 * held, 100)).toBe(true);
    expect(await isBulkLoad(rowByRow.db, [hcp], held - 1, 100)).toBe(false);
    // Small files never are: rebuilding indexes would cost more than it saves.
    expect(await isBulkLoad(rowByRow.db, [hcp], 2 * held)).toBe(false);
    expect(await isBulkLoad(rowByRow.db, [], 1_000_000)).toBe(false);
  });
});
