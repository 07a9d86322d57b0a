// Outreach drafts on the exact fixture: consent first (none → nothing drafted, no row), approved claims only, the
// compliance check's flags returned, a saved draft that is never sent, and no reach beyond the rep's territories.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { auditEvent, consentRecord, outreachDraft } from "@pharmacrm/db";
import { NPIS, useWorld, type PersonKey } from "@pharmacrm/domain/testing";
import { CLAIM, NOCONSENT, NOW, ORTIZ, seedBriefFixture } from "@pharmacrm/domain/testing/brief-world";

import { createCopilotTools } from "./index";
import { runTool } from "./testing/run-tool";

const state = useWorld();
beforeAll(() => seedBriefFixture(state.database.db, state.world));

const draft = (
  person: PersonKey,
  input: { npi: string; purpose: "follow_up" | "invitation" | "sample_offer"; product?: string; topic?: string },
) =>
  runTool(
    createCopilotTools({ db: state.database.db, viewer: state.world.viewers[person], now: NOW }).draftOutreach,
    input,
  );

const draftsFor = async (npi: string) =>
  (await state.database.db.select({ n: count() }).from(outreachDraft).where(eq(outreachDraft.hcpNpi, npi)))[0]!.n;

describe("draftOutreach", () => {
  it("writes a follow-up from the template with the approved claim, passes compliance and saves it unsent", async () => {
    const result = await draft("repE1", { npi: ORTIZ, purpose: "follow_up", topic: "the renal dosing study" });
    if (result.status !== "drafted") throw new Error(result.message);
    expect(result.subject).toBe("Following up: the renal dosing study");
    expect(result.body).toBe(
      [
        "Dear Dr Ortiz,",
        "",
        "Thank you for your time when we met on 2024-06-01.",
        "As promised, I am following up on the renal dosing study.",
        "",
        "From the approved prescribing information for Alphacor:",
        `- ${CLAIM}`,
        "",
        "Full prescribing information, including important safety information, is available on request.",
        "",
        "Kind regards,",
        "repE1",
        "Org A",
      ].join("\n"),
    );
    expect(result.product).toEqual({ id: state.world.products.A, name: "Alphacor" });
    expect(result.compliance).toEqual({ passed: true, flags: [] });
    expect(result.claimsUsed).toEqual([{ text: CLAIM, reference: "Label section 14.1" }]);
    expect(result.consent).toEqual({
      channel: "email",
      coversAllProducts: true,
      recordedAt: "2024-05-01",
      source: { table: "consent_record", period: "2024-05-01", release: "signed form" },
    });
    expect(result.sent).toBe(false);
    expect(result.message).toBe("Saved as a draft; nothing was sent. The compliance check found nothing to change.");

    const { db } = state.database;
    const [row] = await db.select().from(outreachDraft).where(eq(outreachDraft.id, result.draftId));
    expect(row).toMatchObject({
      ownerId: state.world.viewers.repE1.userId,
      hcpNpi: ORTIZ,
      territoryId: state.world.territories.E1,
      purpose: "follow_up",
      subject: result.subject,
      body: result.body,
      compliance: { passed: true, flags: [] },
    });
    const [audit] = await db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, result.draftId), eq(auditEvent.action, "outreach.draft")));
    expect(audit?.actorId).toBe(state.world.viewers.repE1.userId);
  });

  it("writes invitations and sample offers from their own templates", async () => {
    const invitation = await draft("repE1", { npi: ORTIZ, purpose: "invitation", product: "alphacor" });
    if (invitation.status !== "drafted") throw new Error(invitation.message);
    expect(invitation.subject).toBe("Invitation: an educational session on Alphacor");
    expect(invitation.body.split("\n").slice(2, 4)).toEqual([
      "I would like to invite you to an educational session on Alphacor with colleagues from your area.",
      "Please let me know whether you would like me to reserve a place for you.",
    ]);
    const sample = await draft("repE1", { npi: ORTIZ, purpose: "sample_offer" });
    if (sample.status !== "drafted") throw new Error(sample.message);
    expect(sample.subject).toBe("Alphacor samples");
    expect(sample.body.split("\n")[2]).toBe(
      "I would be glad to bring samples of Alphacor on my next visit, if that suits your practice.",
    );
    expect(sample.compliance.passed).toBe(true);
  });

  it("flags a banned phrase and an unapproved claim in the rep's words, and still saves the draft for editing", async () => {
    const result = await draft("repE1", {
      npi: ORTIZ,
      purpose: "follow_up",
      topic: "why Alphacor works better than Rivalix, a real game changer",
    });
    if (result.status !== "drafted") throw new Error(result.message);
    const sentence = "As promised, I am following up on why Alphacor works better than Rivalix, a real game changer.";
    expect(result.compliance.passed).toBe(false);
    expect(result.compliance.flags).toEqual(
      expect.arrayContaining([
        { kind: "banned_phrase", sentence, reason: 'uses the banned phrase "game changer"' },
        {
          kind: "unapproved_claim",
          sentence,
          reason: "says what Alphacor does in words that are not an approved claim",
        },
      ]),
    );
    expect(result.message).toMatch(/^Saved as a draft; nothing was sent\. The compliance check flagged \d sentences?/);
    const [row] = await state.database.db
      .select({ compliance: outreachDraft.compliance })
      .from(outreachDraft)
      .where(eq(outreachDraft.id, result.draftId));
    expect(row!.compliance).toEqual(result.compliance);
  });

  it("drafts nothing and saves nothing without email consent, or when it was revoked for the product", async () => {
    expect(await draft("repE1", { npi: NOCONSENT, purpose: "follow_up", product: "Alphacor" })).toEqual({
      status: "no_consent",
      message:
        "Ben Ng has no email consent on record for Alphacor, so no email was drafted. Record their consent first, or reach them in person or by phone.",
    });
    expect(await draftsFor(NOCONSENT)).toBe(0);

    const before = await draftsFor(ORTIZ);
    await state.database.db.insert(consentRecord).values({
      orgId: state.world.viewers.repE1.orgId,
      hcpNpi: ORTIZ,
      channel: "email",
      productId: state.world.products.A,
      status: "revoked",
      source: "email opt-out",
      recordedById: state.world.viewers.repE1.userId,
      recordedAt: new Date("2026-11-20T09:00:00Z"),
    });
    expect(await draft("repE1", { npi: ORTIZ, purpose: "sample_offer", product: "Alphacor" })).toEqual({
      status: "no_consent",
      message: "Ana Ortiz revoked email consent for Alphacor on 2026-11-20, so no email was drafted about Alphacor.",
    });
    expect(await draftsFor(ORTIZ)).toBe(before);

    // A product-level grant does not outlive a newer opt-out from all email.
    const consent = (productId: string | null, status: "granted" | "revoked", recordedAt: string) => ({
      orgId: state.world.viewers.repE1.orgId,
      hcpNpi: NOCONSENT,
      channel: "email" as const,
      productId,
      status,
      source: "test",
      recordedById: state.world.viewers.repE1.userId,
      recordedAt: new Date(recordedAt),
    });
    await state.database.db
      .insert(consentRecord)
      .values([
        consent(state.world.products.A, "granted", "2026-01-01T00:00:00Z"),
        consent(null, "revoked", "2026-02-01T00:00:00Z"),
      ]);
    expect(await draft("repE1", { npi: NOCONSENT, purpose: "follow_up", product: "Alphacor" })).toEqual({
      status: "no_consent",
      message: "Ben Ng revoked email consent on 2026-02-01, so no email was drafted about Alphacor.",
    });
    await state.database.db
      .insert(consentRecord)
      .values(consent(state.world.products.A, "granted", "2026-03-01T00:00:00Z"));
    expect(await draft("repE1", { npi: NOCONSENT, purpose: "follow_up", product: "Alphacor" })).toMatchObject({
      status: "drafted",
      consent: { coversAllProducts: false, recordedAt: "2026-03-01" },
    });
    expect(await draftsFor(NOCONSENT)).toBe(1);
  });

  it("reaches no HCP outside the rep's territories and no other org's product", async () => {
    const before = await draftsFor(NPIS.E2);
    expect(await draft("repE1", { npi: NPIS.E2, purpose: "follow_up" })).toMatchObject({ status: "out_of_scope" });
    expect(await draft("managerWest", { npi: NPIS.E1, purpose: "follow_up" })).toMatchObject({
      status: "out_of_scope",
    });
    expect(await draftsFor(NPIS.E2)).toBe(before);
    expect(await draft("repE1", { npi: NPIS.E1, purpose: "follow_up", product: "Betavent" })).toEqual({
      status: "invalid",
      message: "Betavent is not one of your organisation's products (Alphacor).",
    });
    // Org B's rep covers the same ZIP: their draft rests on org B's consent and names org B, never org A's claims.
    const other = await draft("repB1", { npi: NPIS.E1, purpose: "follow_up" });
    if (other.status !== "drafted") throw new Error(other.message);
    expect(other.body).not.toMatch(/Alphacor|Org A/);
    expect(other.consent.source.release).toBe("form in B1");
  });
});
