// A rep's scorecard against hand-computed figures: the rep's last 90 days beside their team's (per rep for counts,
// overall for rates), a rep's own card without a team, and nobody's card outside the viewer's scope.
import { beforeAll, describe, expect, it } from "vitest";

import { hcpAttribute, interaction, task } from "@pharmacrm/db";

import { scopeFor } from "../scope";
import { NPIS, useWorld, type PersonKey } from "../testing/world";
import { repScorecard } from "./scorecard";

const state = useWorld();
const NOW = new Date("2026-12-04T12:00:00Z");

beforeAll(async () => {
  const { db } = state.database;
  const { viewers, territories } = state.world;
  const orgId = viewers.adminA.orgId;
  await db.insert(hcpAttribute).values([
    { orgId, hcpNpi: NPIS.E1, tier: "A", decile: 10 },
    { orgId, hcpNpi: NPIS.E2, tier: "B", decile: 9 },
  ]);
  // Beside the world's call per territory on 1 October: two more by repE1 on E1 in November.
  const call = (day: string) => ({
    orgId,
    hcpNpi: NPIS.E1,
    ownerId: viewers.repE1.userId,
    territoryId: territories.E1,
    channel: "phone" as const,
    occurredAt: new Date(`${day}T15:00:00Z`),
  });
  await db.insert(interaction).values([call("2026-11-03"), call("2026-11-17")]);
  const overdue = (title: string) => ({
    orgId,
    ownerId: viewers.repE1.userId,
    createdById: viewers.repE1.userId,
    hcpNpi: NPIS.E1,
    territoryId: territories.E1,
    title,
    dueDate: "2026-11-20",
  });
  await db.insert(task).values([overdue("one"), overdue("two")]);
});

const card = async (person: PersonKey, rep: string | null) => {
  const { db } = state.database;
  return repScorecard(db, await scopeFor(db, state.world.viewers[person]), rep, NOW);
};
const figures = (lines: Awaited<ReturnType<typeof card>>["lines"]) =>
  Object.fromEntries(lines.map((l) => [l.id, [l.rep, l.team]]));

describe("a rep's scorecard", () => {
  it("sets the rep's last 90 days beside the team's: per rep for counts, the whole team's for rates", async () => {
    const scorecard = await card("managerEast", "repE1");
    expect(scorecard.rep).toEqual({ name: "repE1", territories: ["E1"] });
    expect(scorecard.period).toEqual(["2026-09-06", "2026-12-04"]);
    expect(scorecard.team).toEqual({ reps: 2 });
    expect(figures(scorecard.lines)).toEqual({
      // 3 calls to E1; the team's 4 calls and 2 HCPs over 2 reps; frequency 3 against the team's 4 ÷ 2.
      calls: [3, 2],
      reach: [1, 1],
      frequency: [3, 2],
      // E1 (decile 10) and E2 (decile 9) both called in the period.
      coverage: [1, 1],
      overdue: [2, 1],
    });
    expect(scorecard.lines.find((l) => l.id === "coverage")?.format).toBe("percent");
    expect(scorecard.share.products).toEqual([]);
  });

  it("counts the period asked for: last month's two calls, against the team's two over two reps", async () => {
    const { db } = state.database;
    const scope = await scopeFor(db, state.world.viewers.managerEast);
    const lastMonth = await repScorecard(db, scope, "repE1", NOW, "last month");
    expect(lastMonth.period).toEqual(["2026-11-01", "2026-11-30"]);
    expect(figures(lastMonth.lines).calls).toEqual([2, 1]);
  });

  it("a rep sees their own card with no team, and nobody else's", async () => {
    const own = await card("repE1", "REPE1");
    expect(own.team).toBeNull();
    expect(figures(own.lines).calls).toEqual([3, null]);
    await expect(card("repE1", "repE2")).rejects.toThrow("You can see your own scorecard only.");
    // "How am I doing?": no name, the rep's own card.
    expect((await card("repE1", null)).rep.name).toBe("repE1");
    await expect(card("managerEast", null)).rejects.toThrow("A scorecard is a rep's");
  });

  it("a manager finds no rep of another region; an admin compares with every rep of the org", async () => {
    await expect(card("managerWest", "repE1")).rejects.toThrow(
      "No rep named “repE1” works in the territories you see.",
    );
    const admin = await card("adminA", "repE1");
    expect(admin.team).toEqual({ reps: 4 });
    expect(figures(admin.lines).calls).toEqual([3, 1.5]);
  });
});
