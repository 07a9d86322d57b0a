import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "./client";
import { rowsOf } from "./rows";
import {
  appUser,
  auditEvent,
  consentRecord,
  copilotTurn,
  hcp,
  nbaDecision,
  org,
  product,
  sampleLedger,
} from "./schema";
import { createTestDatabase } from "./testing";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const [o] = await db.insert(org).values({ name: "Org", slug: "org" }).returning();
  const [u] = await db
    .insert(appUser)
    .values({ orgId: o!.id, email: "a@b.example", name: "A", role: "admin" })
    .returning();
  await db.insert(hcp).values({ npi: "1000000001", entityType: 1, lastName: "X" });
  await db.insert(auditEvent).values({ orgId: o!.id, actorId: u!.id, action: "test", entityType: "t", entityId: "1" });
  await db.insert(consentRecord).values({
    orgId: o!.id,
    hcpNpi: "1000000001",
    channel: "email",
    status: "granted",
    source: "form",
    recordedById: u!.id,
  });
  await db.insert(nbaDecision).values({
    orgId: o!.id,
    userId: u!.id,
    hcpNpi: "1000000001",
    action: "call",
    score: "42.0",
    confidence: "0.80",
    reasons: [],
    decision: "dismissed",
    reason: "on leave",
  });
  const [p] = await db.insert(product).values({ orgId: o!.id, name: "Eliquis" }).returning();
  await db.insert(sampleLedger).values({
    orgId: o!.id,
    ownerId: u!.id,
    productId: p!.id,
    lotNumber: "L1",
    kind: "received",
    quantity: 10,
    recordedBy: u!.id,
  });
  ids.org = o!.id;
  ids.user = u!.id;
});

const ids = { org: "", user: "" };
afterAll(() => database.close());

describe.each([
  ["audit_event", auditEvent],
  ["consent_record", consentRecord],
  ["nba_decision", nbaDecision],
  ["sample_ledger", sampleLedger],
] as const)("%s is append-only", (name, table) => {
  it("rejects UPDATE", async () => {
    await expect(database.db.execute(sql`update ${table} set org_id = org_id`)).rejects.toThrow();
    await expect(database.exec(`update ${name} set org_id = org_id`)).rejects.toThrow(
      `${name} is append-only: UPDATE is not allowed`,
    );
  });
  it("rejects DELETE and TRUNCATE", async () => {
    await expect(database.exec(`delete from ${name}`)).rejects.toThrow(`${name} is append-only: DELETE is not allowed`);
    await expect(database.exec(`truncate ${name} cascade`)).rejects.toThrow("is append-only: TRUNCATE");
    const [{ n }] = rowsOf<{ n: number }>(
      await database.db.execute(sql.raw(`select count(*)::int as n from ${name}`)),
    ) as [{ n: number }];
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

describe("copilot_turn is an audit record", () => {
  const turn = () =>
    database.db
      .insert(copilotTurn)
      .values({
        orgId: ids.org,
        userId: ids.user,
        provider: "offline",
        modelId: "pharmacrm-offline-1",
        inputHash: "0".repeat(64),
        status: "running",
      })
      .returning()
      .then((rows) => rows[0]!);

  it("may be completed once while running, then never changed", async () => {
    const { id } = await turn();
    await database.db.update(copilotTurn).set({ status: "done", finishedAt: new Date() }).where(eq(copilotTurn.id, id));
    await expect(database.exec(`update copilot_turn set status = 'edited' where id = '${id}'`)).rejects.toThrow(
      "copilot_turn is an audit record: UPDATE of a finished turn is not allowed",
    );
  });

  it("is never deleted or truncated", async () => {
    const { id } = await turn();
    await expect(database.exec(`delete from copilot_turn where id = '${id}'`)).rejects.toThrow(
      "copilot_turn is an audit record: DELETE",
    );
    await expect(database.exec(`truncate copilot_turn`)).rejects.toThrow("is append-only: TRUNCATE");
  });
});
