// Next-best actions read from the database within the viewer's scope (the scoring itself: domain nba/score.test.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { market, marketDrug, openPayment, partDPrescribing, product, task } from "@pharmacrm/db";
import { nextBestActions, nextBestActionsInput, scopeFor } from "@pharmacrm/domain";
import { eq } from "drizzle-orm";
import { callerFor, outcome } from "../testing/caller";
import { NPIS, useWorld, type PersonKey } from "../testing/world";

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
  await db.update(product).set({ marketId: anticoag!.id, partDBrandName: "Alphacor" }).where(eq(product.id, state.world.products.A));
  const generic: Record<string, string> = { Alphacor: "Alphacoran", Rivalix: "Rivaloxaban", Unrelated: "Unrelated" };
  const rx = (npi: string, year: number, brandName: string, totalClaims: number) => ({ npi, year, brandName, genericName: generic[brandName]!, totalClaims });
  await db.insert(partDPrescribing).values([
    rx(NPIS.E1, 2022, "Alphacor", 60),
    rx(NPIS.E1, 2022, "Rivalix", 240),
    rx(NPIS.E1, 2023, "Alphacor", 40),
    rx(NPIS.E1, 2023, "Rivalix", 360),
    rx(NPIS.E1, 2023, "Unrelated", 999),
    rx(NPIS.E2, 2023, "Rivalix", 50),
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
    expect(orgB.suggestions.flatMap((s) => s.reasons.map((r) => r.text)).join(" ")).not.toMatch(/claims in your markets/);
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
