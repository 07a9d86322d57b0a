// Specialty as a breakdown and a condition: the NUCC specialization when there is one, else the classification, and
// everyday words ("cardiology", "primary care") standing for the NUCC names the physician search gives them.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { interaction, taxonomy } from "@pharmacrm/db";

import { useAnalyticsWorld } from "../testing/analytics-world";
import { NPIS, type PersonKey } from "../testing/world";

const { state, table } = useAnalyticsWorld();
const inNovember = {
  timeDimensions: [
    { dimension: "Calls.occurredAt" as const, dateRange: ["2026-11-01", "2026-11-30"] as [string, string] },
  ],
};

/** November's calls to HCPs whose specialty meets one condition, counted as one of the world's people. */
const calls = async (person: PersonKey, operator: "equals" | "notEquals" | "contains", value: string) => {
  const rows = await table(person, {
    measures: ["Calls.count"],
    filters: [{ member: "Hcps.specialty", operator, values: [value] }],
    ...inNovember,
  });
  return rows[0]![0];
};

beforeAll(async () => {
  const { db } = state.database;
  const { viewers, territories } = state.world;
  const physician = (code: string, classification: string, specialization: string | null, displayName: string) => ({
    code,
    grouping: "Allopathic & Osteopathic Physicians",
    classification,
    specialization,
    displayName,
  });
  await db
    .insert(taxonomy)
    .values([
      physician("207R00000X", "Internal Medicine", null, "Internal Medicine Physician"),
      physician("207RC0000X", "Internal Medicine", "Cardiovascular Disease", "Cardiovascular Disease Physician"),
      physician("207RI0011X", "Internal Medicine", "Interventional Cardiology", "Interventional Cardiology Physician"),
      physician("207N00000X", "Dermatology", null, "Dermatology Physician"),
    ]);
  const specialty: Record<keyof typeof NPIS, string | null> = {
    E1: "207RC0000X",
    E2: "207R00000X",
    W1: "207RI0011X",
    W2: "207N00000X",
    OUT: null,
  };
  for (const [key, code] of Object.entries(specialty))
    await db.execute(sql`update hcp set primary_taxonomy_code = ${code} where npi = ${NPIS[key as keyof typeof NPIS]}`);
  const call = (territory: "E1" | "E2" | "W1" | "W2", day: string) => ({
    orgId: viewers.adminA.orgId,
    hcpNpi: NPIS[territory],
    territoryId: territories[territory],
    ownerId: viewers[`rep${territory}`].userId,
    channel: "phone" as const,
    occurredAt: new Date(`${day}T15:00:00Z`),
  });
  await db
    .insert(interaction)
    .values([
      call("E1", "2026-11-03"),
      call("E1", "2026-11-17"),
      call("E2", "2026-11-09"),
      call("W1", "2026-11-12"),
      call("W2", "2026-11-20"),
    ]);
});

describe("specialty", () => {
  it("breaks calls down by the most specific NUCC name: a cardiologist is not counted as internal medicine", async () => {
    expect(await table("adminA", { measures: ["Calls.count"], dimensions: ["Hcps.specialty"], ...inNovember })).toEqual(
      [
        ["Cardiovascular Disease", 2],
        ["Dermatology", 1],
        ["Internal Medicine", 1],
        ["Interventional Cardiology", 1],
      ],
    );
  });

  it("reads everyday words as the NUCC names the physician search gives them", async () => {
    // Cardiology: Cardiovascular Disease and Interventional Cardiology (E1 twice, W1 once), whatever the case.
    expect(await calls("adminA", "equals", "Cardiology")).toBe(3);
    expect(await calls("adminA", "equals", "cardiologist")).toBe(3);
    // Primary care is internal medicine with no specialization: E2 only, not the cardiologists.
    expect(await calls("adminA", "equals", "primary care")).toBe(1);
    // A NUCC name is itself; "not cardiology" leaves the internist and the dermatologist.
    expect(await calls("adminA", "equals", "dermatology")).toBe(1);
    expect(await calls("adminA", "notEquals", "cardiology")).toBe(2);
    // "contains" reads the names as written: "cardio" is in Interventional Cardiology and Cardiovascular Disease.
    expect(await calls("adminA", "contains", "cardio")).toBe(3);
  });

  it("keeps row security: a manager's cardiology calls are their region's only", async () => {
    expect(await calls("managerEast", "equals", "cardiology")).toBe(2);
    expect(await calls("repW1", "equals", "cardiology")).toBe(1);
  });
});
