// Consent captured with its evidence: appended (never edited), shown in the HCP's history with who recorded it, the
// latest per channel and product in force; bad evidence refused with the field's words.
import { describe, expect, it } from "vitest";

import { hcpProfile } from "../hcp/profile";
import { scopeFor } from "../scope";
import { NPIS, useWorld } from "../testing/world";
import { recordConsent } from "./record";

const ctx = useWorld();

describe("recording consent", () => {
  it("appends opt-ins and opt-outs with their evidence; the latest per channel is in force, the history keeps all", async () => {
    const scope = await scopeFor(ctx.database.db, ctx.world.viewers.repE1);
    await recordConsent(ctx.database.db, scope, {
      npi: NPIS.E1,
      channel: "phone",
      status: "granted",
      source: "signed form",
      evidence: "  Form NW-2291, signed 3 Dec  ",
    });
    await recordConsent(ctx.database.db, scope, {
      npi: NPIS.E1,
      channel: "phone",
      status: "revoked",
      source: "verbal at call",
      evidence: "   ",
    });
    const profile = await hcpProfile(ctx.database.db, scope, NPIS.E1);
    expect(profile.consent.find((c) => c.channel === "phone")).toMatchObject({ status: "revoked" });
    expect(profile.consentHistory.slice(0, 2)).toMatchObject([
      { channel: "phone", status: "revoked", source: "verbal at call", evidence: null, recordedBy: "repE1" },
      { channel: "phone", status: "granted", source: "signed form", evidence: "Form NW-2291, signed 3 Dec" },
    ]);
    // The world's email opt-in of E1 is there too, oldest last.
    expect(profile.consentHistory.at(-1)).toMatchObject({ channel: "email", status: "granted" });
  });

  it("refuses evidence that is too long or holds control characters, saying which field", async () => {
    const scope = await scopeFor(ctx.database.db, ctx.world.viewers.repE1);
    const base = { npi: NPIS.E1, channel: "email" as const, status: "granted" as const, source: "web form" };
    await expect(recordConsent(ctx.database.db, scope, { ...base, evidence: "x".repeat(2001) })).rejects.toThrow(
      /Keep the evidence under 2,000 characters/,
    );
    await expect(recordConsent(ctx.database.db, scope, { ...base, evidence: "a\u0000b" })).rejects.toThrow(
      /The evidence cannot contain control characters/,
    );
  });

  it("another territory's rep cannot record it", async () => {
    const other = await scopeFor(ctx.database.db, ctx.world.viewers.repE2);
    await expect(
      recordConsent(ctx.database.db, other, {
        npi: NPIS.E1,
        channel: "email",
        status: "revoked",
        source: "email reply",
      }),
    ).rejects.toThrow(/outside your territor/);
  });
});
