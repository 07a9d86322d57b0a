// pnpm bench:analytics [-- --hcps 100000] [--calls 1000000] [--runs 3] [--engines pglite,postgres] [--verbose] [--screens]
// The semantic layer's latency: a fixed mix of 30 queries (every measure, breakdowns by rep, territory, region,
// channel, product, specialty, state, decile and time grains, filters, periods) through runAnalytics, for an admin,
// a manager and a rep, on synthetic HCPs (the search bench's generator, in a population of its own) with synthetic calls added once (eight reps, fifteen
// months, one to three products a call, samples on a fifth of them), and a second mix of 12 over coverage, consent,
// tasks, next-best-action decisions and call plans (added once), and the call-plan screens' first load. p50/p95/max
// per engine.
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { z } from "zod";

import { rowsOf } from "@pharmacrm/db";

import { callPlanDetail, listCallPlans } from "../../call-plan/attainment";
import { listAccounts } from "../../hcp/accounts";
import { listCalls } from "../../interaction/list";
import type { Scope } from "../../scope";
import { benchServerUrl, openPopulation, type Engine } from "../../search/bench/population";
import type { SemanticQueryInput } from "../query";
import { runAnalytics } from "../run";
import { ensureCallPlans, ensureCalls, ensureTargets } from "./bench-data";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    hcps: { type: "string" },
    calls: { type: "string" },
    runs: { type: "string" },
    engines: { type: "string" },
    verbose: { type: "boolean" },
    /** Only the list screens' first loads, not the two query mixes. */
    screens: { type: "boolean" },
  },
});
const hcps = z.coerce
  .number()
  .int()
  .positive()
  .parse(values.hcps ?? "100000");
const calls = z.coerce
  .number()
  .int()
  .positive()
  .parse(values.calls ?? "1000000");
const runs = z.coerce
  .number()
  .int()
  .min(1)
  .parse(values.runs ?? "3");
const serverUrl = benchServerUrl();
const engines = z
  .array(z.enum(["pglite", "postgres"]))
  .parse((values.engines ?? (serverUrl ? "pglite,postgres" : "pglite")).split(",")) as Engine[];
if (!engines.includes("postgres")) console.log("Postgres not measured: set TEST_DATABASE_URL to compare both engines.");

const NOW = new Date("2026-12-04T12:00:00Z");

const Q = (q: SemanticQueryInput) => q;
const period = (dateRange: "last quarter" | "this year" | "last 12 months" | "last month") => [
  { dimension: "Calls.occurredAt" as const, dateRange },
];
const MIX: SemanticQueryInput[] = [
  Q({ measures: ["Calls.count"], timeDimensions: period("last month") }),
  Q({ measures: ["Calls.count"], dimensions: ["Reps.name"], timeDimensions: period("last quarter") }),
  Q({
    measures: ["Calls.count", "Calls.reach", "Calls.frequency"],
    dimensions: ["Reps.name"],
    timeDimensions: period("this year"),
  }),
  Q({ measures: ["Calls.count"], dimensions: ["Territories.name"], timeDimensions: period("last month") }),
  Q({ measures: ["Calls.count"], dimensions: ["Regions.name"], timeDimensions: period("last quarter") }),
  Q({ measures: ["Calls.count"], dimensions: ["Calls.channel"], timeDimensions: period("this year") }),
  Q({ measures: ["Calls.details"], dimensions: ["Products.name"], timeDimensions: period("last quarter") }),
  Q({ measures: ["Calls.samples"], dimensions: ["Products.name"], timeDimensions: period("this year") }),
  Q({ measures: ["Calls.samples"], dimensions: ["Reps.name"], timeDimensions: period("last month") }),
  Q({ measures: ["Calls.reach"], dimensions: ["Hcps.specialty"], timeDimensions: period("last quarter"), limit: 20 }),
  Q({ measures: ["Calls.count"], dimensions: ["Hcps.state"], timeDimensions: period("this year") }),
  Q({ measures: ["Calls.count"], dimensions: ["Hcps.city"], timeDimensions: period("last quarter"), limit: 10 }),
  Q({ measures: ["Calls.count"], dimensions: ["Hcps.decile"], timeDimensions: period("last 12 months") }),
  Q({
    measures: ["Calls.count"],
    timeDimensions: [{ dimension: "Calls.occurredAt", granularity: "month", dateRange: "last 12 months" }],
  }),
  Q({
    measures: ["Calls.count"],
    timeDimensions: [{ dimension: "Calls.occurredAt", granularity: "week", dateRange: "last quarter" }],
  }),
  Q({
    measures: ["Calls.reach", "Calls.frequency"],
    timeDimensions: [{ dimension: "Calls.occurredAt", granularity: "quarter", dateRange: "this year" }],
  }),
  Q({ measures: ["Calls.count"], dimensions: ["Reps.name", "Calls.channel"], timeDimensions: period("last quarter") }),
  Q({
    measures: ["Calls.details", "Calls.samples"],
    dimensions: ["Products.name", "Reps.name"],
    timeDimensions: period("last month"),
  }),
  Q({
    measures: ["Calls.count"],
    filters: [{ member: "Calls.channel", operator: "equals", values: ["phone"] }],
    timeDimensions: period("this year"),
  }),
  Q({
    measures: ["Calls.count"],
    dimensions: ["Reps.name"],
    filters: [{ member: "Products.name", operator: "equals", values: ["eliquis"] }],
    timeDimensions: period("last quarter"),
  }),
  Q({
    measures: ["Calls.count", "Calls.reach", "Calls.frequency", "Calls.samples"],
    filters: [{ member: "Reps.name", operator: "equals", values: ["bench rep 1"] }],
    timeDimensions: period("last quarter"),
  }),
  Q({
    measures: ["Calls.count"],
    dimensions: ["Reps.name"],
    order: [["Calls.count", "asc"]],
    limit: 3,
    timeDimensions: period("last month"),
  }),
  Q({
    measures: ["Calls.count"],
    dimensions: ["Territories.name"],
    filters: [{ member: "Regions.name", operator: "equals", values: ["east"] }],
    timeDimensions: period("this year"),
  }),
  Q({ measures: ["Calls.reach"], timeDimensions: period("last 12 months") }),
  Q({ measures: ["Calls.frequency"], dimensions: ["Reps.name"], timeDimensions: period("last 12 months") }),
  Q({ measures: ["Calls.count"], dimensions: ["Hcps.tier"], timeDimensions: period("last quarter") }),
  Q({ measures: ["Calls.count"], dimensions: ["Hcps.segment"], timeDimensions: period("last quarter") }),
  Q({
    measures: ["Calls.count"],
    filters: [{ member: "Hcps.city", operator: "contains", values: ["bost"] }],
    timeDimensions: period("this year"),
  }),
  Q({
    measures: ["Calls.samples"],
    timeDimensions: [{ dimension: "Calls.occurredAt", granularity: "month", dateRange: "this year" }],
  }),
  Q({ measures: ["Calls.count", "Calls.details"] }),
];

// Coverage, consent, tasks and next-best-action decisions: their own mix, their own figures.
const TARGET_MIX: SemanticQueryInput[] = [
  Q({ measures: ["Coverage.rate", "Coverage.reached", "Coverage.hcps"] }),
  Q({
    measures: ["Coverage.rate"],
    dimensions: ["Reps.name"],
    timeDimensions: [{ dimension: "Coverage.callDate", dateRange: "last quarter" }],
  }),
  Q({
    measures: ["Coverage.rate"],
    dimensions: ["Hcps.decile"],
    filters: [{ member: "Hcps.decile", operator: "gte", values: ["8"] }],
  }),
  Q({
    measures: ["Coverage.rate"],
    timeDimensions: [{ dimension: "Coverage.callDate", granularity: "month", dateRange: "last 12 months" }],
  }),
  Q({
    measures: ["Coverage.notReached"],
    dimensions: ["Hcps.name"],
    filters: [{ member: "Hcps.tier", operator: "equals", values: ["A"] }],
    limit: 50,
  }),
  Q({ measures: ["Coverage.daysSinceLastCall"], dimensions: ["Territories.name"] }),
  Q({ measures: ["Consent.rate", "Consent.optedIn", "Consent.optedOut"], dimensions: ["Consent.channel"] }),
  Q({
    measures: ["Consent.grants", "Consent.revocations"],
    timeDimensions: [{ dimension: "Consent.recordedAt", granularity: "month", dateRange: "this year" }],
  }),
  Q({ measures: ["Tasks.open", "Tasks.overdue", "Tasks.completed"], dimensions: ["Reps.name"] }),
  Q({
    measures: ["Nba.acceptanceRate", "Nba.decisions"],
    dimensions: ["Reps.name"],
    timeDimensions: [{ dimension: "Nba.decidedAt", dateRange: "last quarter" }],
  }),
  Q({ measures: ["CallPlans.attainment", "CallPlans.planned", "CallPlans.remaining"], dimensions: ["Reps.name"] }),
  Q({ measures: ["CallPlans.attainment", "CallPlans.coverage"], dimensions: ["Hcps.tier"] }),
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

for (const engine of engines) {
  // Its own population: the calls it adds would change what bench:search and bench:copilot measure.
  const database = await openPopulation(engine, hcps, "analytics");
  const { db } = database;
  const { orgId, territoryId, regionId, repId } = await ensureCalls(db, { calls, hcps });
  await ensureTargets(db, orgId, repId);
  await ensureCallPlans(db, orgId);
  const territories = rowsOf<{ id: string }>(
    await db.execute(sql`select id from territory where org_id = ${orgId}::uuid and region_id = ${regionId}::uuid`),
  ).map((t) => t.id);
  const viewers: Scope[] = [
    { orgId, userId: repId, role: "admin", territoryIds: null },
    { orgId, userId: repId, role: "manager", territoryIds: territories },
    { orgId, userId: repId, role: "rep", territoryIds: [territoryId] },
  ];
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from interaction where org_id = ${orgId}::uuid`),
  ) as [{ n: number }];
  console.log(
    `\n${engine} · ${hcps.toLocaleString("en-US")} HCPs · ${Number(n).toLocaleString("en-US")} calls · ${runs} runs`,
  );
  for (const [name, mix] of values.screens
    ? []
    : ([
        ["calls", MIX],
        ["coverage, consent, tasks, decisions, call plans", TARGET_MIX],
      ] as const)) {
    for (const q of mix) await runAnalytics(db, viewers[0]!, q, NOW); // warm-up: plans and buffers
    const times: number[] = [];
    const slowest: [number, string][] = [];
    for (let run = 0; run < runs; run++)
      for (const [i, q] of mix.entries()) {
        const viewer = viewers[i % viewers.length]!;
        const started = performance.now();
        await runAnalytics(db, viewer, q, NOW);
        const ms = performance.now() - started;
        times.push(ms);
        const time = q.timeDimensions?.[0];
        const when = [time?.granularity, time?.dateRange].filter(Boolean).join(", ") || "no period";
        slowest.push([
          ms,
          `#${i + 1} ${viewer.role}: ${q.measures.join(",")} by ${(q.dimensions ?? []).join(",") || "—"} (${when})`,
        ]);
      }
    times.sort((a, b) => a - b);
    console.log(
      `  ${name} (${mix.length} queries): p50 ${percentile(times, 50).toFixed(1)} ms · p95 ${percentile(times, 95).toFixed(1)} ms · max ${times.at(-1)!.toFixed(1)} ms  (target p95 ≤ ${engine === "postgres" ? 150 : 500} ms)`,
    );
    for (const [ms, what] of slowest.sort((a, b) => b[0] - a[0]).slice(0, values.verbose ? undefined : 3))
      console.log(`    slow: ${ms.toFixed(0)} ms ${what}`);
  }
  // The list screens, first load: My calls (the rep's last 30 days with drafts, up to 500), My accounts (a page of
  // 50, the heaviest sort and filter for the wider scopes), the call plans (every plan's attainment) and the largest
  // plan's page.
  const screens: [string, () => Promise<unknown>][] = [
    [
      "/calls as the rep, last 30 days",
      () => listCalls(db, viewers[2]!, { from: "2026-11-05", to: "2026-12-04", status: "all", limit: 500 }),
    ],
    ["/accounts as the rep", () => listAccounts(db, viewers[2]!, {}, NOW)],
    ["/accounts as the admin", () => listAccounts(db, viewers[0]!, {}, NOW)],
    ["/accounts as the manager, by last call", () => listAccounts(db, viewers[1]!, { sort: "lastCall" }, NOW)],
    ["/accounts as the admin, not called in 90 days", () => listAccounts(db, viewers[0]!, { notCalledDays: 90 }, NOW)],
    ["/call-plans as the admin", () => listCallPlans(db, viewers[0]!, { show: "current", now: NOW })],
    ["/call-plans as the manager", () => listCallPlans(db, viewers[1]!, { show: "current", now: NOW })],
  ];
  const [largest] = rowsOf<{ id: string; targets: number }>(
    await db.execute(sql`select plan_id as id, count(*)::int as targets from call_plan_target
      where org_id = ${orgId}::uuid group by plan_id order by 2 desc limit 1`),
  );
  if (largest)
    screens.push([
      `/call-plans/[id], ${largest.targets.toLocaleString("en-US")} targets`,
      () => callPlanDetail(db, viewers[0]!, { id: largest.id, now: NOW }),
    ]);
  for (const [name, load] of screens) {
    await load();
    const times: number[] = [];
    for (let run = 0; run < Math.max(runs, 3); run++) {
      const started = performance.now();
      await load();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(
      `  ${name}: median ${percentile(times, 50).toFixed(1)} ms · max ${times.at(-1)!.toFixed(1)} ms  (target ≤ 300 ms)`,
    );
  }
  await database.close();
}
