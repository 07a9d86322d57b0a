// Every call-plan procedure × every kind of viewer: a rep of the plan's territory and of another, the region's manager
// and another region's, the org's admin, another org's admin and rep, and nobody signed in.
import { beforeEach, describe, expect, it } from "vitest";

import { callPlan } from "@pharmacrm/db";
import { NPIS, useWorld, type PersonKey } from "@pharmacrm/domain/testing";

import { callerFor, outcome } from "../testing/caller";

const ctx = useWorld();
let planId: string;

beforeEach(async () => {
  await ctx.database.db.delete(callPlan);
  const admin = callerFor(ctx.database.db, ctx.world.viewers.adminA);
  ({ id: planId } = await admin.callPlan.create({
    territoryId: ctx.world.territories.E1,
    name: "Q4 2026",
    startsOn: "2026-10-01",
    endsOn: "2026-12-31",
  }));
  await admin.callPlan.setTargets({ planId, targets: [{ npi: NPIS.E1, plannedCalls: 2 }] });
});

type Api = ReturnType<typeof callerFor>;
const procedures: Record<string, (api: Api) => Promise<unknown>> = {
  "callPlan.list": (api) =>
    api.callPlan.list({ show: "all" }).then((r) => (r.plans.length ? r : Promise.reject({ code: "EMPTY" }))),
  "callPlan.detail": (api) => api.callPlan.detail({ id: planId }),
  "callPlan.tiers": (api) => api.callPlan.tiers({ planId }),
  "callPlan.create": (api) =>
    api.callPlan.create({
      territoryId: ctx.world.territories.E1,
      name: "Q1 2027",
      startsOn: "2027-01-01",
      endsOn: "2027-03-31",
    }),
  "callPlan.update": (api) =>
    api.callPlan.update({ id: planId, name: "Q4 cycle", startsOn: "2026-10-01", endsOn: "2026-12-31" }),
  "callPlan.delete": (api) => api.callPlan.delete({ id: planId }),
  "callPlan.setTargets": (api) => api.callPlan.setTargets({ planId, targets: [{ npi: NPIS.E1, plannedCalls: 4 }] }),
  "callPlan.setByTier": (api) => api.callPlan.setByTier({ planId, tiers: [{ tier: "A", plannedCalls: 3 }] }),
  "callPlan.import": (api) => api.callPlan.import({ planId, csv: `NPI,Planned calls\n${NPIS.E1},3\n` }),
};

const reads = ["callPlan.list", "callPlan.detail"];
// Seeing a plan: the territory's rep, the region's manager, the org's admin. Changing one: the manager and the admin.
const expected = (person: PersonKey | "anonymous", procedure: string): string => {
  if (person === "anonymous") return "UNAUTHORIZED";
  const sees = ["repE1", "managerEast", "adminA"].includes(person);
  if (reads.includes(procedure)) return sees ? "OK" : procedure === "callPlan.list" ? "EMPTY" : "NOT_FOUND";
  if (person.startsWith("rep")) return "FORBIDDEN";
  return sees ? "OK" : "NOT_FOUND";
};

const people: (PersonKey | "anonymous")[] = [
  "repE1",
  "repE2",
  "managerEast",
  "managerWest",
  "adminA",
  "repB1",
  "adminB",
  "anonymous",
];
const cases = Object.keys(procedures).flatMap((procedure) =>
  people.map((person) => [procedure, person, expected(person, procedure)] as const),
);

describe("call-plan procedures", () => {
  it.each(cases)("%s by %s → %s", async (procedure, person, result) => {
    const api = callerFor(ctx.database.db, person === "anonymous" ? null : ctx.world.viewers[person]);
    expect(await outcome(() => procedures[procedure]!(api))).toBe(result);
  });

  it("answers a bad input with the field's message", async () => {
    const api = callerFor(ctx.database.db, ctx.world.viewers.adminA);
    const error = await api.callPlan
      .setTargets({ planId, targets: [{ npi: NPIS.E1, plannedCalls: 120 }] })
      .catch((e: { code: string; cause: { issues: { message: string }[] } }) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect((error as { cause: { issues: { message: string }[] } }).cause.issues[0]!.message).toBe(
      "Plan at most 99 calls per HCP in a cycle.",
    );
  });
});
