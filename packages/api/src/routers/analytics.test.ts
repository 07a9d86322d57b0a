// The analytics API runs the same compiler as the copilot, within the caller's scope, and refuses what the model
// does not hold in words.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { auditEvent, savedQuestion } from "@pharmacrm/db";
import { MAX_PINS } from "@pharmacrm/domain";
import { useWorld } from "@pharmacrm/domain/testing";

import { callerFor, outcome } from "../testing/caller";

const state = useWorld();
const byRegion = { measures: ["Calls.count" as const], dimensions: ["Regions.name" as const] };

describe("analytics.run", () => {
  it("answers within the caller's scope: an admin sees every region, a manager their own", async () => {
    const { db } = state.database;
    const admin = await callerFor(db, state.world.viewers.adminA).analytics.run(byRegion);
    expect(admin.rows).toEqual([
      { d0: "East", m0: 2 },
      { d0: "West", m0: 2 },
    ]);
    const manager = await callerFor(db, state.world.viewers.managerWest).analytics.run(byRegion);
    expect(manager.rows).toEqual([{ d0: "West", m0: 2 }]);
    expect(manager.sql).toBeNull();
  });

  it("refuses a member the model does not hold, and the signed-out", async () => {
    const { db } = state.database;
    const admin = callerFor(db, state.world.viewers.adminA);
    expect(
      await outcome(() => admin.analytics.run({ measures: ["Payments.refunds" as "Calls.count"], dimensions: [] })),
    ).toBe("BAD_REQUEST");
    expect(await outcome(() => callerFor(db, null).analytics.run(byRegion))).toBe("UNAUTHORIZED");
    const model = await admin.analytics.model();
    expect(model.measures.map((m) => m.name)).toContain("Calls.reach");
  });
});

describe("pinned questions", () => {
  const byTerritory = { measures: ["Calls.count" as const], dimensions: ["Territories.name" as const] };

  it("are the owner's own: pinned, listed in order, moved, removed; nobody else sees or touches them", async () => {
    const { db } = state.database;
    const manager = callerFor(db, state.world.viewers.managerWest);
    const other = callerFor(db, state.world.viewers.managerEast);
    const first = await manager.analytics.pin({ title: "Calls by territory", query: byTerritory });
    const second = await manager.analytics.pin({ title: "  Calls by region  ", query: byRegion });
    expect((await manager.analytics.pins()).map((p) => p.title)).toEqual(["Calls by territory", "Calls by region"]);
    expect(await other.analytics.pins()).toEqual([]);
    expect(await outcome(() => other.analytics.unpin({ id: first.id }))).toBe("NOT_FOUND");
    expect(await outcome(() => other.analytics.movePin({ id: first.id, direction: "down" }))).toBe("NOT_FOUND");

    await manager.analytics.movePin({ id: second.id, direction: "up" });
    await manager.analytics.movePin({ id: second.id, direction: "up" }); // already first: nothing moves
    const moved = await manager.analytics.pins();
    expect(moved.map((p) => p.id)).toEqual([second.id, first.id]);
    expect(moved[1]!.query).toMatchObject({ measures: ["Calls.count"], dimensions: ["Territories.name"], limit: 100 });

    await manager.analytics.unpin({ id: second.id });
    expect((await manager.analytics.pins()).map((p) => p.id)).toEqual([first.id]);
    expect(await outcome(() => manager.analytics.unpin({ id: second.id }))).toBe("NOT_FOUND");
  });

  it("refuses an empty title, a query outside the model and more than the dashboard holds", async () => {
    const { db } = state.database;
    const rep = callerFor(db, state.world.viewers.repW1);
    expect(await outcome(() => rep.analytics.pin({ title: "   ", query: byRegion }))).toBe("BAD_REQUEST");
    expect(
      await outcome(() =>
        rep.analytics.pin({ title: "Payments", query: { measures: ["Payments.refunds" as "Calls.count"] } }),
      ),
    ).toBe("BAD_REQUEST");
    for (let i = 0; i < MAX_PINS; i++) await rep.analytics.pin({ title: `Question ${i + 1}`, query: byRegion });
    expect(await outcome(() => rep.analytics.pin({ title: "One too many", query: byRegion }))).toBe("CONFLICT");
    expect(await rep.analytics.pins()).toHaveLength(MAX_PINS);
  });

  it("shows a pin whose query the model no longer holds with the reason, and still removes it", async () => {
    const { db } = state.database;
    const rep = callerFor(db, state.world.viewers.repE1);
    const kept = await rep.analytics.pin({ title: "Calls by region", query: byRegion });
    await db
      .update(savedQuestion)
      .set({ query: { measures: ["Calls.retired"] } })
      .where(eq(savedQuestion.id, kept.id));
    const [pin] = await rep.analytics.pins();
    expect(pin).toMatchObject({ id: kept.id, query: null, problem: expect.stringContaining("no longer") });
    await rep.analytics.unpin({ id: kept.id });
    expect(await rep.analytics.pins()).toEqual([]);
  });
});

describe("shared and certified questions", () => {
  it("are shared by their owner, certified by a manager or admin, and run for whoever opens them", async () => {
    const { db } = state.database;
    const { viewers } = state.world;
    const manager = callerFor(db, viewers.managerWest);
    const rep = callerFor(db, viewers.repW1);
    const otherOrg = callerFor(db, viewers.adminB);
    const { id } = await manager.analytics.pin({ title: "Calls by region", query: byRegion });
    // Not shared yet: nobody else sees it, or can certify it.
    expect(await rep.analytics.shared()).toEqual([]);
    expect(await outcome(() => callerFor(db, viewers.adminA).analytics.certify({ id, certified: true }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(() => manager.analytics.certify({ id, certified: true }))).toBe("CONFLICT");

    await manager.analytics.share({ id, shared: true });
    expect(await outcome(() => rep.analytics.share({ id, shared: false }))).toBe("FORBIDDEN");
    expect(await outcome(() => rep.analytics.certify({ id, certified: true }))).toBe("FORBIDDEN");
    expect(await otherOrg.analytics.shared()).toEqual([]);
    expect(await outcome(() => otherOrg.analytics.certify({ id, certified: true }))).toBe("NOT_FOUND");

    await callerFor(db, viewers.managerEast).analytics.certify({ id, certified: true });
    const [listed] = await rep.analytics.shared();
    expect(listed).toMatchObject({
      id,
      title: "Calls by region",
      owner: viewers.managerWest.name,
      mine: false,
      certified: { by: viewers.managerEast.name },
    });
    expect((await manager.analytics.pins()).find((p) => p.id === id)).toMatchObject({ shared: true, certified: true });
    // The rep runs the manager's question and counts only what the rep may see.
    expect((await rep.analytics.run(listed!.query!)).rows).toEqual([{ d0: "West", m0: 1 }]);

    // Unsharing withdraws the certification; each change is audited.
    await manager.analytics.share({ id, shared: false });
    expect(await rep.analytics.shared()).toEqual([]);
    expect((await manager.analytics.pins()).find((p) => p.id === id)).toMatchObject({
      shared: false,
      certified: false,
    });
    const events = await db
      .select({ action: auditEvent.action, actorId: auditEvent.actorId })
      .from(auditEvent)
      .where(eq(auditEvent.entityId, id))
      .orderBy(auditEvent.occurredAt);
    expect(events).toEqual([
      { action: "question.share", actorId: viewers.managerWest.userId },
      { action: "question.certify", actorId: viewers.managerEast.userId },
      { action: "question.unshare", actorId: viewers.managerWest.userId },
    ]);
    await manager.analytics.unpin({ id });
  });

  it("lists certified questions first, and lets an admin take one off the list but not share another's", async () => {
    const { db } = state.database;
    const { viewers } = state.world;
    const rep = callerFor(db, viewers.repE1);
    const admin = callerFor(db, viewers.adminA);
    const mine = await rep.analytics.pin({ title: "A rep's calls by month", query: byRegion });
    const theirs = await admin.analytics.pin({ title: "Z calls by region", query: byRegion });
    const kept = await rep.analytics.pin({ title: "Not shared", query: byRegion });
    expect(await outcome(() => admin.analytics.share({ id: kept.id, shared: true }))).toBe("NOT_FOUND");
    await rep.analytics.share({ id: mine.id, shared: true });
    await admin.analytics.share({ id: theirs.id, shared: true });
    await admin.analytics.certify({ id: theirs.id, certified: true });
    expect((await rep.analytics.shared()).map((q) => [q.title, q.mine, q.certified !== null])).toEqual([
      ["Z calls by region", false, true],
      ["A rep's calls by month", true, false],
    ]);
    await admin.analytics.share({ id: mine.id, shared: false });
    expect((await rep.analytics.shared()).map((q) => q.title)).toEqual(["Z calls by region"]);
    for (const [who, id] of [
      [rep, mine.id],
      [admin, theirs.id],
      [rep, kept.id],
    ] as const)
      await who.analytics.unpin({ id });
  });

  it("are saved and shared in one step, titled on one line, and their removal from the list is audited", async () => {
    const { db } = state.database;
    const { viewers } = state.world;
    const manager = callerFor(db, viewers.managerEast);
    expect(
      await outcome(() => manager.analytics.pin({ title: "Calls\n[click](https://x.example)", query: byRegion })),
    ).toBe("BAD_REQUEST");
    const { id } = await manager.analytics.pin({ title: "Calls by region", query: byRegion, shared: true });
    expect((await callerFor(db, viewers.repW1).analytics.shared()).map((q) => q.id)).toEqual([id]);
    // A question the model no longer reads cannot be certified.
    await db
      .update(savedQuestion)
      .set({ query: { measures: ["Calls.gone"] } })
      .where(eq(savedQuestion.id, id));
    expect(await outcome(() => manager.analytics.certify({ id, certified: true }))).toBe("CONFLICT");
    await manager.analytics.unpin({ id });
    expect(await callerFor(db, viewers.repW1).analytics.shared()).toEqual([]);
    const events = await db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(eq(auditEvent.entityId, id))
      .orderBy(auditEvent.occurredAt);
    expect(events.map((e) => e.action)).toEqual(["question.share", "question.delete"]);
  });
});
