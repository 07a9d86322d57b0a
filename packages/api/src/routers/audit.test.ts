// audit.*: admins read, filter, export and verify their own org's audit trail (never another org's); nobody else does.
import { beforeAll, describe, expect, it } from "vitest";
import { z, ZodError } from "zod";

import { fieldChanges } from "@pharmacrm/domain";
import { NPIS, useWorld, type PersonKey } from "@pharmacrm/domain/testing";

import { callerFor, outcome } from "../testing/caller";

const ctx = useWorld();
const api = (person: PersonKey) => callerFor(ctx.database.db, ctx.world.viewers[person]);

/** The field messages a refused call answers with (what the form shows), or "OK" when it was not refused. */
async function fieldErrors(call: () => Promise<unknown>): Promise<Record<string, string[] | undefined> | string> {
  try {
    await call();
    return "OK";
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof ZodError ? z.flattenError(cause).fieldErrors : String(error);
  }
}

let taskId = "";
beforeAll(async () => {
  // Real mutations, so the events are the ones the app writes.
  const created = await api("repE1").task.create({ title: '=HYPERLINK("evil") send study', npi: NPIS.E1 });
  taskId = created.id;
  await api("repE1").task.complete({ id: taskId });
  await api("repE1").hcp.setAttributes({
    npi: NPIS.E1,
    segment: "Champion",
    tier: "A",
    decile: 9,
    notes: "Prefers mornings",
  });
  await api("adminA").hcp.setAttributes({
    npi: NPIS.E1,
    segment: "Champion",
    tier: "B",
    decile: 9,
    notes: "Prefers afternoons",
  });
  await api("repB1").task.create({ title: "Org B task", npi: NPIS.E1 });
});

describe("audit.list", () => {
  it("shows an admin every event of their org, newest first, with the person and the changes", async () => {
    const { items, total } = await api("adminA").audit.list({});
    expect(total).toBe(4);
    expect(items.map((e) => [e.seq, e.action, e.actorName])).toEqual([
      [4, "hcp.setAttributes", "adminA"],
      [3, "hcp.setAttributes", "repE1"],
      [2, "task.complete", "repE1"],
      [1, "task.create", "repE1"],
    ]);
    expect(items[0]!.changes).toEqual([
      { field: "notes", kind: "changed", before: "Prefers mornings", after: "Prefers afternoons" },
      { field: "tier", kind: "changed", before: "A", after: "B" },
      { field: "updatedAt", kind: "changed", before: expect.any(String), after: expect.any(String) },
      {
        field: "updatedById",
        kind: "changed",
        before: ctx.world.viewers.repE1.userId,
        after: ctx.world.viewers.adminA.userId,
      },
    ]);
    expect(items[3]!.changes.find((c) => c.field === "title")).toMatchObject({ kind: "added", before: null });
    expect(items.every((e) => e.hash.length === 64)).toBe(true);
  });

  it("filters by person, action, record and days, and pages on the server", async () => {
    const admin = api("adminA").audit;
    expect((await admin.list({ actorId: ctx.world.viewers.adminA.userId })).total).toBe(1);
    expect((await admin.list({ action: "task.complete" })).items.map((e) => e.entityId)).toEqual([taskId]);
    expect((await admin.list({ entityType: "task", entityId: taskId })).total).toBe(2);
    expect((await admin.list({ entityType: "hcp_attribute" })).total).toBe(2);
    const today = new Date().toISOString().slice(0, 10);
    expect((await admin.list({ from: today, to: today })).total).toBe(4);
    expect((await admin.list({ to: "2020-01-01" })).total).toBe(0);
    const page2 = await admin.list({ page: 2, pageSize: 3 });
    expect(page2.items.map((e) => e.seq)).toEqual([1]);
    expect(page2.total).toBe(4);
  });

  it("never shows another org's events, even when filtered by that org's person", async () => {
    const { items, total } = await api("adminB").audit.list({});
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ action: "task.create", actorName: "repB1", seq: 1 });
    expect((await api("adminA").audit.list({ actorId: ctx.world.viewers.repB1.userId })).total).toBe(0);
  });

  it("refuses reps and managers, and bad filters", async () => {
    for (const person of ["repE1", "managerEast"] as const) {
      expect(await outcome(() => api(person).audit.list({}))).toBe("FORBIDDEN");
      expect(await outcome(() => api(person).audit.export({ format: "json" }))).toBe("FORBIDDEN");
      expect(await outcome(() => api(person).audit.verify())).toBe("FORBIDDEN");
      expect(await outcome(() => api(person).audit.facets())).toBe("FORBIDDEN");
    }
    expect(await outcome(() => callerFor(ctx.database.db, null).audit.list({}))).toBe("UNAUTHORIZED");
    expect(await outcome(() => api("adminA").audit.list({ from: "2026-11-05", to: "2026-11-01" }))).toBe("BAD_REQUEST");
    expect(await outcome(() => api("adminA").audit.list({ actorId: "not-a-uuid" }))).toBe("BAD_REQUEST");
    expect(await outcome(() => api("adminA").audit.list({ pageSize: 1000 }))).toBe("BAD_REQUEST");
  });

  it("refuses a day outside 1900–2100, one that does not exist, or control characters with a 400 that says so", async () => {
    const admin = api("adminA").audit;
    for (const [input, errors] of [
      [{ from: "0000-01-01" }, { from: ["The first day must be a date between 1900 and 2100."] }],
      [{ to: "9999-12-31" }, { to: ["The last day must be a date between 1900 and 2100."] }],
      [{ to: "9999-12-31T00:00:00Z" }, { to: ["Use a date like 2026-11-23"] }],
      [{ from: "2026-13-45" }, { from: ["Use a date like 2026-11-23"] }],
      [{ entityId: "task\u0000" }, { entityId: ["Entity id cannot contain control characters (such as NUL)."] }],
    ] as const) {
      expect(await outcome(() => admin.list(input))).toBe("BAD_REQUEST");
      expect(await fieldErrors(() => admin.list(input))).toEqual(errors);
      expect(await outcome(() => admin.export({ ...input, format: "json" }))).toBe("BAD_REQUEST");
    }
    expect((await admin.list({ from: "1900-01-01", to: "2100-12-31" })).total).toBe(4);
  });
});

describe("audit.facets", () => {
  it("offers the org's people and the actions and record types it has events for", async () => {
    const facets = await api("adminA").audit.facets();
    expect(facets.actions).toEqual(["hcp.setAttributes", "task.complete", "task.create"]);
    expect(facets.entityTypes).toEqual(["hcp_attribute", "task"]);
    expect(facets.people.map((p) => p.name)).toContain("repW2");
    expect(facets.people.map((p) => p.name)).not.toContain("repB1");
  });
});

describe("audit.export", () => {
  it("exports the filtered events as CSV, newest first, with a readable changes column", async () => {
    const file = await api("adminA").audit.export({ format: "csv", entityType: "task" });
    expect(file).toMatchObject({ contentType: "text/csv;charset=utf-8", exported: 2, total: 2 });
    expect(file.filename).toMatch(/^audit-trail-.+\.csv$/);
    const lines = file.content.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "seq,occurred_at,actor_email,actor_name,action,entity_type,entity_id,changes,before_json,after_json,prev_hash,hash",
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^1,/);
    // Quotes doubled inside a quoted cell; fields that were empty on creation are not listed as changes.
    expect(file.content).toContain("status: ∅ → open; territoryId: ∅ → ");
    expect(file.content).toContain('title: ∅ → =HYPERLINK(""evil"") send study"');
    expect(file.content).not.toContain("details: ∅ → ∅");
  });

  it("exports JSON with every field, for this org only", async () => {
    const file = await api("adminB").audit.export({ format: "json" });
    const events = JSON.parse(file.content) as { action: string; after: { title: string }; hash: string }[];
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "task.create", after: { title: "Org B task" } });
    expect(events[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("audit.verify", () => {
  it("reports the org's chain intact with its event count", async () => {
    expect(await api("adminA").audit.verify()).toMatchObject({
      intact: true,
      events: 4,
      broken: null,
      message: "Chain intact (4 events).",
    });
    expect(await api("adminB").audit.verify()).toMatchObject({ intact: true, events: 1 });
  });

  it("names the first broken link after an event was rewritten behind the guard", async () => {
    const { items } = await api("adminA").audit.list({ action: "task.complete" });
    const target = items[0]!;
    await ctx.database.exec(`
      ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
      UPDATE audit_event SET actor_id = NULL WHERE id = ${target.id};
      ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;`);
    const report = await api("adminA").audit.verify();
    expect(report).toMatchObject({ intact: false, broken: { problem: "altered", seq: 2, eventId: target.id } });
    expect(report.message).toBe(
      `First broken link at event seq 2 (id ${target.id}): its content was changed after it was recorded.`,
    );
    expect((await api("adminB").audit.verify()).intact).toBe(true);
  });
});

describe("fieldChanges", () => {
  it("lists added, removed and changed fields; a payload that is not an object is one value", () => {
    expect(fieldChanges({ a: 1, b: [1], c: "x", e: null }, { a: 1, b: [2], d: 0 })).toEqual([
      { field: "b", kind: "changed", before: [1], after: [2] },
      { field: "c", kind: "removed", before: "x", after: null },
      { field: "d", kind: "added", before: null, after: 0 },
    ]);
    expect(fieldChanges(null, { a: 1, b: null })).toEqual([{ field: "a", kind: "added", before: null, after: 1 }]);
    expect(fieldChanges(null, null)).toEqual([]);
    expect(fieldChanges(null, { a: 1 })).toEqual([{ field: "a", kind: "added", before: null, after: 1 }]);
    expect(fieldChanges("x", 3)).toEqual([{ field: "(value)", kind: "changed", before: "x", after: 3 }]);
  });
});
