// The physician a suggested draft may name: email consent for all products in force, in the viewer's territories.
import { describe, expect, it } from "vitest";

import { consentRecord } from "@pharmacrm/db";

import { scopeFor } from "../scope";
import { NPIS, useWorld } from "../testing/world";
import { physicianWithEmailConsent } from "./latest";

const ctx = useWorld();

describe("physicianWithEmailConsent", () => {
  it("names the viewer's physician with email consent granted, and nobody once it is revoked", async () => {
    const db = ctx.database.db;
    const rep = ctx.world.viewers.repE1;
    const scope = await scopeFor(db, rep);
    expect(await physicianWithEmailConsent(db, scope)).toMatchObject({ npi: NPIS.E1 });
    // Another org's revocation changes nothing for this org.
    const other = ctx.world.viewers.repB1;
    await db.insert(consentRecord).values({
      orgId: other.orgId,
      hcpNpi: NPIS.E1,
      channel: "email",
      status: "revoked",
      source: "verbal",
      recordedById: other.userId,
    });
    expect(await physicianWithEmailConsent(db, scope)).toMatchObject({ npi: NPIS.E1 });
    await db.insert(consentRecord).values({
      orgId: rep.orgId,
      hcpNpi: NPIS.E1,
      channel: "email",
      status: "revoked",
      source: "verbal",
      recordedById: rep.userId,
    });
    expect(await physicianWithEmailConsent(db, scope)).toBeNull();
    expect(await physicianWithEmailConsent(db, await scopeFor(db, ctx.world.viewers.repW1))).toMatchObject({
      npi: NPIS.W1,
    });
  });
});
