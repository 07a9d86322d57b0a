// Coverage of target HCPs, consent coverage by channel and next-best-action decision rates against hand-computed
// figures, and each one's row security: targets are the org's accounts aligned to the viewer's territories, reached by
// the calls the viewer may see; another org's calls, consents and decisions over the same ZIPs never count.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { consentRecord, hcpAttribute, interaction, nbaDecision, rowsOf } from "@pharmacrm/db";

import { scopeFor } from "../scope";
import { useAnalyticsWorld } from "../testing/analytics-world";
import { NPIS, type PersonKey } from "../testing/world";
import { DIMENSIONS, type DimensionName, type MeasureName } from "./model";

const { state, run, table } = useAnalyticsWorld();

const at = (day: string) => new Date(`${day}T15:00:00Z`);

beforeAll(async () => {
  const { db } = state.database;
  const { viewers, territories } = state.world;
  const orgA = viewers.adminA.orgId;
  const orgB = viewers.adminB.orgId;
  // Targets: org A's accounts E1, E2, W1 (W2 is not on the list; OUT practises outside every territory), org B's E1.
  await db.insert(hcpAttribute).values([
    { orgId: orgA, hcpNpi: NPIS.E1, tier: "A", decile: 10 },
    { orgId: orgA, hcpNpi: NPIS.E2, tier: "B", decile: 8 },
    { orgId: orgA, hcpNpi: NPIS.W1, tier: "A", decile: 9 },
    { orgId: orgA, hcpNpi: NPIS.OUT, tier: "C", decile: 5 },
    { orgId: orgB, hcpNpi: NPIS.E1, tier: "A", decile: 10 },
  ]);
  // Beside the world's one call per territory on 1 October.
  const call = (rep: "repE1" | "repW1", npi: string, territory: "E1" | "W1", day: string) => ({
    orgId: orgA,
    hcpNpi: npi,
    ownerId: viewers[rep].userId,
    territoryId: territories[territory],
    channel: "in_person" as const,
    occurredAt: at(day),
  });
  await db
    .insert(interaction)
    .values([call("repE1", NPIS.E1, "E1", "2026-11-20"), call("repW1", NPIS.W1, "W1", "2026-06-15")]);
  // All-products consent history (the world's own consents are recorded at the real clock, after the tests' today).
  const consent = (npi: string, channel: "email" | "phone", status: "granted" | "revoked", day: string) => ({
    orgId: orgA,
    hcpNpi: npi,
    channel,
    status,
    source: "test",
    recordedById: viewers.adminA.userId,
    recordedAt: at(day),
  });
  await db.insert(consentRecord).values([
    consent(NPIS.E1, "email", "granted", "2026-01-10"),
    consent(NPIS.E1, "email", "revoked", "2026-11-10"),
    consent(NPIS.E2, "email", "granted", "2026-03-01"),
    consent(NPIS.E2, "phone", "granted", "2026-10-15"),
    consent(NPIS.W1, "phone", "granted", "2026-05-01"),
    // For one product only: not all-products consent, so not counted.
    { ...consent(NPIS.W1, "email", "granted", "2026-02-01"), productId: state.world.products.A },
  ]);
  const decided = (person: PersonKey, npi: string, action: string, day: string, reason: string | null = null) => ({
    orgId: viewers[person].orgId,
    userId: viewers[person].userId,
    hcpNpi: npi,
    action,
    score: "50.0",
    confidence: "0.80",
    reasons: [],
    decision: reason ? ("dismissed" as const) : ("accepted" as const),
    reason,
    decidedAt: at(day),
  });
  await db.insert(nbaDecision).values([
    decided("repE1", NPIS.E1, "call", "2026-11-05"),
    decided("repE1", NPIS.E1, "email", "2026-11-06", "Not reachable"),
    decided("repE1", NPIS.E1, "sample", "2026-10-20"),
    // On an HCP outside every territory: the rep's own, and their manager's through the rep.
    decided("repE1", NPIS.OUT, "call", "2026-11-07"),
    decided("repE2", NPIS.E2, "call", "2026-11-12", "On leave"),
    decided("repW1", NPIS.W1, "call", "2026-11-02"),
    decided("repB1", NPIS.E1, "call", "2026-11-08", "Other org"),
  ]);
});

const NOVEMBER = { dateRange: ["2026-11-01", "2026-11-30"] as [string, string] };
const COVERAGE: MeasureName[] = ["Coverage.hcps", "Coverage.reached", "Coverage.rate", "Coverage.daysSinceLastCall"];

describe("coverage of target HCPs", () => {
  it("counts targets reached in the period, and the days from each one's last call to the period's end", async () => {
    const nov = { dimension: "Coverage.callDate" as const, ...NOVEMBER };
    // E1 called 20 Nov (10 days before 30 Nov); E2 and W1 last called 1 Oct (60 days).
    expect(await table("adminA", { measures: COVERAGE, timeDimensions: [nov] })).toEqual([[3, 1, 0.3333, 43.3]]);
    expect(
      await table("adminA", {
        measures: ["Coverage.hcps", "Coverage.reached"],
        dimensions: ["Reps.name"],
        timeDimensions: [nov],
      }),
    ).toEqual([
      ["repE1", 1, 1],
      ["repE2", 1, 0],
      ["repW1", 1, 0],
    ]);
    const topDeciles = { member: "Hcps.decile" as const, operator: "gte" as const, values: ["9"] };
    expect(
      await table("adminA", {
        measures: ["Coverage.hcps", "Coverage.notReached"],
        filters: [topDeciles],
        timeDimensions: [nov],
      }),
    ).toEqual([[2, 1]]);
    // A rep filter without the breakdown: the targets in that rep's territories.
    const kevin = { member: "Reps.name" as const, operator: "equals" as const, values: ["repE2"] };
    expect(await table("adminA", { measures: ["Coverage.hcps"], filters: [kevin], timeDimensions: [nov] })).toEqual([
      [1],
    ]);
  });

  it("by HCP, lists only the targets not reached (or reached), not every target with a zero", async () => {
    const nov = { dimension: "Coverage.callDate" as const, ...NOVEMBER };
    const notSeen = await run("adminA", {
      measures: ["Coverage.notReached"],
      dimensions: ["Hcps.name"],
      timeDimensions: [nov],
    });
    expect(notSeen.rows.map((row) => String(row.d0).slice(-11, -1)).sort()).toEqual([NPIS.E2, NPIS.W1]);
    expect(notSeen.columns.find((c) => c.kind === "measure")?.list).toBe(true);
    expect(notSeen.chart).toBe("none");
    const seen = await table("adminA", {
      measures: ["Coverage.reached"],
      dimensions: ["Hcps.name"],
      timeDimensions: [nov],
    });
    expect(seen.map(([name]) => String(name).slice(-11, -1))).toEqual([NPIS.E1]);
  });

  it("counts the last 90 days when no period is said, and says so", async () => {
    const result = await run("adminA", { measures: ["Coverage.rate"] });
    expect(result.range).toEqual(["2026-09-06", "2026-12-04"]);
    expect(result.rows).toEqual([{ m0: 1 }]);
    expect(result.note).toBe(
      "Coverage counts calls in the last 90 days (6 September – 4 December 2026), as no period was said.",
    );
    expect(result.columns[0]!.format).toBe("percent");
  });

  it("trends month by month, each month's own reach", async () => {
    const byMonth = { dimension: "Coverage.callDate" as const, granularity: "month" as const };
    expect(
      await table("managerEast", {
        measures: ["Coverage.reached", "Coverage.rate"],
        timeDimensions: [{ ...byMonth, dateRange: ["2026-09-01", "2026-11-30"] }],
      }),
    ).toEqual([
      ["2026-09-01", 0, 0],
      ["2026-10-01", 2, 1],
      ["2026-11-01", 1, 0.5],
    ]);
    // With no period, the last 12 months: December is the month still running.
    const trend = await table("repW1", { measures: ["Coverage.reached"], timeDimensions: [byMonth] });
    expect(trend).toHaveLength(13);
    expect(trend.filter(([, reached]) => reached === 1).map(([month]) => month)).toEqual(["2026-06-01", "2026-10-01"]);
  });

  it("a manager counts their region's targets, another org's rep only their own org's calls", async () => {
    const nov = { dimension: "Coverage.callDate" as const, ...NOVEMBER };
    expect(
      await table("managerEast", { measures: ["Coverage.hcps", "Coverage.reached"], timeDimensions: [nov] }),
    ).toEqual([[2, 1]]);
    // Org B's target E1 was called on 20 November by org A: not by anyone org B's rep may see.
    expect(await table("repB1", { measures: ["Coverage.hcps", "Coverage.reached"], timeDimensions: [nov] })).toEqual([
      [1, 0],
    ]);
  });
});

describe("consent coverage", () => {
  it("counts the all-products consent in force today, by channel", async () => {
    expect(
      await table("adminA", {
        measures: ["Consent.optedIn", "Consent.optedOut", "Consent.rate"],
        dimensions: ["Consent.channel"],
      }),
    ).toEqual([
      ["phone", 2, 0, 0.6667],
      ["email", 1, 1, 0.3333],
      ["fax", 0, 0, 0],
      ["in_person", 0, 0, 0],
      ["sms", 0, 0, 0],
    ]);
    // Any channel: E2 and W1 opted in on one at least.
    expect(await table("adminA", { measures: ["Consent.optedIn", "Consent.rate"] })).toEqual([[2, 0.6667]]);
  });

  it("as of a period's end, with the opt-ins and opt-outs recorded in it", async () => {
    const email = { member: "Consent.channel" as const, operator: "equals" as const, values: ["email"] };
    const october = {
      dimension: "Consent.recordedAt" as const,
      dateRange: ["2026-10-01", "2026-10-31"] as [string, string],
    };
    // E1's email revocation came on 10 November: at the end of October E1 and E2 were opted in.
    expect(
      await table("adminA", {
        measures: ["Consent.optedIn", "Consent.grants"],
        filters: [email],
        timeDimensions: [october],
      }),
    ).toEqual([[2, 0]]);
    expect(
      await table("adminA", { measures: ["Consent.grants", "Consent.revocations"], timeDimensions: [october] }),
    ).toEqual([[1, 0]]);
    const byMonth = { dimension: "Consent.recordedAt" as const, granularity: "month" as const, ...NOVEMBER };
    expect(
      await table("adminA", {
        measures: ["Consent.optedIn", "Consent.revocations"],
        filters: [email],
        timeDimensions: [byMonth],
      }),
    ).toEqual([["2026-11-01", 1, 1]]);
  });

  it("within scope: a manager's region, and nothing of another org", async () => {
    expect(await table("managerWest", { measures: ["Consent.optedIn", "Consent.rate"] })).toEqual([[1, 1]]);
    expect(await table("repB1", { measures: ["Consent.optedIn", "Consent.optedOut"] })).toEqual([[0, 0]]);
  });
});

describe("next-best-action decisions", () => {
  const nov = { dimension: "Nba.decidedAt" as const, ...NOVEMBER };
  const RATES: MeasureName[] = ["Nba.decisions", "Nba.accepted", "Nba.acceptanceRate"];

  it("counts decisions and rates, by rep and by action", async () => {
    expect(await table("adminA", { measures: [...RATES, "Nba.dismissalRate"], timeDimensions: [nov] })).toEqual([
      [5, 3, 0.6, 0.4],
    ]);
    expect(await table("adminA", { measures: RATES, dimensions: ["Reps.name"], timeDimensions: [nov] })).toEqual([
      ["repE1", 3, 2, 0.6667],
      ["repE2", 1, 0, 0],
      ["repW1", 1, 1, 1],
    ]);
    expect(
      await table("adminA", { measures: ["Nba.dismissed"], dimensions: ["Nba.reason"], timeDimensions: [nov] }),
    ).toEqual([
      ["Not reachable", 1],
      ["On leave", 1],
      [null, 0],
    ]);
    expect(await table("adminA", { measures: ["Nba.decisions"], dimensions: ["Nba.action"] })).toEqual([
      ["call", 4],
      ["email", 1],
      ["sample", 1],
    ]);
  });

  it("a manager sees their reps' decisions and those on their HCPs; a rep their own; nothing crosses orgs", async () => {
    expect(await table("managerEast", { measures: RATES, timeDimensions: [nov] })).toEqual([[4, 2, 0.5]]);
    expect(await table("managerWest", { measures: RATES, timeDimensions: [nov] })).toEqual([[1, 1, 1]]);
    expect(await table("repE2", { measures: RATES, timeDimensions: [nov] })).toEqual([[1, 0, 0]]);
    expect(await table("repB1", { measures: RATES })).toEqual([[1, 0, 0]]);
  });
});

describe("row security through every breakdown", () => {
  const people: PersonKey[] = ["repE1", "repE2", "managerEast", "managerWest", "adminA", "repB1", "managerB", "adminB"];
  // Additive measures: each target, recorded opt-in or decision falls in exactly one group of any breakdown.
  const ADDITIVE = { Coverage: "Coverage.hcps", Consent: "Consent.grants", Nba: "Nba.decisions" } as const;

  it.each(people)("%s: every breakdown adds up to the total and names only territories in scope", async (person) => {
    const { db } = state.database;
    const scope = await scopeFor(db, state.world.viewers[person]);
    const territoryNames = rowsOf<{ id: string; name: string; org: string }>(
      await db.execute(sql`select id, name, org_id as org from territory`),
    );
    const allowed = new Set(
      territoryNames
        .filter((t) => t.org === scope.orgId && (scope.territoryIds === null || scope.territoryIds.includes(t.id)))
        .map((t) => t.name),
    );
    for (const [cube, measure] of Object.entries(ADDITIVE)) {
      const total = Number((await run(person, { measures: [measure] })).rows[0]!.m0);
      const dimensions = (Object.keys(DIMENSIONS) as DimensionName[]).filter((d) =>
        (DIMENSIONS[d].cubes as readonly string[]).includes(cube),
      );
      for (const dimension of dimensions) {
        const result = await run(person, { measures: [measure], dimensions: [dimension], limit: 1000 });
        const counted = result.rows.reduce((sum, row) => sum + Number(row.m0), 0);
        expect(counted, `${person} ${measure} by ${dimension}`).toBe(total);
        if (dimension === "Territories.name") {
          for (const row of result.rows) {
            if (row.d0 === null) continue;
            expect(allowed.has(String(row.d0)), `${person} ${cube} territory ${row.d0}`).toBe(true);
          }
        }
      }
    }
  });
});
