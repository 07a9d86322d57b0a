// The tasks screen's rules: who may give a task to whom, who sees it afterwards, the board's filters, and editing an
// open task — each change audited.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { auditEvent, task } from "@pharmacrm/db";

import { DomainError } from "../errors";
import { scopeFor } from "../scope";
import { NPIS, useWorld, type PersonKey } from "../testing/world";
import { assignableUsers } from "./assign";
import { taskBoard, updateTask } from "./board";
import { completeTask, createTask } from "./task";

const ctx = useWorld();
const TODAY = "2026-12-05";
const scopeOf = (person: PersonKey) => scopeFor(ctx.database.db, ctx.world.viewers[person]);
const idOf = (person: PersonKey) => ctx.world.viewers[person].userId;
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );
const titles = async (person: PersonKey, input: Parameters<typeof taskBoard>[2]) =>
  (await taskBoard(ctx.database.db, await scopeOf(person), input, TODAY)).tasks.map((t) => t.title).sort();

describe("giving a task to someone", () => {
  it.each<[PersonKey, PersonKey[]]>([
    ["repE1", ["repE1"]],
    ["managerEast", ["managerEast", "repE1", "repE2"]],
    ["adminA", ["adminA", "repE1", "repE2", "repW1", "repW2"]],
    ["managerB", ["managerB", "repB1"]],
  ])("%s may give tasks to %j", async (person, people) => {
    const users = await assignableUsers(ctx.database.db, await scopeOf(person));
    expect(users.map((u) => u.name)).toEqual(people);
    expect(users[0]).toMatchObject({ you: true });
  });

  it.each<[PersonKey, PersonKey, string]>([
    ["managerEast", "repW1", "NOT_FOUND"],
    ["repE1", "repE2", "FORBIDDEN"],
    ["adminB", "repE1", "NOT_FOUND"],
    ["managerWest", "repW2", "OK"],
  ])("%s giving a task to %s → %s", async (person, owner, expected) => {
    const created = createTask(ctx.database.db, await scopeOf(person), { title: `for ${owner}`, ownerId: idOf(owner) });
    expect(await codeOf(created)).toBe(expected);
  });

  it("a manager's task for a rep is the rep's, seen by the manager in the rep's territory, audited as the manager's", async () => {
    const created = await createTask(ctx.database.db, await scopeOf("managerEast"), {
      title: "Ride-along prep",
      ownerId: idOf("repE1"),
      dueDate: "2026-12-01",
    });
    expect(created).toMatchObject({
      ownerId: idOf("repE1"),
      createdById: idOf("managerEast"),
      territoryId: ctx.world.territories.E1,
    });
    expect(await titles("repE1", { whose: "mine" })).toContain("Ride-along prep");
    expect(await titles("managerEast", { whose: "team" })).toContain("Ride-along prep");
    expect(await titles("managerEast", { whose: "mine" })).not.toContain("Ride-along prep");
    expect(await titles("managerWest", { whose: "team" })).not.toContain("Ride-along prep");
    const [audit] = await ctx.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, created.id), eq(auditEvent.action, "task.create")));
    expect(audit!.actorId).toBe(idOf("managerEast"));
    // With an HCP, the task is seen in the HCP's territory.
    const aboutE2 = await createTask(ctx.database.db, await scopeOf("managerEast"), {
      title: "Bring the E2 reprint",
      ownerId: idOf("repE1"),
      npi: NPIS.E2,
    });
    expect(aboutE2.territoryId).toBe(ctx.world.territories.E2);
  });
});

describe("the board", () => {
  it("filters open, overdue and done, and marks what the viewer may change", async () => {
    const board = await taskBoard(ctx.database.db, await scopeOf("repE1"), { status: "overdue", whose: "mine" }, TODAY);
    expect(board.tasks.map((t) => [t.title, t.overdue, t.canChange, t.createdByName])).toEqual([
      ["Ride-along prep", true, true, "managerEast"],
    ]);
    const done = await createTask(ctx.database.db, await scopeOf("repE1"), { title: "Done already" });
    await completeTask(ctx.database.db, await scopeOf("repE1"), { id: done.id });
    expect(await titles("repE1", { status: "done" })).toEqual(["Done already"]);
    expect(await titles("repE1", { status: "open" })).not.toContain("Done already");
    const all = await taskBoard(ctx.database.db, await scopeOf("repE1"), { status: "all" }, TODAY);
    expect(all.tasks.find((t) => t.title === "Done already")).toMatchObject({ status: "done", canChange: false });
    // A rep sees a colleague's task in their territory but may not change it.
    const repE2Task = await createTask(ctx.database.db, await scopeOf("repE2"), { title: "E2 own", npi: NPIS.E2 });
    const teamE2 = await taskBoard(ctx.database.db, await scopeOf("repE2"), { whose: "team" }, TODAY);
    expect(teamE2.tasks.find((t) => t.title === "Bring the E2 reprint")).toMatchObject({
      mine: false,
      canChange: false,
    });
    expect(teamE2.tasks.find((t) => t.id === repE2Task.id)).toMatchObject({ mine: true, canChange: true });
  });
});

describe("editing an open task", () => {
  it("changes title, details and due date, by the owner or their manager, audited; not a done one", async () => {
    const [mine] = await ctx.database.db.select().from(task).where(eq(task.title, "Ride-along prep"));
    const edit = (person: PersonKey, title: string) =>
      scopeOf(person).then((scope) =>
        updateTask(ctx.database.db, scope, { id: mine!.id, title, details: " bring the deck ", dueDate: "2026-12-12" }),
      );
    expect(await edit("repE1", "Ride-along prep (Tue)")).toMatchObject({
      title: "Ride-along prep (Tue)",
      details: "bring the deck",
      dueDate: "2026-12-12",
    });
    expect(await codeOf(edit("managerEast", "Ride-along prep (Wed)"))).toBe("OK");
    expect(await codeOf(edit("repE2", "nope"))).toBe("NOT_FOUND");
    expect(await codeOf(edit("managerWest", "nope"))).toBe("NOT_FOUND");
    const audits = await ctx.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, mine!.id), eq(auditEvent.action, "task.update")));
    expect(audits).toHaveLength(2);
    await completeTask(ctx.database.db, await scopeOf("repE1"), { id: mine!.id });
    expect(await codeOf(edit("repE1", "after done"))).toBe("CONFLICT");
    await expect(edit("repE1", "after done")).rejects.toThrow(/already done/);
  });

  it("refuses a title too short, with the field's words", async () => {
    const scope = await scopeOf("repE1");
    await expect(
      updateTask(ctx.database.db, scope, { id: ctx.world.tasks.E1, title: "x", details: null, dueDate: null }),
    ).rejects.toThrow(/at least 3 characters/);
  });
});
