// Where a team should focus, against a hand-built team: a rep with no calls in the last four weeks, a rep whose last
// call was 24 days ago, a rep whose top-decile HCP has not been called in 60 days and a rep with an overdue task —
// each in the viewer's scope.
import { beforeAll, describe, expect, it } from "vitest";

import { hcpAttribute, interaction, task } from "@pharmacrm/db";

import { scopeFor } from "../scope";
import { NPIS, useWorld, type PersonKey } from "../testing/world";
import { teamFocus } from "./team-focus";

const state = useWorld();
const now = new Date("2026-12-04T12:00:00Z");
const focus = async (person: PersonKey) => {
  const { db } = state.database;
  return teamFocus(db, await scopeFor(db, state.world.viewers[person]), now);
};

beforeAll(async () => {
  const { db } = state.database;
  const { viewers, territories } = state.world;
  const orgId = viewers.adminA.orgId;
  await db.insert(hcpAttribute).values([
    { orgId, hcpNpi: NPIS.E1, decile: 9 },
    { orgId, hcpNpi: NPIS.E2, decile: 10 },
    { orgId, hcpNpi: NPIS.W1, decile: 10 },
    { orgId, hcpNpi: NPIS.W2, decile: 3 },
  ]);
  const call = (person: "repE1" | "repE2" | "repW2", territory: "E1" | "E2" | "W2", day: string) => ({
    orgId,
    hcpNpi: NPIS[territory],
    ownerId: viewers[person].userId,
    territoryId: territories[territory],
    channel: "in_person" as const,
    occurredAt: new Date(`${day}T15:00:00Z`),
  });
  // Four weeks before 4 December start on 6 November; the four before that on 9 October.
  await db.insert(interaction).values([
    call("repE1", "E1", "2026-10-20"),
    call("repE1", "E1", "2026-10-27"),
    call("repE1", "E1", "2026-11-03"),
    call("repE2", "E2", "2026-10-15"),
    call("repE2", "E2", "2026-10-22"),
    call("repE2", "E2", "2026-11-20"),
    call("repE2", "E2", "2026-11-25"),
    // repW2's only call in eight weeks, 24 days ago: stopped, though the last four weeks count it.
    call("repW2", "W2", "2026-11-10"),
  ]);
  await db.insert(task).values({
    orgId,
    ownerId: viewers.repE2.userId,
    createdById: viewers.repE2.userId,
    territoryId: territories.E2,
    title: "send the formulary letter",
    dueDate: "2026-12-01",
  });
});

describe("teamFocus", () => {
  it("names each rep's biggest gap, most pressing first, with the HCPs behind it", async () => {
    const { reps } = await focus("adminA");
    expect(reps.map((r) => [r.rep, r.gap.kind, r.gap.text])).toEqual([
      ["repE1", "stopped", "No calls in the last 4 weeks (3 in the 4 before)."],
      ["repW2", "stopped", "No calls in the last 24 days (the last on 2026-11-10)."],
      ["repW1", "coverage", "1 of 1 top-decile HCPs (100 %) not called in 60 days."],
      ["repE2", "tasks", "1 overdue task."],
    ]);
    const w1 = reps.find((r) => r.rep === "repW1")!;
    // The world's one call on W1's HCP was on 1 October: 64 days ago.
    expect(w1.hcps).toEqual([{ npi: NPIS.W1, name: expect.any(String), decile: 10, lastCall: "2026-10-01" }]);
    const e2 = reps.find((r) => r.rep === "repE2")!;
    expect(e2).toMatchObject({
      targets: 1,
      unseen: 0,
      calls: { recent: 2, before: 2 },
      lastCall: "2026-11-25",
      overdueTasks: 1,
      hcps: [],
    });
    expect(reps.find((r) => r.rep === "repW2")).toMatchObject({ targets: 0, unseen: 0 });
  });

  it("a manager sees their region's reps, a rep their own line, another org none of these", async () => {
    expect((await focus("managerEast")).reps.map((r) => r.rep)).toEqual(["repE1", "repE2"]);
    expect((await focus("repW1")).reps.map((r) => r.rep)).toEqual(["repW1"]);
    expect((await focus("managerB")).reps.map((r) => r.rep)).toEqual(["repB1"]);
  });
});
