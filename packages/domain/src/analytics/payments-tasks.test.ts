// The Open Payments and tasks cubes against hand-computed figures: payments to HCPs aligned to the viewer's
// territories (the latest program year by default, a period not loaded said so), tasks open, overdue and completed by
// rep within the viewer's scope, and each source refusing a breakdown it does not have.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { openPayment, rowsOf, task } from "@pharmacrm/db";

import { scopeFor } from "../scope";
import { useAnalyticsWorld } from "../testing/analytics-world";
import { NPIS, type PersonKey } from "../testing/world";
import { DIMENSIONS, type DimensionName } from "./model";

const { state, run, table } = useAnalyticsWorld();

beforeAll(async () => {
  const { db } = state.database;
  const { viewers, territories } = state.world;
  let record = 1;
  const paid = (npi: string, day: string, amount: string, manufacturerName: string, nature: string, count = 1) => ({
    recordId: record++,
    programYear: Number(day.slice(0, 4)),
    recipientType: "Covered Recipient Physician",
    npi,
    manufacturerId: manufacturerName.toUpperCase(),
    manufacturerName,
    amountUsd: amount,
    paymentDate: day,
    numberOfPayments: count,
    nature,
  });
  await db.insert(openPayment).values([
    paid(NPIS.E1, "2024-03-10", "100.00", "Pfizer", "Food and Beverage"),
    paid(NPIS.E1, "2024-06-01", "1500.50", "Pfizer", "Consulting Fee"),
    paid(NPIS.E1, "2023-05-05", "40.00", "Merck", "Food and Beverage", 2),
    paid(NPIS.E2, "2024-02-02", "250.00", "Merck", "Travel and Lodging"),
    paid(NPIS.W1, "2024-08-08", "75.25", "AbbVie", "Food and Beverage"),
    // Practises outside every territory: never counted.
    paid(NPIS.OUT, "2024-01-01", "9999.00", "Pfizer", "Consulting Fee"),
  ]);
  const own = (person: "repE1" | "repE2", territory: "E1" | "E2") => ({
    orgId: viewers.adminA.orgId,
    ownerId: viewers[person].userId,
    createdById: viewers[person].userId,
    hcpNpi: NPIS[territory],
    territoryId: territories[territory],
  });
  // Beside the world's one open task per territory (no due date).
  await db.insert(task).values([
    { ...own("repE1", "E1"), title: "overdue", dueDate: "2026-11-01" },
    { ...own("repE1", "E1"), title: "due next week", dueDate: "2026-12-10" },
    { ...own("repE1", "E1"), title: "done", dueDate: "2026-11-15", status: "done", completedAt: new Date() },
    { ...own("repE2", "E2"), title: "overdue", dueDate: "2026-12-01" },
  ]);
});

const TASKS = ["Tasks.open", "Tasks.overdue", "Tasks.completed"] as const;

describe("Open Payments", () => {
  it("sums payments to aligned HCPs in the latest program year loaded, and says which year", async () => {
    const result = await run("adminA", {
      measures: ["Payments.amount", "Payments.count", "Payments.manufacturers", "Payments.recipients"],
    });
    expect(result.rows).toEqual([{ m0: 1925.75, m1: 4, m2: 3, m3: 3 }]);
    expect(result.source.period).toBe("program year 2024");
    expect(result.note).toBe(
      "Open Payments 2024, the latest program year loaded (CMS publishes each program year in the June after it).",
    );
    expect(result.columns[0]!.format).toBe("usd");
  });

  it("by manufacturer, by year, and within a manager's region or another org's territory", async () => {
    expect(await table("adminA", { measures: ["Payments.amount"], dimensions: ["Payments.manufacturer"] })).toEqual([
      ["Pfizer", 1600.5],
      ["Merck", 250],
      ["AbbVie", 75.25],
    ]);
    const byYear = { dimension: "Payments.paidOn" as const, granularity: "year" as const };
    expect(
      await table("adminA", { measures: ["Payments.amount", "Payments.count"], timeDimensions: [byYear] }),
    ).toEqual([
      ["2023-01-01", 40, 2],
      ["2024-01-01", 1925.75, 4],
    ]);
    expect(await table("managerEast", { measures: ["Payments.amount"] })).toEqual([[1850.5]]);
    expect(await table("managerWest", { measures: ["Payments.amount"] })).toEqual([[75.25]]);
    // Public data: org B's rep over the same ZIP sees the payments to that HCP, nothing else.
    expect(await table("repB1", { measures: ["Payments.amount"] })).toEqual([[1600.5]]);
  });

  it("a period outside the years loaded is said, with the zero", async () => {
    const result = await run("adminA", {
      measures: ["Payments.amount"],
      timeDimensions: [{ dimension: "Payments.paidOn", dateRange: "last month" }],
    });
    expect(result.rows).toEqual([{ m0: 0 }]);
    expect(result.note).toBe(
      "Open Payments is loaded for 2023–2024; 2026 is not. CMS publishes each program year in the June after it.",
    );
  });
});

describe("tasks", () => {
  it("open, overdue (due before today) and completed, by rep, within the viewer's scope", async () => {
    expect(await table("adminA", { measures: [...TASKS], dimensions: ["Reps.name"] })).toEqual([
      ["repE1", 3, 1, 1],
      ["repE2", 2, 1, 0],
      ["repW1", 1, 0, 0],
      ["repW2", 1, 0, 0],
    ]);
    expect(await table("managerEast", { measures: [...TASKS], dimensions: ["Territories.name"] })).toEqual([
      ["E1", 3, 1, 1],
      ["E2", 2, 1, 0],
    ]);
    expect(await table("repB1", { measures: [...TASKS] })).toEqual([[1, 0, 0]]);
  });

  it("a period is the due date", async () => {
    const november = [
      { dimension: "Tasks.dueDate" as const, dateRange: ["2026-11-01", "2026-11-30"] as [string, string] },
    ];
    expect(await table("adminA", { measures: [...TASKS], timeDimensions: november })).toEqual([[1, 1, 1]]);
  });

  it("each source refuses a breakdown it does not have, in words", async () => {
    await expect(run("adminA", { measures: ["Tasks.open"], dimensions: ["Calls.channel"] })).rejects.toThrow(
      /Channel does not break down tasks/,
    );
    await expect(run("adminA", { measures: ["Payments.amount"], dimensions: ["Reps.name"] })).rejects.toThrow(
      /Rep does not break down Open Payments/,
    );
  });
});

describe("row security through every dimension", () => {
  const people: PersonKey[] = ["repE1", "repE2", "managerEast", "managerWest", "adminA", "repB1", "managerB", "adminB"];
  const dimensionsOf = (cube: string) =>
    (Object.keys(DIMENSIONS) as DimensionName[]).filter((d) =>
      (DIMENSIONS[d].cubes as readonly string[]).includes(cube),
    );

  it.each(people)("%s: tasks and payments by every dimension add up to what they may see", async (person) => {
    const { db } = state.database;
    const viewer = state.world.viewers[person];
    const scope = await scopeFor(db, viewer);
    // Decided here independently of the compiler.
    const tasks = rowsOf<{ owner: string; territory: string | null }>(
      await db.execute(
        sql`select owner_id as owner, territory_id as territory from task where org_id = ${viewer.orgId}::uuid`,
      ),
    ).filter(
      (t) =>
        scope.territoryIds === null ||
        t.owner === viewer.userId ||
        (t.territory !== null && scope.territoryIds.includes(t.territory)),
    ).length;
    const [payments] = rowsOf<{ amount: string | null }>(
      await db.execute(sql`select sum(op.amount_usd) as amount from open_payment op
        where extract(year from op.payment_date) = 2024 and op.npi in (
          select h.npi from hcp h join territory_zip tz on tz.zip5 = h.practice_zip5
          where tz.org_id = ${viewer.orgId}::uuid
            ${
              scope.territoryIds === null
                ? sql``
                : scope.territoryIds.length
                  ? sql`and tz.territory_id in (${sql.join(
                      scope.territoryIds.map((t) => sql`${t}::uuid`),
                      sql`, `,
                    )})`
                  : sql`and false`
            })`),
    );
    for (const dimension of dimensionsOf("Tasks")) {
      const result = await run(person, { measures: ["Tasks.open", "Tasks.completed"], dimensions: [dimension] });
      const counted = result.rows.reduce((sum, row) => sum + Number(row.m0) + Number(row.m1), 0);
      expect(counted, `${person} tasks by ${dimension}`).toBe(tasks);
    }
    for (const dimension of dimensionsOf("Payments")) {
      const result = await run(person, { measures: ["Payments.amount"], dimensions: [dimension] });
      const counted = result.rows.reduce((sum, row) => sum + Number(row.m0), 0);
      expect(Math.round(counted * 100), `${person} payments by ${dimension}`).toBe(
        Math.round(Number(payments?.amount ?? 0) * 100),
      );
    }
  });
});
