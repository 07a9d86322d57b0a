import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, type Database } from "./client";

describe("migrations", () => {
  let database: Database;
  afterAll(() => database?.close());

  it("apply from scratch on PGlite with pgvector and pg_trgm", async () => {
    database = await openDatabase({ dataDir: "memory://" });
    const { rows } = await database.pglite!.query<{ extname: string }>("select extname from pg_extension order by 1");
    expect(rows.map((r) => r.extname)).toEqual(expect.arrayContaining(["pg_trgm", "vector"]));
    const tables = await database.pglite!.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by 1",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(["hcp", "hco", "part_d_prescribing", "open_payment", "interaction", "consent_record", "audit_event", "territory_zip"]),
    );
  });

  it("are idempotent: running them again changes nothing", async () => {
    const before = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    await migrateDatabase(database);
    const after = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(after).toEqual(before);
  });

  it("give trigram and vector operators that work", async () => {
    const { rows } = await database.pglite!.query<{ s: number; d: number }>(
      "select similarity('smith', 'smyth') as s, '[1,0]'::vector <-> '[0,1]'::vector as d",
    );
    expect(rows[0]!.s).toBeGreaterThan(0.2);
    expect(rows[0]!.d).toBeCloseTo(Math.SQRT2, 5);
  });

  it("keep hcp_name holding every first and last name an insert, upsert or update writes, lower-cased", async () => {
    const names = async () =>
      (await database.pglite!.query<{ name: string }>("select name from hcp_name where name in ('ada','lovelace','byron','king') order by 1")).rows.map((r) => r.name);
    await database.pglite!.exec(`insert into hcp (npi, entity_type, first_name, last_name) values ('1999999991', 1, 'Ada', 'LOVELACE')`);
    expect(await names()).toEqual(["ada", "lovelace"]);
    await database.pglite!.exec(`insert into hcp (npi, entity_type, first_name, last_name) values ('1999999991', 1, 'Ada', 'Byron')
      on conflict (npi) do update set last_name = excluded.last_name`);
    await database.pglite!.exec(`update hcp set last_name = 'King' where npi = '1999999991'`);
    expect(await names()).toEqual(["ada", "byron", "king", "lovelace"]);
  });
});
