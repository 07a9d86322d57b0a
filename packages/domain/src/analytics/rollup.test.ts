// What the compiler adds up beforehand against the calls themselves: every question it answers from the calls'
// daily rollup (migration 0022's triggers) or from calls added up per HCP gives the same rows as counting call by
// call, for every kind of viewer, after calls, products and samples are added, moved across a day, reassigned,
// changed and removed.
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";

import { interaction, interactionProduct, interactionSample, product, rowsOf } from "@pharmacrm/db";

import { scopeFor } from "../scope";
import { useWorld, type PersonKey } from "../testing/world";
import { compile } from "./compile";
import { semanticQuery, type SemanticQueryInput } from "./query";

const state = useWorld();
const NOW = new Date("2026-12-04T12:00:00Z");
const VIEWERS: PersonKey[] = ["adminA", "managerEast", "managerWest", "repE1", "repW2", "adminB", "repB1"];

type TimeDimension = NonNullable<SemanticQueryInput["timeDimensions"]>[number];
const period = (time: TimeDimension) => [time];
const QUESTIONS: SemanticQueryInput[] = [
  { measures: ["Calls.count", "Calls.details", "Calls.samples"] },
  { measures: ["Calls.count"], dimensions: ["Reps.name"] },
  { measures: ["Calls.count", "Calls.samples"], dimensions: ["Territories.name", "Calls.channel"] },
  { measures: ["Calls.details"], dimensions: ["Regions.name"] },
  { measures: ["Calls.count", "Calls.details", "Calls.samples"], dimensions: ["Products.name"] },
  { measures: ["Calls.count", "Calls.samples"], dimensions: ["Products.name", "Reps.name"] },
  { measures: ["Calls.count"], filters: [{ member: "Products.name", operator: "equals", values: ["alphacor"] }] },
  {
    measures: ["Calls.samples"],
    dimensions: ["Reps.name"],
    filters: [{ member: "Calls.channel", operator: "equals", values: ["in_person"] }],
  },
  {
    measures: ["Calls.count"],
    timeDimensions: period({
      dimension: "Calls.occurredAt",
      granularity: "day",
      dateRange: ["2026-11-01", "2026-11-30"],
    }),
  },
  {
    measures: ["Calls.count", "Calls.details"],
    timeDimensions: period({ dimension: "Calls.occurredAt", granularity: "week", dateRange: "last quarter" }),
  },
  {
    measures: ["Calls.count"],
    dimensions: ["Products.name"],
    timeDimensions: period({ dimension: "Calls.occurredAt", granularity: "month", dateRange: "this year" }),
  },
  {
    measures: ["Calls.count"],
    dimensions: ["Territories.name"],
    filters: [{ member: "Regions.name", operator: "equals", values: ["east"] }],
    timeDimensions: period({ dimension: "Calls.occurredAt", dateRange: ["2026-11-02", "2026-11-02"] }),
  },
];

// HCPs reached: calls added up per HCP, then counted.
const PER_HCP: SemanticQueryInput[] = [
  { measures: ["Calls.reach"] },
  { measures: ["Calls.count", "Calls.reach", "Calls.frequency", "Calls.details", "Calls.samples"] },
  { measures: ["Calls.reach", "Calls.frequency"], dimensions: ["Reps.name", "Calls.channel"] },
  {
    measures: ["Calls.reach", "Calls.count"],
    dimensions: ["Hcps.state"],
    timeDimensions: period({ dimension: "Calls.occurredAt", granularity: "month", dateRange: "this year" }),
  },
  {
    measures: ["Calls.frequency"],
    dimensions: ["Territories.name"],
    filters: [{ member: "Calls.channel", operator: "notEquals", values: ["email"] }],
    order: [["Calls.frequency", "asc"]],
    limit: 2,
  },
  {
    measures: ["Calls.reach"],
    timeDimensions: period({ dimension: "Calls.occurredAt", dateRange: ["2030-01-01", "2030-12-31"] }),
  },
];

/** A question's rows counted from what is added up beforehand and call by call, as one of the world's people. */
async function bothWays(person: PersonKey, input: SemanticQueryInput) {
  const { db } = state.database;
  const scope = await scopeFor(db, state.world.viewers[person]);
  const query = semanticQuery.parse(input);
  const fromRollup = compile(query, scope, NOW);
  const callByCall = compile(query, scope, NOW, { preAggregate: false });
  const run = async (statement: typeof fromRollup) =>
    rowsOf<Record<string, unknown>>(await db.execute(statement.sql)).map((row) =>
      // A sum is numeric where a count is bigint: the figures are compared, as the answer shows them.
      Object.values(row).map((v) => (v === null ? null : String(v))),
    );
  return {
    rollup: await run(fromRollup),
    calls: await run(callByCall),
    usedRollup: /call_rollup/.test(show(fromRollup)),
    perHcp: /count\(\*\) as calls/.test(show(fromRollup)),
  };
}

const dialect = new PgDialect();
const show = (compiled: ReturnType<typeof compile>) => dialect.sqlToQuery(compiled.sql).sql;

async function expectSameEverywhere() {
  for (const person of VIEWERS) {
    for (const question of QUESTIONS) {
      const { rollup, calls, usedRollup } = await bothWays(person, question);
      expect(usedRollup, JSON.stringify(question)).toBe(true);
      expect(rollup, `${person}: ${JSON.stringify(question)}`).toEqual(calls);
    }
    for (const question of PER_HCP) {
      const { rollup, calls, perHcp } = await bothWays(person, question);
      expect(perHcp, JSON.stringify(question)).toBe(true);
      expect(rollup, `${person}: ${JSON.stringify(question)}`).toEqual(calls);
    }
  }
}

let calls: string[] = [];
let gammacor = "";

beforeAll(async () => {
  const { db } = state.database;
  const { viewers, territories, products } = state.world;
  const people = [
    ["repE1", "E1"],
    ["repE2", "E2"],
    ["repW1", "W1"],
    ["repW2", "W2"],
    ["repB1", "B1"],
  ] as const;
  const npis = { E1: "1000000001", E2: "1000000002", W1: "1000000003", W2: "1000000004", B1: "1000000001" };
  const channels = ["in_person", "phone", "video", "email"] as const;
  // Forty calls over October to December, some a minute either side of midnight UTC.
  const rows = Array.from({ length: 40 }, (_, i) => {
    const [person, territory] = people[i % people.length]!;
    const day = new Date(Date.UTC(2026, 9, 1 + ((i * 7) % 64)));
    day.setUTCMinutes(i % 3 === 0 ? 23 * 60 + 59 : i % 3 === 1 ? 1 : 14 * 60);
    return {
      orgId: viewers[person].orgId,
      hcpNpi: npis[territory],
      ownerId: viewers[person].userId,
      territoryId: territories[territory],
      channel: channels[i % channels.length]!,
      occurredAt: day,
    };
  });
  calls = (await db.insert(interaction).values(rows).returning()).map((r) => r.id);
  // Org A's calls: none, one or both products discussed; samples of a product discussed or not.
  const [gamma] = await db.insert(product).values({ orgId: viewers.adminA.orgId, name: "Gammacor" }).returning();
  gammacor = gamma!.id;
  const orgA = calls.filter((_, i) => people[i % people.length]![0] !== "repB1");
  await db
    .insert(interactionProduct)
    .values(
      orgA.flatMap((id, i) =>
        [products.A, gammacor]
          .slice(0, i % 3)
          .map((productId, k) => ({ interactionId: id, productId, position: k + 1 })),
      ),
    );
  await db
    .insert(interactionSample)
    .values(
      orgA
        .filter((_, i) => i % 4 !== 3)
        .map((id, i) => ({ interactionId: id, productId: i % 2 ? products.A : gammacor, quantity: 1 + (i % 5) })),
    );
});

describe("the calls' daily rollup", () => {
  it("answers every additive call question exactly as counting the calls does, for every viewer", async () => {
    await expectSameEverywhere();
  });

  it("follows calls moved across midnight, reassigned, changed and removed, and their products and samples", async () => {
    const { db } = state.database;
    const { viewers, territories } = state.world;
    // A call moved a minute past midnight, another handed to a colleague in another territory and channel.
    await db.execute(
      sql`update interaction set occurred_at = occurred_at + interval '2 minutes' where id = ${calls[0]!}`,
    );
    await db.execute(
      sql`update interaction set owner_id = ${viewers.repE2.userId}, territory_id = ${territories.E2}, channel = 'video'
        where id = ${calls[5]!}`,
    );
    // A call removed (its products and samples go with it); a product and a sample removed, a quantity changed.
    await db.execute(sql`delete from interaction where id = ${calls[10]!}`);
    await db.execute(sql`delete from interaction_product where interaction_id = ${calls[2]!}`);
    await db.execute(sql`delete from interaction_sample where interaction_id = ${calls[6]!}`);
    await db.execute(sql`update interaction_sample set quantity = quantity + 10 where interaction_id = ${calls[1]!}`);
    await db
      .insert(interactionProduct)
      .values({ interactionId: calls[3]!, productId: gammacor, position: 9 })
      .onConflictDoNothing();
    await expectSameEverywhere();
  });

  it("is not used where a sum would count a call twice: two products asked for without the breakdown", async () => {
    const { db } = state.database;
    const scope = await scopeFor(db, state.world.viewers.adminA);
    const twoProducts = semanticQuery.parse({
      measures: ["Calls.count"],
      filters: [{ member: "Products.name", operator: "equals", values: ["alphacor", "gammacor"] }],
    });
    expect(show(compile(twoProducts, scope, NOW))).not.toMatch(/call_rollup/);
    const reach = semanticQuery.parse({ measures: ["Calls.count", "Calls.reach"], dimensions: ["Reps.name"] });
    expect(show(compile(reach, scope, NOW))).not.toMatch(/call_rollup/);
    const bySpecialty = semanticQuery.parse({ measures: ["Calls.count"], dimensions: ["Hcps.specialty"] });
    expect(show(compile(bySpecialty, scope, NOW))).not.toMatch(/call_rollup/);
  });
});
