// Write access matrix: every viewer × every HCP for each mutation, and an audit event for every success.
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { auditEvent, task } from "@pharmacrm/db";
import { NPIS, useWorld, type PersonKey, type World } from "@pharmacrm/domain/testing";

import { callerFor, outcome } from "./testing/caller";

const ctx = useWorld();

type Hcp = keyof typeof NPIS;
const allowed: Record<PersonKey, Hcp[]> = {
  repE1: ["E1"],
  repE2: ["E2"],
  repW1: ["W1"],
  repW2: ["W2"],
  managerEast: ["E1", "E2"],
  managerWest: ["W1", "W2"],
  adminA: ["E1", "E2", "W1", "W2", "OUT"],
  repB1: ["E1"],
  managerB: ["E1"],
  adminB: ["E1", "E2", "W1", "W2", "OUT"],
};

const mutations = {
  // Audited as the submit of the call it saves and submits in one step.
  "interaction.submit": (api: ReturnType<typeof callerFor>, npi: string, productId: string) =>
    api.interaction.log({
      npi,
      channel: "phone",
      occurredAt: new Date(Date.now() - 60_000),
      productIds: [productId],
      notes: "matrix",
    }),
  "call_draft.create": (api: ReturnType<typeof callerFor>, npi: string) =>
    api.interaction.saveDraft({ npi, channel: "video", occurredAt: new Date(Date.now() - 60_000) }),
  "hcp.setAttributes": (api: ReturnType<typeof callerFor>, npi: string) =>
    api.hcp.setAttributes({ npi, segment: "Growth", tier: "A", decile: 7, notes: null }),
  "consent.record": (api: ReturnType<typeof callerFor>, npi: string) =>
    api.consent.record({ npi, channel: "phone", status: "granted", source: "verbal at call" }),
  "task.create": (api: ReturnType<typeof callerFor>, npi: string) =>
    api.task.create({ title: "matrix follow-up", npi }),
};

const auditCount = async (orgId: string, action: string) =>
  (
    await ctx.database.db
      .select({ n: count() })
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, orgId), eq(auditEvent.action, action)))
  )[0]!.n;

const cases = Object.entries(allowed).flatMap(([person, hcps]) =>
  Object.keys(mutations).flatMap((mutation) =>
    (Object.keys(NPIS) as Hcp[]).map((h) => [mutation, person, h, hcps.includes(h) ? "OK" : "FORBIDDEN"] as const),
  ),
);

describe("mutations on an HCP", () => {
  it.each(cases)("%s by %s on HCP %s → %s", async (mutation, person, h, expected) => {
    const viewer = ctx.world.viewers[person as PersonKey];
    const api = callerFor(ctx.database.db, viewer);
    const before = await auditCount(viewer.orgId, mutation);
    const ownProduct = viewer.orgId === ctx.world.viewers.adminA.orgId ? ctx.world.products.A : ctx.world.products.B;
    expect(await outcome(() => mutations[mutation as keyof typeof mutations](api, NPIS[h], ownProduct))).toBe(expected);
    expect(await auditCount(viewer.orgId, mutation)).toBe(before + (expected === "OK" ? 1 : 0));
  });
});

describe("My accounts' edit and undo", () => {
  // The same reach as one account's attributes; a different tier each time so every allowed call changes something.
  let tier = 0;
  it.each(cases.filter(([mutation]) => mutation === "hcp.setAttributes"))(
    "hcp.updateAccounts and restoreAccounts by %s on HCP %s → %s",
    async (_mutation, person, h, expected) => {
      const viewer = ctx.world.viewers[person as PersonKey];
      const api = callerFor(ctx.database.db, viewer);
      const before = await auditCount(viewer.orgId, "hcp.setAttributes");
      tier += 1;
      const edit = () =>
        api.hcp.updateAccounts({ npis: [NPIS[h]], changes: { tier: `T${tier}`, addTags: ["matrix"] } });
      expect(await outcome(edit)).toBe(expected);
      if (expected !== "OK") return expect(await auditCount(viewer.orgId, "hcp.setAttributes")).toBe(before);
      const { undo, changedAt } = await api.hcp.updateAccounts({ npis: [NPIS[h]], changes: { notes: `n${tier}` } });
      expect(await api.hcp.restoreAccounts({ rows: undo.map((u) => ({ ...u, changedAt })) })).toEqual({
        restored: 1,
        changedSince: 0,
      });
      expect(await auditCount(viewer.orgId, "hcp.setAttributes")).toBe(before + 2);
      expect(await auditCount(viewer.orgId, "hcp.undoSetAttributes")).toBeGreaterThan(0);
    },
  );
});

describe("adoption.move", () => {
  // The board's physicians: as for a write, except an admin's board is the org's territories' (no OUT; org B: E1).
  const onBoard: Record<PersonKey, Hcp[]> = { ...allowed, adminA: ["E1", "E2", "W1", "W2"], adminB: ["E1"] };
  const boardCases = Object.entries(onBoard).flatMap(([person, hcps]) =>
    (Object.keys(NPIS) as Hcp[]).map((h) => [person, h, hcps.includes(h) ? "OK" : "FORBIDDEN"] as const),
  );
  // Each allowed person moves the card a step on from where it is, so each call changes something and is audited.
  it.each(boardCases)("adoption.move by %s on HCP %s → %s", async (person, h, expected) => {
    const viewer = ctx.world.viewers[person as PersonKey];
    const api = callerFor(ctx.database.db, viewer);
    const productId = viewer.orgId === ctx.world.viewers.adminA.orgId ? ctx.world.products.A : ctx.world.products.B;
    const before = await auditCount(viewer.orgId, "hcp.adoptionStage");
    const trial = (await api.adoption.board({ productId })).stages.find((s) => s.stage === "trial")!;
    const from = trial.cards.some((c) => c.npi === NPIS[h]) ? "trial" : "unaware";
    const stage = from === "trial" ? "unaware" : "trial";
    expect(await outcome(() => api.adoption.move({ npi: NPIS[h], productId, from, stage }))).toBe(expected);
    expect(await auditCount(viewer.orgId, "hcp.adoptionStage")).toBe(before + (expected === "OK" ? 1 : 0));
  });
});

describe("task.complete", () => {
  const completeCases: [PersonKey, string, string][] = [
    ["repE1", "E1", "OK"],
    ["repE1", "E2", "NOT_FOUND"],
    ["repE1", "B1", "NOT_FOUND"],
    ["repE2", "E1", "NOT_FOUND"],
    ["managerEast", "E1", "OK"],
    ["managerEast", "E2", "OK"],
    ["managerEast", "W1", "NOT_FOUND"],
    ["managerWest", "W2", "OK"],
    ["adminA", "W1", "OK"],
    ["adminA", "B1", "NOT_FOUND"],
    ["repB1", "B1", "OK"],
    ["repB1", "E1", "NOT_FOUND"],
    ["adminB", "E1", "NOT_FOUND"],
  ];
  it.each(completeCases)("%s completing the task of %s → %s", async (person, territoryKey, expected) => {
    const source = ctx.world.tasks[territoryKey as keyof World["tasks"]];
    const [original] = await ctx.database.db.select().from(task).where(eq(task.id, source));
    const { id: _id, createdAt: _c, ...copy } = original!;
    const [fresh] = await ctx.database.db.insert(task).values(copy).returning();
    const api = callerFor(ctx.database.db, ctx.world.viewers[person]);
    expect(await outcome(() => api.task.complete({ id: fresh!.id }))).toBe(expected);
    const [after] = await ctx.database.db.select().from(task).where(eq(task.id, fresh!.id));
    expect(after!.status).toBe(expected === "OK" ? "done" : "open");
  });

  it("a rep cannot complete a colleague's task that a shared territory makes visible", async () => {
    const [t] = await ctx.database.db
      .insert(task)
      .values({
        orgId: ctx.world.viewers.repE1.orgId,
        ownerId: ctx.world.viewers.managerEast.userId,
        createdById: ctx.world.viewers.managerEast.userId,
        territoryId: ctx.world.territories.E1,
        title: "manager's task",
      })
      .returning();
    expect(await outcome(() => callerFor(ctx.database.db, ctx.world.viewers.repE1).task.complete({ id: t!.id }))).toBe(
      "FORBIDDEN",
    );
  });

  it("completing twice is a CONFLICT", async () => {
    const api = callerFor(ctx.database.db, ctx.world.viewers.repW1);
    const created = await api.task.create({ title: "twice" });
    await api.task.complete({ id: created.id });
    expect(await outcome(() => api.task.complete({ id: created.id }))).toBe("CONFLICT");
  });
});

describe("input checks", () => {
  it("rejects products of another org and samples of zero", async () => {
    const api = callerFor(ctx.database.db, ctx.world.viewers.repE1);
    const base = { npi: NPIS.E1, channel: "in_person" as const, occurredAt: new Date(Date.now() - 1000) };
    expect(await outcome(() => api.interaction.log({ ...base, productIds: [ctx.world.products.B] }))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await outcome(() =>
        api.interaction.log({ ...base, samples: [{ productId: ctx.world.products.A, quantity: 0 }] }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await outcome(() => api.interaction.log({ ...base, occurredAt: new Date(Date.now() + 86_400_000) }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("writes the call with its products and the audit event in one go; samples keep it a draft until signed", async () => {
    const api = callerFor(ctx.database.db, ctx.world.viewers.repE1);
    const base = { npi: NPIS.E1, channel: "in_person" as const, occurredAt: new Date(Date.now() - 1000) };
    const created = await api.interaction.log({
      ...base,
      productIds: [ctx.world.products.A],
      notes: "discussed dosing",
    });
    expect(created.status).toBe("submitted");
    const page = await api.hcp.byNpi({ npi: NPIS.E1 });
    expect(page.interactions[0]).toMatchObject({ notes: "discussed dosing", products: ["Alphacor"] });
    const [event] = await ctx.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, created.id), eq(auditEvent.action, "interaction.submit")));
    expect(event).toMatchObject({
      action: "interaction.submit",
      actorId: ctx.world.viewers.repE1.userId,
      entityType: "interaction",
    });
    const sampled = await api.interaction.log({
      ...base,
      productIds: [ctx.world.products.A],
      samples: [{ productId: ctx.world.products.A, quantity: 4 }],
    });
    expect(sampled.status).toBe("draft");
    expect((await api.interaction.get({ id: sampled.id })).status).toBe("draft");
  });
});
