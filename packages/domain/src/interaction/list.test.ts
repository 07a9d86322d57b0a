// The person's own calls in a period and their own open or overdue tasks: what the copilot's list questions read.
import { describe, expect, it } from "vitest";

import { interaction, task } from "@pharmacrm/db";

import { scopeFor } from "../scope";
import { listTasks } from "../task/task";
import { NPIS, useWorld } from "../testing/world";
import { listCalls } from "./list";

const ctx = useWorld();
const scopeOf = (person: "repE1" | "managerEast" | "repB1") => scopeFor(ctx.database.db, ctx.world.viewers[person]);

describe("listCalls", () => {
  it("counts and lists the person's own calls in the period, by channel and physician", async () => {
    const db = ctx.database.db;
    const october = { from: "2026-10-01", to: "2026-10-31" };
    expect(await listCalls(db, await scopeOf("repE1"), october)).toEqual({
      total: 1,
      calls: [
        expect.objectContaining({ npi: NPIS.E1, channel: "in_person", notes: "call in E1", products: [], samples: [] }),
      ],
    });
    expect((await listCalls(db, await scopeOf("repE1"), { ...october, channel: "phone" })).total).toBe(0);
    expect((await listCalls(db, await scopeOf("repE1"), { ...october, npi: NPIS.E2 })).total).toBe(0);
    expect((await listCalls(db, await scopeOf("repE1"), { from: "2026-09-01", to: "2026-09-30" })).total).toBe(0);
    // A manager's "my calls" are their own, not their reps'; another org's rep sees only theirs.
    expect((await listCalls(db, await scopeOf("managerEast"), october)).total).toBe(0);
    expect((await listCalls(db, await scopeOf("repB1"), october)).calls.map((c) => c.notes)).toEqual(["call in B1"]);
  });

  it("returns as many calls as asked, newest first, and counts them all", async () => {
    const db = ctx.database.db;
    const { viewers, territories } = ctx.world;
    await db.insert(interaction).values(
      ["2026-11-02", "2026-11-03", "2026-11-04"].map((day) => ({
        orgId: viewers.repE1.orgId,
        hcpNpi: NPIS.E1,
        ownerId: viewers.repE1.userId,
        territoryId: territories.E1,
        channel: "phone" as const,
        occurredAt: new Date(`${day}T10:00:00Z`),
        notes: `limit ${day}`,
      })),
    );
    const two = await listCalls(db, await scopeOf("repE1"), { from: "2026-11-01", to: "2026-11-30", limit: 2 });
    expect(two.total).toBe(3);
    expect(two.calls.map((c) => c.notes)).toEqual(["limit 2026-11-04", "limit 2026-11-03"]);
    await expect(
      listCalls(db, await scopeOf("repE1"), { from: "2026-11-01", to: "2026-11-30", limit: 501 }),
    ).rejects.toThrow();
  });

  it("refuses a period that ends before it starts, in words", async () => {
    await expect(
      listCalls(ctx.database.db, await scopeOf("repE1"), { from: "2026-10-31", to: "2026-10-01" }),
    ).rejects.toThrow("The period's first day must not be after its last.");
  });
});

describe("listTasks", () => {
  it("lists the person's own open tasks, soonest due first, and only the overdue ones when asked", async () => {
    const db = ctx.database.db;
    const rep = ctx.world.viewers.repE1;
    await db.insert(task).values([
      { orgId: rep.orgId, ownerId: rep.userId, createdById: rep.userId, title: "Late one", dueDate: "2026-11-01" },
      { orgId: rep.orgId, ownerId: rep.userId, createdById: rep.userId, title: "Next one", dueDate: "2026-12-20" },
    ]);
    const open = await listTasks(db, await scopeOf("repE1"), { status: "open" }, "2026-12-04");
    expect(open.map((t) => [t.title, t.overdue])).toEqual([
      ["Late one", true],
      ["Next one", false],
      ["task in E1", false],
    ]);
    const overdue = await listTasks(db, await scopeOf("repE1"), { status: "overdue" }, "2026-12-04");
    expect(overdue.map((t) => t.title)).toEqual(["Late one"]);
    expect(open.find((t) => t.title === "task in E1")).toMatchObject({ npi: NPIS.E1, physician: "First0 Hcpe1" });
  });
});
