// drizzle/0011 chains the audit events written before it: per org, in the order they happened, and new events
// continue each chain. Migrates a fresh embedded database to 0010, writes events the old way, then applies the rest.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, expect, it } from "vitest";

import { migrationsFolder, pgliteExtensions } from "./client";

const folder = mkdtempSync(join(tmpdir(), "audit-backfill-"));
let pglite: PGlite | undefined;
afterAll(async () => {
  await pglite?.close();
  rmSync(folder, { recursive: true, force: true });
});

it("chains the events that existed before the migration, per org in time order", async () => {
  cpSync(migrationsFolder(), folder, { recursive: true });
  const journalFile = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { idx: number; tag: string }[] };
  const chainAt = journal.entries.findIndex((e) => e.tag.endsWith("_audit_hash_chain"));
  expect(chainAt).toBeGreaterThan(0);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, chainAt) }));

  pglite = await PGlite.create({ extensions: pgliteExtensions });
  const db = drizzle(pglite);
  await migrate(db, { migrationsFolder: folder });
  await pglite.exec(`
    insert into org (name, slug) values ('A', 'a'), ('B', 'b');
    insert into audit_event (org_id, action, entity_type, entity_id, occurred_at)
      select o.id, 'task.create', 'task', o.slug || g, timestamptz '2026-01-01' + (10 - g) * interval '1 day'
      from org o, generate_series(1, 4) g;`);

  writeFileSync(journalFile, JSON.stringify(journal));
  await migrate(db, { migrationsFolder: folder });

  const { rows } = await pglite.query<{
    slug: string;
    entity_id: string;
    seq: number;
    prev_ok: boolean;
    hash_ok: boolean;
  }>(`
    select o.slug, e.entity_id, e.seq::int as seq,
      e.prev_hash is not distinct from lag(e.hash) over (partition by e.org_id order by e.seq) as prev_ok,
      e.hash = encode(sha256(convert_to(audit_event_canonical(e), 'UTF8')), 'hex') as hash_ok
    from audit_event e join org o on o.id = e.org_id order by o.slug, e.seq`);
  // Oldest first: entity 4 happened first (10 - 4 days after the start), so it is seq 1.
  expect(rows.map((r) => [r.slug, r.entity_id, r.seq])).toEqual([
    ["a", "a4", 1],
    ["a", "a3", 2],
    ["a", "a2", 3],
    ["a", "a1", 4],
    ["b", "b4", 1],
    ["b", "b3", 2],
    ["b", "b2", 3],
    ["b", "b1", 4],
  ]);
  expect(rows.every((r) => r.prev_ok && r.hash_ok)).toBe(true);

  await pglite.exec(
    `insert into audit_event (org_id, action, entity_type, entity_id) select id, 'task.complete', 'task', 'next' from org where slug = 'a'`,
  );
  const { rows: next } = await pglite.query<{ seq: number; linked: boolean }>(`
    select e.seq::int as seq, e.prev_hash = (select hash from audit_event p where p.org_id = e.org_id and p.seq = 4) as linked
    from audit_event e where e.entity_id = 'next'`);
  expect(next).toEqual([{ seq: 5, linked: true }]);
  // The append-only guard is back on after the backfill.
  await expect(pglite.query(`update audit_event set action = 'x'`)).rejects.toThrow("audit_event is append-only");
}, 120_000);
