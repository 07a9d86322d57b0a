import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client";
import { appUser, auditEvent, consentRecord, hcp, org } from "./schema";
import { createTestDatabase } from "./testing";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const [o] = await db.insert(org).values({ name: "Org", slug: "org" }).returning();
  const [u] = await db.insert(appUser).values({ orgId: o!.id, email: "a@b.example", name: "A", role: "admin" }).returning();
  await db.insert(hcp).values({ npi: "1000000001", entityType: 1, lastName: "X" });
  await db.insert(auditEvent).values({ orgId: o!.id, actorId: u!.id, action: "test", entityType: "t", entityId: "1" });
  await db.insert(consentRecord).values({ orgId: o!.id, hcpNpi: "1000000001", channel: "email", status: "granted", source: "form", recordedById: u!.id });
});
afterAll(() => database.close());

describe.each([
  ["audit_event", auditEvent],
  ["consent_record", consentRecord],
] as const)("%s is append-only", (name, table) => {
  it("rejects UPDATE", async () => {
    await expect(database.db.execute(sql`update ${table} set org_id = org_id`)).rejects.toThrow();
    await expect(database.pglite!.query(`update ${name} set org_id = org_id`)).rejects.toThrow(`${name} is append-only: UPDATE is not allowed`);
  });
  it("rejects DELETE and TRUNCATE", async () => {
    await expect(database.pglite!.query(`delete from ${name}`)).rejects.toThrow(`${name} is append-only: DELETE is not allowed`);
    await expect(database.pglite!.query(`truncate ${name} cascade`)).rejects.toThrow("is append-only: TRUNCATE");
    const [{ n }] = (await database.pglite!.query<{ n: number }>(`select count(*)::int as n from ${name}`)).rows as [{ n: number }];
    expect(n).toBe(1);
  });
  it("still accepts INSERT", async () => {
    const [row] = await database.db.select().from(table).limit(1);
    const { id: _id, ...copy } = row as typeof row & { id: unknown };
    await database.db.insert(table).values(copy as never);
    expect((await database.db.select().from(table)).length).toBe(2);
  });
});

it("the guard does not block ordinary tables", async () => {
  await database.db.update(hcp).set({ lastName: "Y" }).where(eq(hcp.npi, "1000000001"));
  expect((await database.db.select().from(hcp))[0]!.lastName).toBe("Y");
});
