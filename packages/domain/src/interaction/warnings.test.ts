// Warnings before a call is saved: a revoked consent for the call's channel (this org's, all products) and the
// person's own call with the same physician that day or within 12 hours; other orgs' records never count.
import { describe, expect, it } from "vitest";

import { consentRecord, hcpTaxonomy } from "@pharmacrm/db";

import { scopeFor } from "../scope";
import { NPI, useHcp360World, type FixturePerson } from "../testing/hcp-360-world";
import { callWarnings } from "./warnings";

const world = useHcp360World();

const warningsFor = async (person: FixturePerson, channel: "in_person" | "phone" | "video" | "email", at: string) =>
  callWarnings(world.database.db, await scopeFor(world.database.db, world.viewers[person]), {
    npi: NPI,
    channel,
    occurredAt: at,
  });

const revoke = async (person: FixturePerson, channel: "phone" | "in_person", recordedAt: string) =>
  world.database.db.insert(consentRecord).values({
    orgId: world.viewers[person].orgId,
    hcpNpi: NPI,
    channel,
    status: "revoked",
    source: "verbal",
    recordedById: world.viewers[person].userId,
    recordedAt: new Date(recordedAt),
  });

describe("warnings before a call is saved", () => {
  it("say nothing for an ordinary call", async () => {
    expect(await warningsFor("repIn", "email", "2026-10-05T10:00:00Z")).toEqual([]);
  });

  it("name the person's own call with the physician within 12 hours, either side", async () => {
    for (const at of ["2026-10-01T21:00:00Z", "2026-09-30T23:00:00Z"]) {
      expect(await warningsFor("repIn", "phone", at)).toEqual([
        {
          kind: "call_nearby",
          message: "You already logged a call with Ada Lovelace in person on 2026-10-01.",
        },
      ]);
    }
    expect(await warningsFor("repIn", "phone", "2026-10-02T10:00:00Z")).toEqual([]);
  });

  it("for a date without a time, name the person's own call on that calendar day", async () => {
    expect((await warningsFor("repIn", "phone", "2026-10-01")).map((w) => w.kind)).toEqual(["call_nearby"]);
    expect(await warningsFor("repIn", "phone", "2026-10-02")).toEqual([]);
  });

  it("say when consent for the call's channel was revoked for all products; another org's revocation never counts", async () => {
    await revoke("repB", "in_person", "2026-10-10T09:00:00Z");
    expect(await warningsFor("repIn", "in_person", "2026-10-20T10:00:00Z")).toEqual([]);
    await revoke("repIn", "in_person", "2026-10-11T09:00:00Z");
    expect(await warningsFor("repIn", "in_person", "2026-10-20T10:00:00Z")).toEqual([
      { kind: "consent_revoked", message: "Ada Lovelace revoked in-person consent on 2026-10-11." },
    ]);
    // A video call has no consent channel of its own.
    expect(await warningsFor("repIn", "video", "2026-10-20T10:00:00Z")).toEqual([]);
  });

  it("are refused for a physician outside the person's territories", async () => {
    await expect(warningsFor("repOut", "phone", "2026-10-20T10:00:00Z")).rejects.toThrow(/outside your territories/);
  });

  it("for a call with samples, say when NPPES lists no licence in the practice state", async () => {
    const db = world.database.db;
    const scope = await scopeFor(db, world.viewers.repIn);
    const withSamples = () =>
      callWarnings(db, scope, { npi: NPI, channel: "email", occurredAt: "2026-11-05", withSamples: true });
    const noLicence = {
      kind: "no_state_licence",
      message:
        "NPPES lists no licence in MA for Ada Lovelace: samples go only to a prescriber licensed in the state of the call.",
    };
    expect(await withSamples()).toEqual([noLicence]);
    await db
      .insert(hcpTaxonomy)
      .values({ npi: NPI, slot: 1, code: "207RC0000X", licenseState: "NY", licenseNumber: "123" });
    expect(await withSamples()).toEqual([noLicence]);
    await db
      .insert(hcpTaxonomy)
      .values({ npi: NPI, slot: 2, code: "207RC0000X", licenseState: "MA", licenseNumber: "MA-9" });
    expect(await withSamples()).toEqual([]);
    // Without samples the licence is not looked at.
    await db.delete(hcpTaxonomy);
    expect(await callWarnings(db, scope, { npi: NPI, channel: "email", occurredAt: "2026-11-05" })).toEqual([]);
  });
});
