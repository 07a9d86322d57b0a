// Server mode's database roles on a real PostgreSQL (PGlite is single-user): migrations run as the owner, the app
// connects as a role in pharmacrm_app (drizzle/0014) and can work with tenant data but cannot rewrite the audit
// trail or change the schema. A *.pg.test.ts file: it runs in the Postgres lane only (pnpm test:pg).
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { env } from "@pharmacrm/config/env";

import { ensureAppRole } from "./app-role";
import { openDatabase, type Database } from "./client";
import { rowsOf } from "./rows";

const serverUrl = env().TEST_DATABASE_URL;
if (!serverUrl) throw new Error("This test runs in the Postgres lane: pnpm test:pg with TEST_DATABASE_URL set.");
const suffix = randomBytes(5).toString("hex");
const database = `audit_role_${suffix}`;
const login = `audit_role_login_${suffix}`;
const password = randomBytes(12).toString("hex");

const urlFor = (user: string | null, pass: string | null) => {
  const url = new URL(serverUrl!);
  url.pathname = `/${database}`;
  if (user) url.username = user;
  if (pass) url.password = pass;
  return url.toString();
};

describe("the app's database role on PostgreSQL", () => {
  let admin: postgres.Sql;
  let app: postgres.Sql;
  let orgId = "";

  beforeAll(async () => {
    admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${database}"`);
    const owner = await openDatabase({ url: urlFor(null, null) });
    await owner.close();
    // A login role that is a member of pharmacrm_app, as an operator would make one (the group itself never logs in
    // here, so parallel runs never change its password).
    await admin.unsafe(`create role "${login}" login password '${password}' in role pharmacrm_app`);
    app = postgres(urlFor(login, password), { max: 1, onnotice: () => {} });
  }, 120_000);

  afterAll(async () => {
    await app?.end({ timeout: 5 });
    await admin?.unsafe(`drop database if exists "${database}" with (force)`);
    await admin?.unsafe(`drop role if exists "${login}"`);
    await admin?.end({ timeout: 5 });
  });

  it("reads and writes tenant data, and its audit events join the org's hash chain", async () => {
    const [org] = await app<
      { id: string }[]
    >`insert into org (name, slug) values ('Role Org', ${`role-${suffix}`}) returning id`;
    orgId = org!.id;
    await app`update org set name = 'Role Org Renamed' where id = ${orgId}`;
    const [user] = await app<
      { id: string }[]
    >`insert into app_user (org_id, email, name, role) values (${orgId}, ${`u-${suffix}@example.test`}, 'U', 'rep') returning id`;
    await app`delete from app_user where id = ${user!.id}`;
    await app`insert into audit_event (org_id, action, entity_type, entity_id) values (${orgId}, 'test.one', 't', '1'), (${orgId}, 'test.two', 't', '2')`;
    const events = await app<
      { seq: string; prev_hash: string | null; hash: string }[]
    >`select seq, prev_hash, hash from audit_event where org_id = ${orgId} order by seq`;
    expect(events.map((e) => Number(e.seq))).toEqual([1, 2]);
    expect(events[1]!.prev_hash).toBe(events[0]!.hash);
    const [head] = await app<{ seq: string }[]>`select seq from audit_chain_head where org_id = ${orgId}`;
    expect(Number(head!.seq)).toBe(2);
  });

  it("cannot update, delete or truncate audit events, nor move the chain head", async () => {
    await expect(app`update audit_event set action = 'edited' where org_id = ${orgId}`).rejects.toThrow(
      /permission denied for table audit_event/,
    );
    await expect(app`delete from audit_event where org_id = ${orgId}`).rejects.toThrow(
      /permission denied for table audit_event/,
    );
    await expect(app`truncate audit_event`).rejects.toThrow(/permission denied for table audit_event/);
    await expect(app`update audit_chain_head set seq = 0`).rejects.toThrow(
      /permission denied for table audit_chain_head/,
    );
    // Nor can it switch the append-only trigger off: that is DDL on a table it does not own.
    await expect(app`alter table audit_event disable trigger audit_event_append_only`).rejects.toThrow(/must be owner/);
  });

  it("cannot change the schema", async () => {
    await expect(app`create table intruder (id int)`).rejects.toThrow(/permission denied for schema public/);
    await expect(app`drop table interaction`).rejects.toThrow(/must be owner/);
    await expect(app`alter table app_user add column shadow text`).rejects.toThrow(/must be owner/);
    await expect(
      app`create or replace function audit_event_chain() returns trigger language plpgsql as 'begin return new; end'`,
    ).rejects.toThrow(/must be owner|permission denied/);
  });

  it("may overwrite only the free text of consent history, and only in an erasure", async () => {
    const npi = `9${String(Date.now()).slice(-9)}`;
    await app`insert into hcp (npi, entity_type, last_name) values (${npi}, 1, 'Role')`;
    const [user] = await app<
      { id: string }[]
    >`insert into app_user (org_id, email, name, role) values (${orgId}, ${`c-${suffix}@example.test`}, 'C', 'rep') returning id`;
    await app`insert into consent_record (org_id, hcp_npi, channel, status, source, recorded_by_id) values (${orgId}, ${npi}, 'email', 'granted', 'Signed at the booth, cell 555-0100', ${user!.id})`;
    await expect(app`update consent_record set status = 'revoked'`).rejects.toThrow(
      /permission denied for table consent_record/,
    );
    await expect(app`delete from consent_record`).rejects.toThrow(/permission denied for table consent_record/);
    // The column grant lets the statement through; without a declared erasure the history trigger still refuses it.
    await expect(app`update consent_record set source = 'rewritten'`).rejects.toThrow(
      /consent_record is append-only: UPDATE/,
    );
    await app.begin(async (tx) => {
      await tx`set local pharmacrm.erasure = 'on'`;
      await tx`update consent_record set source = '[erased]' where hcp_npi = ${npi}`;
    });
    const [row] = await app<
      { source: string; status: string }[]
    >`select source, status from consent_record where hcp_npi = ${npi}`;
    expect(row).toEqual({ source: "[erased]", status: "granted" });
  });

  it("moves sample stock only by new ledger rows", async () => {
    const [user] = await app<
      { id: string }[]
    >`insert into app_user (org_id, email, name, role) values (${orgId}, ${`s-${suffix}@example.test`}, 'S', 'rep') returning id`;
    const [p] = await app<
      { id: string }[]
    >`insert into product (org_id, name) values (${orgId}, ${`Stocked ${suffix}`}) returning id`;
    await app`insert into sample_ledger (org_id, owner_id, product_id, lot_number, kind, quantity, recorded_by)
      values (${orgId}, ${user!.id}, ${p!.id}, 'L1', 'received', 10, ${user!.id})`;
    await expect(app`update sample_ledger set quantity = 99`).rejects.toThrow(
      /permission denied for table sample_ledger/,
    );
    await expect(app`delete from sample_ledger`).rejects.toThrow(/permission denied for table sample_ledger/);
    await expect(app`update sample_ledger set reason = 'rewritten'`).rejects.toThrow(
      /sample_ledger is append-only: UPDATE/,
    );
  });

  it("opens the migrated database through the app's factory without trying to migrate it", async () => {
    const opened = await openDatabase({ url: urlFor(login, password) });
    try {
      const rows = rowsOf<{ n: number }>(await opened.db.execute(sql`select count(*)::int as n from org`));
      expect(rows[0]!.n).toBe(1);
    } finally {
      await opened.close();
    }
  });

  it("pnpm db:app-role lets pharmacrm_app log in with the configured password, as often as it runs", async () => {
    const owner = await openDatabase({ url: urlFor(null, null) });
    const rolePassword = randomBytes(12).toString("hex");
    try {
      expect(await ensureAppRole(owner, "an-older-password")).toBe("ready");
      expect(await ensureAppRole(owner, rolePassword)).toBe("ready");
    } finally {
      await owner.close();
    }
    const direct = postgres(urlFor("pharmacrm_app", rolePassword), { max: 1, onnotice: () => {} });
    try {
      const [who] = await direct<{ user: string }[]>`select current_user as user`;
      expect(who!.user).toBe("pharmacrm_app");
      await expect(direct`delete from audit_event`).rejects.toThrow(/permission denied/);
    } finally {
      await direct.end({ timeout: 5 });
    }
  });
});

it("pnpm db:app-role has nothing to do on embedded PGlite", async () => {
  // Nothing is queried: a handle that fails on any use proves it.
  const embedded = {
    driver: "pglite",
    db: new Proxy(
      {},
      {
        get: () => {
          throw new Error("queried");
        },
      },
    ),
  } as unknown as Database;
  expect(await ensureAppRole(embedded, "whatever-password")).toBe("embedded");
});
