// audit.erase: an admin erases a person by anonymisation. Rows stay (counts and reports unchanged), the free text
// the org holds is overwritten (copilot writes awaiting approval included), public reference data and other orgs are
// untouched, and the erasure is audited.
import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import {
  appUser,
  auditEvent,
  authSession,
  consentRecord,
  conversation,
  conversationMessage,
  copilotPendingAction,
  hcp,
  hcpAttribute,
  interaction,
  mfaRecoveryCode,
  nbaDecision,
  outreachDraft,
  savedQuestion,
  signInThrottle,
  task,
  userMfa,
  type Db,
} from "@pharmacrm/db";
import { ERASED_PENDING_ACTION, erasureMarker, verifyAuditChain } from "@pharmacrm/domain";
import { NPIS, useWorld, type PersonKey } from "@pharmacrm/domain/testing";

import { callerFor, outcome } from "../testing/caller";

const ctx = useWorld();
const api = (person: PersonKey) => callerFor(ctx.database.db, ctx.world.viewers[person]);
const db = (): Db => ctx.database.db;
const marker = erasureMarker(new Date());

const npiTables = { interaction, task, consentRecord, hcpAttribute, nbaDecision, outreachDraft } as const;

/** Rows per table that a report would count for this org and NPI. */
async function rowCounts(orgId: string, npi: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(npiTables)) {
    const [row] = await db()
      .select({ n: count() })
      .from(table)
      .where(and(eq(table.orgId, orgId), eq(table.hcpNpi, npi)));
    out[name] = row!.n;
  }
  return out;
}

let chatMentioning = "";
let chatOther = "";
/** Copilot writes proposed in repE1's chat: waiting, rejected (both about E1), and one about E2. */
const pendingIds = { waiting: "", rejected: "", other: "" };
const pendingInput = (npi: string, notes: string) => ({
  hcpNpi: npi,
  channel: "phone",
  notes,
  products: [],
  samples: [],
});
beforeAll(async () => {
  const { viewers, territories } = ctx.world;
  const a = viewers.adminA.orgId;
  const b = viewers.adminB.orgId;
  await db()
    .insert(interaction)
    .values({
      orgId: a,
      hcpNpi: NPIS.E1,
      ownerId: viewers.repE1.userId,
      territoryId: territories.E1,
      channel: "phone",
      occurredAt: new Date("2026-10-05T10:00:00Z"),
      notes: "Dr. E1 mentioned her cell 555-0199 and her daughter's surgery",
      followUp: "Call her at home",
    });
  await db()
    .insert(interaction)
    .values({
      orgId: a,
      hcpNpi: NPIS.E1,
      ownerId: viewers.repE1.userId,
      territoryId: territories.E1,
      channel: "video",
      occurredAt: new Date("2026-10-06T10:00:00Z"),
    });
  await db()
    .insert(hcpAttribute)
    .values([
      { orgId: a, hcpNpi: NPIS.E1, segment: "Champion", tier: "A", decile: 9, notes: "Home address 12 Elm St" },
      { orgId: b, hcpNpi: NPIS.E1, segment: "Skeptic", notes: "Org B's own note" },
    ]);
  await db()
    .insert(nbaDecision)
    .values([
      {
        orgId: a,
        userId: viewers.repE1.userId,
        hcpNpi: NPIS.E1,
        action: "call",
        score: "40.0",
        confidence: "0.5",
        reasons: [],
        decision: "dismissed",
        reason: "On maternity leave",
      },
      {
        orgId: a,
        userId: viewers.repE1.userId,
        hcpNpi: NPIS.E1,
        action: "email",
        score: "40.0",
        confidence: "0.5",
        reasons: [],
        decision: "accepted",
      },
    ]);
  await db()
    .insert(outreachDraft)
    .values({
      orgId: a,
      ownerId: viewers.repE1.userId,
      hcpNpi: NPIS.E1,
      purpose: "follow_up",
      subject: "Following up, Dr. E1",
      body: "Hope your daughter is well.",
      compliance: { passed: true, flags: [] },
    });
  const [chat] = await db()
    .insert(conversation)
    .values({ orgId: a, userId: viewers.repE1.userId, title: `Prep for ${NPIS.E1}` })
    .returning();
  chatMentioning = `m-${Date.now()}-1`;
  chatOther = `m-${Date.now()}-2`;
  await db()
    .insert(conversationMessage)
    .values([
      {
        id: chatMentioning,
        conversationId: chat!.id,
        position: 0,
        role: "user",
        parts: [{ type: "text", text: `Brief me on NPI ${NPIS.E1}, she is pregnant` }],
      },
      {
        id: chatOther,
        conversationId: chat!.id,
        position: 1,
        role: "user",
        parts: [{ type: "text", text: "And who else is nearby?" }],
      },
    ]);
  const proposed = (key: string, input: object, extra: { status?: string; reason?: string } = {}) => ({
    orgId: a,
    userId: viewers.repE1.userId,
    conversationId: chat!.id,
    turnId: crypto.randomUUID(),
    messageId: `m-${key}`,
    toolName: "logInteraction",
    toolCallId: `call-${key}`,
    approvalId: `approval-${key}`,
    input,
    expiresAt: new Date(Date.now() + 3_600_000),
    ...extra,
  });
  const actions = await db()
    .insert(copilotPendingAction)
    .values([
      proposed("waiting", pendingInput(NPIS.E1, "She told me about her divorce")),
      proposed("rejected", pendingInput(NPIS.E1, "Her son is ill"), {
        status: "rejected",
        reason: "Not her private life, please",
      }),
      proposed("other", pendingInput(NPIS.E2, "Asked for the new dosing data")),
    ])
    .returning({ id: copilotPendingAction.id });
  [pendingIds.waiting, pendingIds.rejected, pendingIds.other] = [actions[0]!.id, actions[1]!.id, actions[2]!.id];
});

describe("audit.erase of an HCP", () => {
  it("is refused to reps and managers, and without the NPI typed again", async () => {
    for (const person of ["repE1", "managerEast"] as const) {
      expect(await outcome(() => api(person).audit.erase({ kind: "hcp", npi: NPIS.E1, confirmation: NPIS.E1 }))).toBe(
        "FORBIDDEN",
      );
    }
    expect(await outcome(() => api("adminA").audit.erase({ kind: "hcp", npi: NPIS.E1, confirmation: NPIS.E2 }))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await outcome(() => api("adminA").audit.erase({ kind: "hcp", npi: "9999999999", confirmation: "9999999999" })),
    ).toBe("NOT_FOUND");
    expect(await outcome(() => api("adminA").audit.erase({ kind: "hcp", npi: "12", confirmation: "12" }))).toBe(
      "BAD_REQUEST",
    );
    const [row] = await db().select().from(interaction).where(eq(interaction.id, ctx.world.interactions.E1));
    expect(row!.notes).toBe("call in E1");
  });

  it("overwrites the org's free text about the HCP, keeps every row, and leaves reference data and other orgs alone", async () => {
    const { viewers, interactions } = ctx.world;
    const a = viewers.adminA.orgId;
    const b = viewers.adminB.orgId;
    const countsBefore = await rowCounts(a, NPIS.E1);
    const otherOrgBefore = await rowCounts(b, NPIS.E1);
    const [hcpBefore] = await db().select().from(hcp).where(eq(hcp.npi, NPIS.E1));
    const [orgBInteractionBefore] = await db().select().from(interaction).where(eq(interaction.id, interactions.B1));
    const [e2Before] = await db().select().from(interaction).where(eq(interaction.id, interactions.E2));

    const result = await api("adminA").audit.erase({ kind: "hcp", npi: NPIS.E1, confirmation: ` ${NPIS.E1} ` });
    expect(result).toEqual({
      kind: "hcp",
      subject: NPIS.E1,
      marker,
      counts: {
        interaction: 3,
        task: 1,
        hcp_attribute: 1,
        consent_record: 1,
        nba_decision: 2,
        outreach_draft: 1,
        conversation_message: 1,
        conversation: 1,
        copilot_pending_action: 2,
      },
    });

    // Reports count the same rows.
    expect(await rowCounts(a, NPIS.E1)).toEqual(countsBefore);
    expect(countsBefore.interaction).toBe(3);

    // Free text gone; empty text stays empty.
    const calls = await db()
      .select()
      .from(interaction)
      .where(and(eq(interaction.orgId, a), eq(interaction.hcpNpi, NPIS.E1)))
      .orderBy(interaction.occurredAt);
    expect(calls.map((c) => [c.notes, c.followUp])).toEqual([
      [marker, null],
      [marker, marker],
      [null, null],
    ]);
    expect(calls[1]!.channel).toBe("phone");
    const [t] = await db().select().from(task).where(eq(task.id, ctx.world.tasks.E1));
    expect(t).toMatchObject({ title: marker, details: null, status: "open" });
    const [consent] = await db()
      .select()
      .from(consentRecord)
      .where(and(eq(consentRecord.orgId, a), eq(consentRecord.hcpNpi, NPIS.E1)));
    expect(consent).toMatchObject({ source: marker, status: "granted", channel: "email" });
    const [attrs] = await db()
      .select()
      .from(hcpAttribute)
      .where(and(eq(hcpAttribute.orgId, a), eq(hcpAttribute.hcpNpi, NPIS.E1)));
    expect(attrs).toMatchObject({ notes: marker, segment: "Champion", tier: "A", decile: 9 });
    const reasons = await db()
      .select({ reason: nbaDecision.reason, decision: nbaDecision.decision })
      .from(nbaDecision)
      .where(eq(nbaDecision.orgId, a))
      .orderBy(nbaDecision.decision);
    expect(reasons).toEqual([
      { reason: null, decision: "accepted" },
      { reason: marker, decision: "dismissed" },
    ]);
    const [draft] = await db().select().from(outreachDraft).where(eq(outreachDraft.orgId, a));
    expect(draft).toMatchObject({ subject: marker, body: marker, purpose: "follow_up" });
    const messages = await db().select().from(conversationMessage).orderBy(conversationMessage.position);
    expect(messages.map((m) => [m.id, m.parts])).toEqual([
      [chatMentioning, [{ type: "text", text: marker }]],
      [chatOther, [{ type: "text", text: "And who else is nearby?" }]],
    ]);
    // The copilot's proposed writes about E1: input replaced, the answer's reason too; the waiting one is closed.
    const pending = await db().select().from(copilotPendingAction);
    const byId = (id: string) => pending.find((row) => row.id === id);
    expect(byId(pendingIds.waiting)).toMatchObject({
      input: { erased: marker },
      status: "expired",
      reason: ERASED_PENDING_ACTION,
    });
    expect(byId(pendingIds.waiting)!.decidedAt).toBeInstanceOf(Date);
    expect(byId(pendingIds.rejected)).toMatchObject({ input: { erased: marker }, status: "rejected", reason: marker });
    expect(byId(pendingIds.other)).toMatchObject({
      input: pendingInput(NPIS.E2, "Asked for the new dosing data"),
      status: "pending",
      reason: null,
      decidedAt: null,
    });

    // Public reference data: the same row, field for field.
    const [hcpAfter] = await db().select().from(hcp).where(eq(hcp.npi, NPIS.E1));
    expect(hcpAfter).toEqual(hcpBefore);

    // Another org's data about the same HCP, and this org's other HCPs: untouched.
    expect(await rowCounts(b, NPIS.E1)).toEqual(otherOrgBefore);
    expect((await db().select().from(interaction).where(eq(interaction.id, interactions.B1)))[0]).toEqual(
      orgBInteractionBefore,
    );
    const [orgBAttrs] = await db()
      .select()
      .from(hcpAttribute)
      .where(and(eq(hcpAttribute.orgId, b), eq(hcpAttribute.hcpNpi, NPIS.E1)));
    expect(orgBAttrs!.notes).toBe("Org B's own note");
    const [orgBConsent] = await db()
      .select()
      .from(consentRecord)
      .where(and(eq(consentRecord.orgId, b), eq(consentRecord.hcpNpi, NPIS.E1)));
    expect(orgBConsent!.source).toBe("form in B1");
    expect((await db().select().from(interaction).where(eq(interaction.id, interactions.E2)))[0]).toEqual(e2Before);

    // The erasure itself is audited (who, whom, which tables, how many rows), and the chain still holds.
    const [event] = await db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, a), eq(auditEvent.action, "person.erase")));
    expect(event).toMatchObject({
      actorId: viewers.adminA.userId,
      entityType: "hcp",
      entityId: NPIS.E1,
      after: { marker, counts: result.counts },
    });
    expect((await verifyAuditChain(db(), a)).broken).toBeNull();
  });

  it("still refuses any other rewrite of consent history", async () => {
    await expect(db().execute(sql`update consent_record set status = 'revoked'`)).rejects.toThrow();
    await expect(
      db().transaction(async (tx) => {
        await tx.execute(sql`set local pharmacrm.erasure = 'on'`);
        await tx.execute(sql`update consent_record set status = 'revoked', source = 'x'`);
      }),
    ).rejects.toThrow();
    await expect(
      db().transaction(async (tx) => {
        await tx.execute(sql`set local pharmacrm.erasure = 'on'`);
        await tx.execute(sql`delete from consent_record`);
      }),
    ).rejects.toThrow();
    await expect(
      db().transaction(async (tx) => {
        await tx.execute(sql`set local pharmacrm.erasure = 'on'`);
        await tx.execute(sql`update audit_event set after = null`);
      }),
    ).rejects.toThrow();
  });
});

describe("audit.erase of a former user", () => {
  it("refuses an active user, another org's user, yourself and a wrong email", async () => {
    const { viewers } = ctx.world;
    const erase = (person: PersonKey, target: PersonKey, confirmation = viewers[target].email) =>
      outcome(() => api(person).audit.erase({ kind: "user", userId: viewers[target].userId, confirmation }));
    expect(await erase("adminA", "repW1")).toBe("CONFLICT");
    expect(await erase("adminA", "repB1")).toBe("NOT_FOUND");
    expect(await erase("adminA", "adminA")).toBe("CONFLICT");
    expect(await erase("managerEast", "repW1")).toBe("FORBIDDEN");
    await db().update(appUser).set({ disabledAt: new Date() }).where(eq(appUser.id, viewers.repW1.userId));
    expect(await erase("adminA", "repW1", "someone@else.example")).toBe("BAD_REQUEST");
  });

  it("replaces their name, email and password, ends their sessions, keeps the records they made", async () => {
    const { viewers } = ctx.world;
    const id = viewers.repE1.userId;
    await db().update(appUser).set({ disabledAt: new Date(), passwordHash: "scrypt$abc" }).where(eq(appUser.id, id));
    const orgId = viewers.repE1.orgId;
    await db().insert(userMfa).values({ userId: id, orgId, secretEncrypted: "v1:secret", confirmedAt: new Date() });
    await db()
      .insert(mfaRecoveryCode)
      .values([
        { userId: id, orgId, codeHash: "h1" },
        { userId: id, orgId, codeHash: "h2" },
      ]);
    await db()
      .insert(authSession)
      .values({
        userId: id,
        orgId,
        method: "password",
        ip: "203.0.113.9",
        userAgent: "Firefox",
        expiresAt: new Date(Date.now() + 3_600_000),
      });
    await db()
      .insert(signInThrottle)
      .values({ key: `sign-in-failures:account:${viewers.repE1.email}`, points: 3 });
    await db()
      .insert(savedQuestion)
      .values({ orgId, ownerId: id, title: "My calls by month", query: { measures: ["Calls.count"] }, position: 1 });
    const [before] = await db().select().from(appUser).where(eq(appUser.id, id));
    const [callsBefore] = await db().select({ n: count() }).from(interaction).where(eq(interaction.ownerId, id));

    const result = await api("adminA").audit.erase({
      kind: "user",
      userId: id,
      confirmation: viewers.repE1.email.toUpperCase(),
    });
    expect(result).toEqual({
      kind: "user",
      subject: id,
      marker,
      counts: {
        app_user: 1,
        user_mfa: 1,
        mfa_recovery_code: 2,
        auth_session: 1,
        conversation_message: 2,
        conversation: 1,
        copilot_pending_action: 3,
        saved_question: 1,
      },
    });
    expect(await db().select().from(savedQuestion).where(eq(savedQuestion.ownerId, id))).toEqual([]);

    const [after] = await db().select().from(appUser).where(eq(appUser.id, id));
    expect(after).toMatchObject({
      name: "Erased user",
      email: `erased-${id}@erased.invalid`,
      passwordHash: null,
      role: "rep",
      orgId: before!.orgId,
    });
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1);
    expect(await db().select().from(userMfa).where(eq(userMfa.userId, id))).toEqual([]);
    expect(await db().select().from(mfaRecoveryCode).where(eq(mfaRecoveryCode.userId, id))).toEqual([]);
    const [session] = await db().select().from(authSession).where(eq(authSession.userId, id));
    expect(session).toMatchObject({ ip: null, userAgent: null, method: "password" });
    expect(session!.revokedAt).toBeInstanceOf(Date);
    expect(await db().select().from(signInThrottle)).toEqual([]);
    expect((await db().select({ n: count() }).from(interaction).where(eq(interaction.ownerId, id)))[0]).toEqual(
      callsBefore,
    );
    const [chat] = await db().select().from(conversation).where(eq(conversation.userId, id));
    expect(chat!.title).toBe(marker);
    const writes = await db().select().from(copilotPendingAction).where(eq(copilotPendingAction.userId, id));
    expect(writes.map((w) => w.input)).toEqual([{ erased: marker }, { erased: marker }, { erased: marker }]);
    expect(writes.find((w) => w.id === pendingIds.other)).toMatchObject({
      status: "expired",
      reason: ERASED_PENDING_ACTION,
    });
    const [event] = await db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "person.erase"), eq(auditEvent.entityType, "app_user")));
    expect(event).toMatchObject({ entityId: id, actorId: viewers.adminA.userId, after: { counts: result.counts } });
    expect(JSON.stringify(event!.after)).not.toContain(before!.email);

    expect(
      await outcome(() => api("adminA").audit.erase({ kind: "user", userId: id, confirmation: after!.email })),
    ).toBe("CONFLICT");
    const facets = await api("adminA").audit.facets();
    expect(facets.people.find((p) => p.id === id)).toMatchObject({ former: true, erased: true, name: "Erased user" });
  });
});
