// audit.erase of an HCP: an admin erases a person by anonymisation. Rows stay (counts and reports unchanged), the
// free text the org holds is overwritten (copilot writes awaiting approval included), public reference data and other
// orgs are untouched, and the erasure is audited.
import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import {
  auditEvent,
  callDraft,
  consentRecord,
  conversationMessage,
  copilotPendingAction,
  hcp,
  hcpAttribute,
  interaction,
  nbaDecision,
  outreachDraft,
  task,
} from "@pharmacrm/db";
import { ERASED_PENDING_ACTION, verifyAuditChain } from "@pharmacrm/domain";
import { NPIS } from "@pharmacrm/domain/testing";

import { outcome } from "../testing/caller";
import { pendingInput, useErasureWorld } from "../testing/erasure-fixtures";

const erasure = useErasureWorld();
const { api, db, marker } = erasure;

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
    const [row] = await db().select().from(interaction).where(eq(interaction.id, erasure.world.interactions.E1));
    expect(row!.notes).toBe("call in E1");
  });

  it("overwrites the org's free text about the HCP, keeps every row, and leaves reference data and other orgs alone", async () => {
    const { viewers, interactions } = erasure.world;
    const a = viewers.adminA.orgId;
    const b = viewers.adminB.orgId;
    const countsBefore = await rowCounts(a, NPIS.E1);
    const otherOrgBefore = await rowCounts(b, NPIS.E1);
    const [hcpBefore] = await db().select().from(hcp).where(eq(hcp.npi, NPIS.E1));
    const [orgBInteractionBefore] = await db().select().from(interaction).where(eq(interaction.id, interactions.B1));
    const [e2Before] = await db().select().from(interaction).where(eq(interaction.id, interactions.E2));

    const callReport = await api("repE1").interaction.saveDraft({
      npi: NPIS.E1,
      channel: "phone",
      occurredAt: new Date(Date.now() - 60_000),
      notes: "Her daughter is ill",
    });
    const result = await api("adminA").audit.erase({ kind: "hcp", npi: NPIS.E1, confirmation: ` ${NPIS.E1} ` });
    expect(result).toEqual({
      kind: "hcp",
      subject: NPIS.E1,
      marker,
      counts: {
        interaction: 3,
        call_draft: 1,
        task: 1,
        hcp_attribute: 1,
        consent_record: 2,
        nba_decision: 2,
        outreach_draft: 1,
        conversation_message: 1,
        conversation: 1,
        copilot_pending_action: 2,
      },
    });

    expect(await db().select().from(callDraft).where(eq(callDraft.id, callReport.id))).toEqual([]);
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
    const [t] = await db().select().from(task).where(eq(task.id, erasure.world.tasks.E1));
    expect(t).toMatchObject({ title: marker, details: null, status: "open" });
    const consents = await db()
      .select()
      .from(consentRecord)
      .where(and(eq(consentRecord.orgId, a), eq(consentRecord.hcpNpi, NPIS.E1)))
      .orderBy(consentRecord.channel);
    expect(consents).toMatchObject([
      { source: marker, status: "granted", channel: "email", evidence: null },
      { source: marker, status: "revoked", channel: "phone", evidence: marker },
    ]);
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
      [erasure.seeded.chatMentioning, [{ type: "text", text: marker }]],
      [erasure.seeded.chatOther, [{ type: "text", text: "And who else is nearby?" }]],
    ]);
    // The copilot's proposed writes about E1: input replaced, the answer's reason too; the waiting one is closed.
    const pending = await db().select().from(copilotPendingAction);
    const byId = (id: string) => pending.find((row) => row.id === id);
    expect(byId(erasure.seeded.pendingIds.waiting)).toMatchObject({
      input: { erased: marker },
      status: "expired",
      reason: ERASED_PENDING_ACTION,
    });
    expect(byId(erasure.seeded.pendingIds.waiting)!.decidedAt).toBeInstanceOf(Date);
    expect(byId(erasure.seeded.pendingIds.rejected)).toMatchObject({
      input: { erased: marker },
      status: "rejected",
      reason: marker,
    });
    expect(byId(erasure.seeded.pendingIds.other)).toMatchObject({
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
