// Next-best actions read from the database within the viewer's scope (the scoring itself: domain nba/score.test.ts).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import {
  auditEvent,
  market,
  marketDrug,
  nbaDecision,
  openPayment,
  partDPrescribing,
  product,
  task,
} from "@pharmacrm/db";
import {
  acceptNextBestAction,
  dismissNextBestAction,
  nextBestActions,
  nextBestActionsInput,
  scopeFor,
} from "@pharmacrm/domain";
import { NPIS, useWorld, type PersonKey } from "@pharmacrm/domain/testing";

import { callerFor, outcome } from "../testing/caller";

const state = useWorld();
const now = new Date("2026-11-23T10:00:00Z");

const actionsFor = async (person: PersonKey, input: { npi?: string } = {}) => {
  const { db } = state.database;
  return nextBestActions(db, await scopeFor(db, state.world.viewers[person]), nextBestActionsInput.parse(input), now);
};

beforeAll(async () => {
  const { db } = state.database;
  const orgA = state.world.viewers.adminA.orgId;
  const [anticoag] = await db.insert(market).values({ orgId: orgA, name: "Anticoagulants" }).returning();
  await db.insert(marketDrug).values([
    { orgId: orgA, marketId: anticoag!.id, brandName: "Alphacor", genericName: "Alphacoran", isOwn: true },
    { orgId: orgA, marketId: anticoag!.id, brandName: "Rivalix", genericName: "Rivaloxaban", isOwn: false },
  ]);
  await db
    .update(product)
    .set({ marketId: anticoag!.id, partDBrandName: "Alphacor" })
    .where(eq(product.id, state.world.products.A));
  const generic: Record<string, string> = { Alphacor: "Alphacoran", Rivalix: "Rivaloxaban", Unrelated: "Unrelated" };
  const rx = (npi: string, year: number, brandName: string, totalClaims: number) => ({
    npi,
    year,
    brandName,
    genericName: generic[brandName]!,
    totalClaims,
  });
  await db.insert(partDPrescribing).values([
    rx(NPIS.E1, 2022, "Alphacor", 60),
    rx(NPIS.E1, 2022, "Rivalix", 240),
    rx(NPIS.E1, 2023, "Alphacor", 40),
    rx(NPIS.E1, 2023, "Rivalix", 360),
    rx(NPIS.E1, 2023, "Unrelated", 999),
    rx(NPIS.E2, 2023, "Rivalix", 50),
    // A newer year of a drug outside the org's markets does not make 2023's claims look absent.
    rx(NPIS.E2, 2024, "Unrelated", 80),
  ]);
  await db.insert(openPayment).values({
    recordId: 1,
    programYear: 2024,
    recipientType: "Covered Recipient Physician",
    npi: NPIS.E1,
    manufacturerId: "100000000001",
    manufacturerName: "Rival Pharma",
    amountUsd: "250.00",
    paymentDate: "2024-03-01",
    nature: "Food and Beverage",
  });
  await db.insert(task).values({
    orgId: orgA,
    ownerId: state.world.viewers.repE1.userId,
    createdById: state.world.viewers.repE1.userId,
    hcpNpi: NPIS.E1,
    territoryId: state.world.territories.E1,
    title: "Send the renal dosing study",
    dueDate: "2026-11-01",
  });
});

describe("next-best actions from the database", () => {
  it("scores a rep's own HCP from its market claims, share, last call, consent and payments", async () => {
    const result = await actionsFor("repE1");
    expect(result).toMatchObject({ asOf: "2026-11-23", considered: 1 });
    const call = result.suggestions.find((s) => s.action === "call")!;
    expect(call.npi).toBe(NPIS.E1);
    expect(call.reasons.map((r) => r.text)).toEqual([
      "400 claims in your markets (Part D 2023), at or above 100% of your HCPs",
      "your share is 10% of their market claims (Part D 2023)",
      "market claims up 33% on 2022",
      "your share fell from 20% to 10%",
      "last interaction 53 days ago",
      "received $250 from 1 manufacturer (Open Payments 2024)",
    ]);
    expect(result.suggestions.map((s) => s.action).sort()).toEqual(["call", "follow_up", "sample"]);
    expect(result.suggestions.find((s) => s.action === "follow_up")!.subject).toBe("Send the renal dosing study");
  });

  it("offers email and a sample for one HCP when consent and a sampleable product allow", async () => {
    const result = await actionsFor("repE1", { npi: NPIS.E1 });
    expect(result.suggestions.map((s) => s.action).sort()).toEqual(["call", "email", "follow_up", "sample"]);
    expect(result.suggestions.find((s) => s.action === "sample")!.subject).toBe("Alphacor");
  });

  it("keeps to the viewer's scope: other territories, other orgs' markets and tasks stay out", async () => {
    expect((await actionsFor("repE2")).suggestions.every((s) => s.npi === NPIS.E2)).toBe(true);
    expect((await actionsFor("repE2", { npi: NPIS.E1 })).considered).toBe(0);
    expect((await actionsFor("managerEast")).considered).toBe(2);
    expect((await actionsFor("adminA")).considered).toBe(4);

    // Org B covers the same ZIP as E1 but has no markets and none of org A's tasks.
    const orgB = await actionsFor("repB1");
    expect(orgB.considered).toBe(1);
    expect(orgB.suggestions.map((s) => s.action)).not.toContain("follow_up");
    expect(orgB.suggestions.flatMap((s) => s.reasons.map((r) => r.text)).join(" ")).not.toMatch(
      /claims in your markets/,
    );
  });
});

describe("nba.list", () => {
  it("answers for a signed-in viewer within their scope, and refuses the signed-out and bad input", async () => {
    const { db } = state.database;
    const result = await callerFor(db, state.world.viewers.repE1).nba.list({ limit: 5 });
    expect(result.suggestions.every((s) => s.npi === NPIS.E1)).toBe(true);
    expect(await outcome(() => callerFor(db, null).nba.list({}))).toBe("UNAUTHORIZED");
    expect(await outcome(() => callerFor(db, state.world.viewers.repE1).nba.list({ npi: "123" }))).toBe("BAD_REQUEST");
  });
});

describe("nba.accept and nba.dismiss", () => {
  it("record the suggestion as scored now, audit it, and take it off the viewer's list", async () => {
    const { db } = state.database;
    const repE1 = state.world.viewers.repE1;
    const scope = await scopeFor(db, repE1);
    const before = await actionsFor("repE1", { npi: NPIS.E1 });
    const call = before.suggestions.find((s) => s.action === "call")!;

    const accepted = await acceptNextBestAction(db, scope, { npi: NPIS.E1, action: "call" }, now);
    expect(accepted).toMatchObject({
      userId: repE1.userId,
      hcpNpi: NPIS.E1,
      action: "call",
      decision: "accepted",
      reason: null,
      score: call.score.toFixed(1),
      confidence: call.confidence.toFixed(2),
    });
    expect(accepted.reasons).toEqual(call.reasons);
    // Accepting creates the task the action names, the rep's own, due in three days, with the reasons.
    expect(accepted.task).toMatchObject({
      ownerId: repE1.userId,
      hcpNpi: NPIS.E1,
      title: `Call ${call.name}`,
      dueDate: "2026-11-26",
      status: "open",
    });
    expect(accepted.task!.details).toContain(call.reasons[0]!.text);
    const [stored] = await db.select().from(task).where(eq(task.id, accepted.task!.id));
    expect(stored?.title).toBe(`Call ${call.name}`);
    const dismissed = await dismissNextBestAction(
      db,
      scope,
      { npi: NPIS.E1, action: "sample", reason: "  Samples are out of stock  " },
      now,
    );
    expect(dismissed).toMatchObject({
      action: "sample",
      decision: "dismissed",
      reason: "Samples are out of stock",
      task: null,
    });

    const audits = await db
      .select({ action: auditEvent.action, entityId: auditEvent.entityId })
      .from(auditEvent)
      .where(eq(auditEvent.entityType, "nba_decision"));
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: "nba.accept", entityId: accepted.id },
        { action: "nba.dismiss", entityId: dismissed.id },
      ]),
    );
    const taskAudits = await db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(eq(auditEvent.entityId, accepted.task!.id));
    expect(taskAudits).toEqual([{ action: "task.create" }]);
    expect((await actionsFor("repE1", { npi: NPIS.E1 })).suggestions.map((s) => s.action).sort()).toEqual([
      "email",
      "follow_up",
    ]);
    // Someone else's list is theirs: the manager still sees the call.
    expect((await actionsFor("managerEast", { npi: NPIS.E1 })).suggestions.map((s) => s.action)).toContain("call");
    // Deciding it again is a conflict: it is no longer on the list.
    await expect(acceptNextBestAction(db, scope, { npi: NPIS.E1, action: "call" }, now)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("refuse HCPs out of scope, the signed-out, and a dismissal without a reason", async () => {
    const { db } = state.database;
    const count = async () => (await db.select({ id: nbaDecision.id }).from(nbaDecision)).length;
    const decided = await count();
    const repE2 = callerFor(db, state.world.viewers.repE2);
    expect(await outcome(() => repE2.nba.accept({ npi: NPIS.E1, action: "call" }))).toBe("FORBIDDEN");
    expect(
      await outcome(() =>
        callerFor(db, state.world.viewers.repB1).nba.dismiss({ npi: NPIS.W1, action: "call", reason: "not mine" }),
      ),
    ).toBe("FORBIDDEN");
    expect(await outcome(() => repE2.nba.accept({ npi: "1999999999", action: "call" }))).toBe("NOT_FOUND");
    expect(await outcome(() => repE2.nba.dismiss({ npi: NPIS.E2, action: "call", reason: "" }))).toBe("BAD_REQUEST");
    expect(await outcome(() => callerFor(db, null).nba.accept({ npi: NPIS.E2, action: "call" }))).toBe("UNAUTHORIZED");
    expect(await count()).toBe(decided);

    const dismissed = await repE2.nba.dismiss({ npi: NPIS.E2, action: "call", reason: "Retiring next month" });
    expect(dismissed).toMatchObject({
      orgId: state.world.viewers.repE2.orgId,
      userId: state.world.viewers.repE2.userId,
      hcpNpi: NPIS.E2,
      decision: "dismissed",
    });
    expect(await count()).toBe(decided + 1);
  });
});
