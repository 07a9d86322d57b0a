// A small, exact fixture for the call brief and outreach drafts, on top of the scope world
// (world.ts): two HCPs in territory E1's ZIP, org A's anticoagulant market with its own
// brand Alphacor, two Part D years, payments before and after the rep's last call, a colleague's call, an overdue
// task, consents, an approved claim and a banned phrase. Every timestamp is fixed.
import { eq } from "drizzle-orm";

import {
  approvedClaim,
  bannedPhrase,
  consentRecord,
  dataSourceRun,
  hcp,
  hcpTaxonomy,
  interaction,
  market,
  marketDrug,
  openPayment,
  partDPrescribing,
  product,
  task,
  taxonomy,
  type Db,
} from "@pharmacrm/db";

import { ZIPS, type World } from "./world";

export const NOW = new Date("2026-11-23T10:00:00Z");
export const ORTIZ = "1000000011";
/** In E1 with no consent of any kind. */
export const NOCONSENT = "1000000012";
export const CLAIM = "Alphacor reduced the risk of stroke in patients with nonvalvular atrial fibrillation.";

export async function seedBriefFixture(db: Db, world: World) {
  const orgA = world.viewers.adminA.orgId;
  const repE1 = world.viewers.repE1.userId;
  const managerEast = world.viewers.managerEast.userId;
  await db
    .insert(taxonomy)
    .values({
      code: "207RC0000X",
      grouping: "Allopathic & Osteopathic Physicians",
      classification: "Internal Medicine",
      specialization: "Cardiovascular Disease",
      displayName: "Cardiovascular Disease Physician",
    })
    .onConflictDoNothing();
  await db.insert(hcp).values([
    {
      npi: ORTIZ,
      entityType: 1,
      firstName: "ANA",
      lastName: "ORTIZ",
      credential: "MD",
      practiceLine1: "1 MAIN ST",
      practiceCity: "BOSTON",
      practiceState: "MA",
      practiceZip5: ZIPS.E1,
      primaryTaxonomyCode: "207RC0000X",
    },
    {
      npi: NOCONSENT,
      entityType: 1,
      firstName: "BEN",
      lastName: "NG",
      credential: "DO",
      practiceCity: "BOSTON",
      practiceState: "MA",
      practiceZip5: ZIPS.E1,
    },
  ]);
  await db.insert(hcpTaxonomy).values({ npi: ORTIZ, slot: 1, code: "207RC0000X", isPrimary: true });

  const [anticoag] = await db
    .insert(market)
    .values({ orgId: orgA, name: "Anticoagulants", therapeuticArea: "Cardiology" })
    .returning();
  await db.insert(marketDrug).values([
    { orgId: orgA, marketId: anticoag!.id, brandName: "Alphacor", genericName: "Alphacoran", isOwn: true },
    { orgId: orgA, marketId: anticoag!.id, brandName: "Rivalix", genericName: "Rivaloxaban", isOwn: false },
  ]);
  await db
    .update(product)
    .set({ marketId: anticoag!.id, partDBrandName: "Alphacor" })
    .where(eq(product.id, world.products.A));
  await db.insert(partDPrescribing).values([
    { npi: ORTIZ, year: 2022, brandName: "Alphacor", genericName: "Alphacoran", totalClaims: 60 },
    { npi: ORTIZ, year: 2022, brandName: "Rivalix", genericName: "Rivaloxaban", totalClaims: 240 },
    { npi: ORTIZ, year: 2023, brandName: "Alphacor", genericName: "Alphacoran", totalClaims: 40 },
    { npi: ORTIZ, year: 2023, brandName: "Rivalix", genericName: "Rivaloxaban", totalClaims: 360 },
  ]);
  const run = (dataset: "part_d" | "open_payments", dataYear: number, finishedAt: string, release: string) => ({
    dataset,
    dataYear,
    release,
    sourceFile: `${dataset}-${dataYear}.csv`,
    checksum: `${dataset}${dataYear}`.padEnd(64, "0"),
    status: "succeeded",
    finishedAt: new Date(finishedAt),
  });
  await db
    .insert(dataSourceRun)
    .values([
      run("part_d", 2022, "2024-01-15T00:00:00Z", "DY2022"),
      run("part_d", 2023, "2026-11-01T00:00:00Z", "DY2023"),
      run("open_payments", 2024, "2025-07-01T00:00:00Z", "PY2024"),
    ]);
  const payment = (recordId: number, paymentDate: string, manufacturerName: string, amountUsd: string) => ({
    recordId,
    programYear: 2024,
    recipientType: "Covered Recipient Physician",
    npi: ORTIZ,
    manufacturerId: manufacturerName === "Rival Pharma" ? "100000000001" : "100000000002",
    manufacturerName,
    amountUsd,
    paymentDate,
    nature: "Food and Beverage",
  });
  await db
    .insert(openPayment)
    .values([
      payment(1, "2024-03-01", "Rival Pharma", "250.00"),
      payment(2, "2024-09-15", "Rival Pharma", "120.50"),
      payment(3, "2024-10-02", "Other Labs", "30.00"),
    ]);

  await db.insert(interaction).values([
    {
      orgId: orgA,
      hcpNpi: ORTIZ,
      ownerId: repE1,
      territoryId: world.territories.E1,
      channel: "in_person",
      occurredAt: new Date("2024-06-01T15:00:00Z"),
      notes: "Discussed renal dosing; asked for the study.",
      followUp: "Send the renal dosing study",
    },
    {
      orgId: orgA,
      hcpNpi: ORTIZ,
      ownerId: managerEast,
      territoryId: world.territories.E1,
      channel: "phone",
      occurredAt: new Date("2026-09-10T09:00:00Z"),
      notes: "Short check-in.",
    },
  ]);
  await db.insert(task).values({
    orgId: orgA,
    ownerId: repE1,
    createdById: repE1,
    hcpNpi: ORTIZ,
    territoryId: world.territories.E1,
    title: "Send the renal dosing study",
    dueDate: "2026-11-01",
    createdAt: new Date("2026-10-05T08:00:00Z"),
  });
  await db.insert(consentRecord).values([
    {
      orgId: orgA,
      hcpNpi: ORTIZ,
      channel: "email",
      status: "granted",
      source: "signed form",
      recordedById: repE1,
      recordedAt: new Date("2024-05-01T12:00:00Z"),
    },
    {
      orgId: orgA,
      hcpNpi: ORTIZ,
      channel: "phone",
      status: "granted",
      source: "verbal at call",
      recordedById: repE1,
      recordedAt: new Date("2026-10-02T12:00:00Z"),
    },
  ]);
  await db
    .insert(approvedClaim)
    .values({ orgId: orgA, productId: world.products.A, text: CLAIM, reference: "Label section 14.1" });
  await db.insert(bannedPhrase).values({ orgId: orgA, phrase: "game changer" });
}
