import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

import { migrateDatabase, type Database } from "./client";
import { rowsOf } from "./rows";
import { createTestDatabase, testEngine } from "./testing";

/** Rows of raw SQL on either driver. */
const rows = async <T>(database: Database, text: string): Promise<T[]> =>
  rowsOf<T>(await database.db.execute(sql.raw(text)));

describe(`migrations (${testEngine()})`, () => {
  let database: Database;
  afterAll(() => database?.close());

  it("apply from scratch with pgvector and pg_trgm", async () => {
    // The test database is the run's migrated snapshot (PGlite) or template clone (Postgres), each made from scratch.
    database = await createTestDatabase();
    const extensions = await rows<{ extname: string }>(database, "select extname from pg_extension order by 1");
    expect(extensions.map((r) => r.extname)).toEqual(expect.arrayContaining(["pg_trgm", "vector"]));
    const tables = await rows<{ table_name: string }>(
      database,
      "select table_name from information_schema.tables where table_schema = 'public' order by 1",
    );
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        "hcp",
        "hco",
        "part_d_prescribing",
        "open_payment",
        "interaction",
        "consent_record",
        "audit_event",
        "territory_zip",
      ]),
    );
  });

  it("are idempotent: running them again changes nothing", async () => {
    const before = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    await migrateDatabase(database);
    const after = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(after).toEqual(before);
  });

  it("give trigram and vector operators that work", async () => {
    const [row] = await rows<{ s: number; d: number }>(
      database,
      "select similarity('smith', 'smyth') as s, '[1,0]'::vector <-> '[0,1]'::vector as d",
    );
    expect(Number(row!.s)).toBeGreaterThan(0.2);
    expect(Number(row!.d)).toBeCloseTo(Math.SQRT2, 5);
  });

  it("keep hcp_name holding every first and last name an insert, upsert or update writes, lower-cased", async () => {
    const names = async () =>
      (
        await rows<{ name: string }>(
          database,
          "select name from hcp_name where name in ('ada','lovelace','byron','king') order by 1",
        )
      ).map((r) => r.name);
    await database.exec(
      `insert into hcp (npi, entity_type, first_name, last_name) values ('1999999991', 1, 'Ada', 'LOVELACE')`,
    );
    expect(await names()).toEqual(["ada", "lovelace"]);
    await database.exec(`insert into hcp (npi, entity_type, first_name, last_name) values ('1999999991', 1, 'Ada', 'Byron')
      on conflict (npi) do update set last_name = excluded.last_name`);
    await database.exec(`update hcp set last_name = 'King' where npi = '1999999991'`);
    expect(await names()).toEqual(["ada", "byron", "king", "lovelace"]);
  });
});
