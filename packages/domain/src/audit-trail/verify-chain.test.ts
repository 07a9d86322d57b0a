import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { appUser, auditEvent, org, type Database } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";

import { recordAudit } from "../audit";
import type { Scope } from "../scope";
import { describeChain, verifyAuditChain, verifyAuditChains } from "./verify-chain";

let database: Database;
afterAll(() => database.close());
beforeAll(async () => {
  database = await createTestDatabase();
});

/** A new org with `n` audit events, written the way every mutation writes them. */
async function orgWithEvents(slug: string, n: number): Promise<{ scope: Scope; ids: number[] }> {
  const { db } = database;
  const [o] = await db.insert(org).values({ name: slug, slug }).returning();
  const [admin] = await db
    .insert(appUser)
    .values({ orgId: o!.id, email: `${slug}@test.example`, name: slug, role: "admin" })
    .returning();
  const scope: Scope = { orgId: o!.id, userId: admin!.id, role: "admin", territoryIds: null };
  for (let i = 1; i <= n; i++) {
    await db.transaction((tx) =>
      recordAudit(tx, scope, {
        action: "task.create",
        entityType: "task",
        entityId: `t${i}`,
        after: { title: `Task ${i}`, n: i },
      }),
    );
  }
  const rows = await db
    .select({ id: auditEvent.id })
    .from(auditEvent)
    .where(eq(auditEvent.orgId, o!.id))
    .orderBy(asc(auditEvent.seq));
  return { scope, ids: rows.map((r) => r.id) };
}

/** What someone with the owner's rights could do: switch the append-only guard off, rewrite, switch it on again. */
async function tamper(statement: string): Promise<void> {
  await database.exec(`
    ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
    ${statement};
    ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;`);
}

describe("the audit hash chain", () => {
  it("numbers each org's events 1, 2, 3 and links each to the one before", async () => {
    const a = await orgWithEvents("chain-a", 3);
    const b = await orgWithEvents("chain-b", 2);
    const rows = await database.db
      .select({ orgId: auditEvent.orgId, seq: auditEvent.seq, prevHash: auditEvent.prevHash, hash: auditEvent.hash })
      .from(auditEvent)
      .where(sql`${auditEvent.orgId} in (${a.scope.orgId}, ${b.scope.orgId})`)
      .orderBy(auditEvent.orgId, auditEvent.seq);
    const ofA = rows.filter((r) => r.orgId === a.scope.orgId);
    expect(ofA.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(ofA[0]!.prevHash).toBeNull();
    expect(ofA[1]!.prevHash).toBe(ofA[0]!.hash);
    expect(ofA[2]!.prevHash).toBe(ofA[1]!.hash);
    expect(rows.filter((r) => r.orgId === b.scope.orgId).map((r) => r.seq)).toEqual([1, 2]);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(5);
  });

  it("ignores a seq or hash the insert tried to set", async () => {
    const a = await orgWithEvents("chain-forge", 1);
    await database.db.insert(auditEvent).values({
      orgId: a.scope.orgId,
      action: "x",
      entityType: "t",
      entityId: "1",
      seq: 99,
      hash: "f".repeat(64),
      prevHash: "e".repeat(64),
    });
    const report = await verifyAuditChain(database.db, a.scope.orgId);
    expect(report).toMatchObject({ events: 2, broken: null });
  });

  it("reports an intact chain with its event count and head hash", async () => {
    const a = await orgWithEvents("chain-intact", 4);
    const report = await verifyAuditChain(database.db, a.scope.orgId);
    expect(report.broken).toBeNull();
    expect(report.events).toBe(4);
    const [last] = await database.db
      .select({ hash: auditEvent.hash })
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, a.scope.orgId), eq(auditEvent.seq, 4)));
    expect(report.headHash).toBe(last!.hash);
    expect(describeChain(report)).toBe("Chain intact (4 events).");
  });

  it("names exactly the event whose content was changed, and leaves other orgs' chains intact", async () => {
    const a = await orgWithEvents("chain-edited", 5);
    const other = await orgWithEvents("chain-bystander", 2);
    await tamper(`UPDATE audit_event SET after = '{"title": "Quietly rewritten"}' WHERE id = ${a.ids[2]}`);
    const report = await verifyAuditChain(database.db, a.scope.orgId);
    expect(report.broken).toEqual({
      problem: "altered",
      seq: 3,
      eventId: a.ids[2],
      message: `First broken link at event seq 3 (id ${a.ids[2]}): its content was changed after it was recorded.`,
    });
    expect(report.events).toBe(2);
    expect((await verifyAuditChain(database.db, other.scope.orgId)).broken).toBeNull();
  });

  it("catches an edit whose hash was recomputed: the next event no longer follows", async () => {
    const a = await orgWithEvents("chain-rehashed", 4);
    await tamper(`UPDATE audit_event e SET action = 'task.delete' WHERE id = ${a.ids[1]};
      UPDATE audit_event e SET hash = encode(sha256(convert_to(audit_event_canonical(e), 'UTF8')), 'hex') WHERE id = ${a.ids[1]}`);
    const report = await verifyAuditChain(database.db, a.scope.orgId);
    expect(report.broken).toMatchObject({ problem: "relinked", seq: 3, eventId: a.ids[2] });
  });

  it("names the gap a deleted event leaves", async () => {
    const a = await orgWithEvents("chain-gap", 5);
    await tamper(`DELETE FROM audit_event WHERE id = ${a.ids[1]}`);
    const report = await verifyAuditChain(database.db, a.scope.orgId);
    expect(report.broken).toEqual({
      problem: "missing",
      seq: 2,
      eventId: null,
      message: `First broken link at event seq 2: it is missing (the next event present is seq 3, id ${a.ids[2]}).`,
    });
  });

  it("notices that the newest events were removed", async () => {
    const a = await orgWithEvents("chain-tail", 3);
    await tamper(`DELETE FROM audit_event WHERE id = ${a.ids[2]}`);
    const report = await verifyAuditChain(database.db, a.scope.orgId);
    expect(report.broken).toMatchObject({ problem: "truncated", seq: 3, eventId: null });
    expect(describeChain(report)).toBe(
      "First broken link at event seq 3: the chain head records 3 events, but the chain ends at seq 2.",
    );
  });

  it("keeps one unforked chain when writers of one org commit concurrently", async () => {
    const a = await orgWithEvents("chain-concurrent", 0);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        database.db.transaction((tx) =>
          recordAudit(tx, a.scope, { action: "task.create", entityType: "task", entityId: `c${i}` }),
        ),
      ),
    );
    const report = await verifyAuditChain(database.db, a.scope.orgId);
    expect(report).toMatchObject({ events: 12, broken: null });
  });

  it("checks every org, or one by slug", async () => {
    const all = await verifyAuditChains(database.db);
    expect(all.map((r) => r.slug)).toContain("chain-gap");
    const one = await verifyAuditChains(database.db, "chain-intact");
    expect(one).toHaveLength(1);
    expect(one[0]!.report.broken).toBeNull();
    expect(await verifyAuditChains(database.db, "no-such-org")).toEqual([]);
  });
});
