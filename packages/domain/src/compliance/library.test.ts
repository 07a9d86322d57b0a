// The compliance library an admin keeps: what it holds is what the copilot's drafts are checked against.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { auditEvent } from "@pharmacrm/db";

import { complianceRulesFor } from "../outreach/compliance-rules";
import { scopeFor } from "../scope";
import { failure } from "../testing/failure";
import { useWorld } from "../testing/world";
import { checkDraft } from "./check-draft";
import {
  addApprovedClaim,
  addBannedPhrase,
  complianceLibrary,
  removeBannedPhrase,
  tryComplianceCheck,
  withdrawApprovedClaim,
} from "./library";

const state = useWorld();
const scope = (key: keyof typeof state.world.viewers) => scopeFor(state.database.db, state.world.viewers[key]);
const CLAIM = "Alphacor lowers LDL cholesterol by 40 % at 12 weeks in adults with hyperlipidaemia.";

describe("compliance library", () => {
  it("an approved claim added is one the drafts may quote; withdrawn, it no longer is", async () => {
    const db = state.database.db;
    const admin = await scope("adminA");
    const productId = state.world.products.A;
    const sentence = "Alphacor lowers LDL cholesterol by 40 % at 12 weeks in adults with hyperlipidaemia.";
    const before = checkDraft(sentence, await complianceRulesFor(db, admin.orgId), "Alphacor");
    expect(before.flags.map((f) => f.kind)).toEqual(["unapproved_claim"]);

    const added = await addApprovedClaim(db, admin, { productId, text: CLAIM, reference: "Label §14.1" });
    expect(await failure(addApprovedClaim(db, admin, { productId, text: CLAIM.toUpperCase(), reference: null }))).toBe(
      "CONFLICT",
    );
    expect(checkDraft(sentence, await complianceRulesFor(db, admin.orgId), "Alphacor")).toEqual({
      passed: true,
      flags: [],
    });
    const library = await complianceLibrary(db, admin);
    expect(library.products).toEqual([
      expect.objectContaining({
        name: "Alphacor",
        claims: [
          expect.objectContaining({ id: added.id, text: CLAIM, reference: "Label §14.1", addedBy: expect.any(String) }),
        ],
      }),
    ]);

    await withdrawApprovedClaim(db, admin, { id: added.id });
    expect(checkDraft(sentence, await complianceRulesFor(db, admin.orgId), "Alphacor").passed).toBe(false);
    const [audit] = await db.select().from(auditEvent).where(eq(auditEvent.action, "compliance.claim_withdraw"));
    expect(audit!.before).toMatchObject({ text: CLAIM, reference: "Label §14.1" });

    // Another org's product, another org's claim, and anyone but an admin are refused.
    expect(
      await failure(addApprovedClaim(db, admin, { productId: state.world.products.B, text: CLAIM, reference: null })),
    ).toBe("NOT_FOUND");
    const mine = await addApprovedClaim(db, admin, { productId, text: CLAIM, reference: null });
    expect(await failure(withdrawApprovedClaim(db, await scope("adminB"), { id: mine.id }))).toBe("NOT_FOUND");
    expect(
      await failure(addApprovedClaim(db, await scope("managerEast"), { productId, text: CLAIM, reference: null })),
    ).toBe("FORBIDDEN");
    expect(await failure(complianceLibrary(db, await scope("repE1")))).toBe("FORBIDDEN");
    expect(await failure(addApprovedClaim(db, admin, { productId, text: "Too short", reference: null }))).toBe(
      "ZodError",
    );
  });

  it("a banned phrase added is flagged in drafts, whatever its case or spacing; the built-in ones stay", async () => {
    const db = state.database.db;
    const admin = await scope("adminA");
    const banned = await addBannedPhrase(db, admin, { phrase: "  Act   now " });
    expect(banned.phrase).toBe("Act now");
    expect(await failure(addBannedPhrase(db, admin, { phrase: "ACT NOW" }))).toBe("CONFLICT");
    expect(await failure(addBannedPhrase(db, admin, { phrase: "Miracle" }))).toBe("CONFLICT");
    const result = await tryComplianceCheck(db, admin, { text: "Call me to act now. See you soon.", productId: null });
    expect(result.flags).toEqual([
      { kind: "banned_phrase", sentence: "Call me to act now.", reason: 'uses the banned phrase "act now"' },
    ]);
    // Another org does not inherit it.
    const other = await tryComplianceCheck(db, await scope("adminB"), { text: "Act now.", productId: null });
    expect(other.passed).toBe(true);
    expect(
      await failure(tryComplianceCheck(db, await scope("adminB"), { text: "x", productId: state.world.products.A })),
    ).toBe("NOT_FOUND");

    await removeBannedPhrase(db, admin, { id: banned.id });
    expect((await tryComplianceCheck(db, admin, { text: "Act now.", productId: null })).passed).toBe(true);
    expect((await complianceLibrary(db, admin)).builtIn).toContain("miracle");
    const actions = (await db.select({ action: auditEvent.action }).from(auditEvent)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["compliance.phrase_ban", "compliance.phrase_unban"]));
  });
});
