// The call report's life: draft → submit (rules, stock drops, follow-up, lock) → an admin's audited unlock →
// submitted again; and the sample stock it draws on.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import {
  auditEvent,
  callDraft,
  hcpTaxonomy,
  interaction,
  interactionProduct,
  interactionSample,
  org,
  product,
  sampleLedger,
  task,
} from "@pharmacrm/db";

import { listCalls } from "../interaction/list";
import { scopeFor, type Scope } from "../scope";
import { NPIS, useWorld, type PersonKey } from "../testing/world";
import { deleteCallDraft, saveCallDraft } from "./drafts";
import { adjustSamples, receiveSamples, sampleStock } from "./stock";
import { logInteraction, submitCall } from "./submit";
import { unlockCall } from "./unlock";
import { getCall } from "./view";

const state = useWorld();
const scopes = {} as Record<PersonKey, Scope>;
const SIGNED = [[10, 10, 40, 30, 80, 20]];
const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
let A = "";

beforeAll(async () => {
  for (const [key, viewer] of Object.entries(state.world.viewers))
    scopes[key as PersonKey] = await scopeFor(state.database.db, viewer);
  A = state.world.products.A;
  // E1 is licensed in MA, where every world physician practises; E2 holds only a New York licence.
  await state.database.db.insert(hcpTaxonomy).values([
    { npi: NPIS.E1, slot: 1, code: "207RC0000X", licenseState: "MA", licenseNumber: "MA-1" },
    { npi: NPIS.E2, slot: 1, code: "207RC0000X", licenseState: "NY", licenseNumber: "NY-2" },
  ]);
  await receiveSamples(state.database.db, scopes.repE1, { productId: A, lotNumber: "a100", quantity: 20 });
  await receiveSamples(state.database.db, scopes.repE1, {
    productId: A,
    lotNumber: "OLD1",
    quantity: 5,
    expiresOn: "2020-01-31",
  });
});

const db = () => state.database.db;
/** repE1's units on hand of a lot of Alphacor. */
const balance = async (lot: string) =>
  (await sampleStock(db(), scopes.repE1, {})).lots.find((l) => l.lotNumber === lot)?.balance;
const inPerson = (extra: object = {}) => ({
  npi: NPIS.E1,
  channel: "in_person" as const,
  occurredAt: ago(1),
  productIds: [A],
  ...extra,
});

describe("drafts", () => {
  it("are saved, changed and deleted by their owner only, and counted nowhere", async () => {
    const draft = await saveCallDraft(db(), scopes.repE1, { ...inPerson(), notes: "first" });
    await saveCallDraft(db(), scopes.repE1, { ...inPerson(), id: draft.id, notes: "second" });
    expect((await getCall(db(), scopes.repE1, { id: draft.id })).report.notes).toBe("second");
    await expect(saveCallDraft(db(), scopes.repE2, { ...inPerson({ npi: NPIS.E2 }), id: draft.id })).rejects.toThrow(
      "This draft was not found.",
    );
    await expect(getCall(db(), scopes.managerEast, { id: draft.id })).rejects.toThrow("was not found");
    expect(await db().select().from(interaction).where(eq(interaction.id, draft.id))).toEqual([]);
    const period = { from: "2020-01-01", to: "2030-12-31" };
    const submitted = await listCalls(db(), scopes.repE1, period);
    expect(submitted.calls.some((c) => c.id === draft.id)).toBe(false);
    const all = await listCalls(db(), scopes.repE1, { ...period, status: "all" });
    expect(all.calls.find((c) => c.id === draft.id)).toMatchObject({ status: "draft", products: ["Alphacor"] });
    await deleteCallDraft(db(), scopes.repE1, { id: draft.id });
    await expect(getCall(db(), scopes.repE1, { id: draft.id })).rejects.toThrow("was not found");
  });

  it("refuses a physician outside the rep's territories and another org's product", async () => {
    await expect(saveCallDraft(db(), scopes.repE1, inPerson({ npi: NPIS.W1 }))).rejects.toThrow("outside your");
    await expect(saveCallDraft(db(), scopes.repE1, inPerson({ productIds: [state.world.products.B] }))).rejects.toThrow(
      "not an active product",
    );
  });
});

describe("submit", () => {
  const problemsOf = async (scope: Scope, report: Parameters<typeof saveCallDraft>[2]) => {
    const draft = await saveCallDraft(db(), scope, report);
    const result = await submitCall(db(), scope, { id: draft.id });
    return result.status === "draft" ? result.problems : [];
  };

  it("needs a product discussed, and a call within the org's back-dating limit", async () => {
    expect(await problemsOf(scopes.repE1, inPerson({ productIds: [] }))).toEqual([
      { field: "productIds", message: "Choose at least one product you discussed." },
    ]);
    await db().update(org).set({ callBackdateDays: 30 }).where(eq(org.id, scopes.repE1.orgId));
    try {
      expect(await problemsOf(scopes.repE1, inPerson({ occurredAt: ago(31) }))).toEqual([
        expect.objectContaining({ field: "occurredAt", message: expect.stringContaining("within 30 days") }),
      ]);
      expect(await problemsOf(scopes.repE1, inPerson({ occurredAt: ago(29) }))).toEqual([]);
    } finally {
      await db().update(org).set({ callBackdateDays: null }).where(eq(org.id, scopes.repE1.orgId));
    }
  });

  it("checks every sample: in person, signed, a lot in stock, not expired, within limits, a licence in the state", async () => {
    const sample = (lotNumber: string, quantity: number) => ({ productId: A, lotNumber, quantity });
    expect(
      await problemsOf(scopes.repE1, inPerson({ channel: "phone", samples: [sample("A100", 1)], signature: SIGNED })),
    ).toEqual([{ field: "samples", message: "Samples are handed over in person only." }]);
    expect(await problemsOf(scopes.repE1, inPerson({ samples: [sample("A100", 1)] }))).toEqual([
      { field: "signature", message: "Samples need the physician's signature: ask them to sign." },
    ]);
    const signed = (lot: string, quantity: number) => inPerson({ samples: [sample(lot, quantity)], signature: SIGNED });
    expect(await problemsOf(scopes.repE1, signed("", 1))).toEqual([
      { field: "samples.0.lotNumber", message: "Choose the lot the units came from." },
    ]);
    expect(await problemsOf(scopes.repE1, signed("Z9", 1))).toEqual([
      { field: "samples.0.lotNumber", message: "Your stock has no lot Z9 of Alphacor." },
    ]);
    expect(await problemsOf(scopes.repE1, signed("old1", 1))).toEqual([
      { field: "samples.0.lotNumber", message: expect.stringMatching(/^Lot OLD1 expired on 2020-01-31/) },
    ]);
    expect(await problemsOf(scopes.repE1, signed("A100", 21))).toEqual([
      { field: "samples.0.quantity", message: "Lot A100 of Alphacor has 20 units in your stock." },
    ]);
    await db().update(product).set({ sampleLimitPerCall: 4, sampleLimitPerYear: 6 }).where(eq(product.id, A));
    try {
      expect((await problemsOf(scopes.repE1, signed("A100", 5))).map((p) => p.message)).toEqual([
        "At most 4 units of Alphacor at one call.",
      ]);
      const first = await saveCallDraft(db(), scopes.repE1, signed("A100", 4));
      expect((await submitCall(db(), scopes.repE1, { id: first.id })).status).toBe("submitted");
      expect((await problemsOf(scopes.repE1, signed("A100", 3))).map((p) => p.message)).toEqual([
        expect.stringContaining("has had 4 of 6 units of Alphacor allowed in"),
      ]);
      expect(await problemsOf(scopes.repE1, signed("A100", 2))).toEqual([]);
    } finally {
      await db().update(product).set({ sampleLimitPerCall: null, sampleLimitPerYear: null }).where(eq(product.id, A));
    }
    // E2 holds no licence in MA, the state of their practice.
    await receiveSamples(db(), scopes.repE2, { productId: A, lotNumber: "E2LOT", quantity: 5 });
    expect(
      await problemsOf(scopes.repE2, {
        ...inPerson({ npi: NPIS.E2 }),
        samples: [sample("E2LOT", 1)],
        signature: SIGNED,
      }),
    ).toEqual([{ field: "samples", message: expect.stringContaining("NPPES lists no licence in MA") }]);
    // A sampled product that is not sampled.
    await db().update(product).set({ sampleable: false }).where(eq(product.id, A));
    try {
      expect((await problemsOf(scopes.repE1, signed("A100", 1))).map((p) => p.message)).toEqual([
        "Alphacor is not sampled.",
      ]);
    } finally {
      await db().update(product).set({ sampleable: true }).where(eq(product.id, A));
    }
  });

  it("writes the call under the draft's id with its samples, drops the stock, makes the follow-up, and locks", async () => {
    const before = (await balance("A100"))!;
    const draft = await saveCallDraft(db(), scopes.repE1, {
      ...inPerson({ samples: [{ productId: A, lotNumber: "a100", quantity: 3 }], signature: SIGNED }),
      notes: "dosing",
      followUp: "Bring the study",
      followUpDate: "2030-01-10",
    });
    const result = await submitCall(db(), scopes.repE1, { id: draft.id });
    expect(result).toMatchObject({ status: "submitted", id: draft.id });
    const [call] = await db().select().from(interaction).where(eq(interaction.id, draft.id));
    expect(call).toMatchObject({ notes: "dosing", signature: SIGNED, territoryId: state.world.territories.E1 });
    expect(call!.signedAt).toBeInstanceOf(Date);
    expect(await balance("A100")).toBe(before - 3);
    expect(await db().select().from(callDraft).where(eq(callDraft.id, draft.id))).toEqual([]);
    const [followUp] = await db().select().from(task).where(eq(task.title, "Bring the study"));
    expect(followUp).toMatchObject({ dueDate: "2030-01-10", hcpNpi: NPIS.E1 });
    const view = await getCall(db(), scopes.managerEast, { id: draft.id });
    expect(view).toMatchObject({ status: "submitted", owner: "repE1", canUnlock: false });
    expect(view.samples).toEqual([{ productId: A, product: "Alphacor", lotNumber: "A100", quantity: 3 }]);
    await expect(getCall(db(), scopes.managerWest, { id: draft.id })).rejects.toThrow("was not found");
    await expect(submitCall(db(), scopes.repE1, { id: draft.id })).rejects.toThrow("This draft was not found.");
    await expect(saveCallDraft(db(), scopes.repE1, { ...inPerson(), id: draft.id })).rejects.toThrow(
      "This call is submitted and locked",
    );
    const [event] = await db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, draft.id), eq(auditEvent.action, "interaction.submit")));
    expect(event).toBeDefined();
  });

  it("never spends the same units twice when two calls race for the last of a lot", async () => {
    await receiveSamples(db(), scopes.repE1, { productId: A, lotNumber: "RACE", quantity: 2 });
    const drafts = await Promise.all(
      [0, 1].map(() =>
        saveCallDraft(
          db(),
          scopes.repE1,
          inPerson({ samples: [{ productId: A, lotNumber: "RACE", quantity: 2 }], signature: SIGNED }),
        ),
      ),
    );
    const results = await Promise.all(drafts.map((d) => submitCall(db(), scopes.repE1, { id: d.id })));
    expect(results.map((r) => r.status).sort()).toEqual(["draft", "submitted"]);
    expect(await balance("RACE")).toBe(0);
  });
});

describe("unlock", () => {
  it("is an admin's, with a reason: the call becomes its owner's draft, its samples go back, and it is audited", async () => {
    const draft = await saveCallDraft(db(), scopes.repE1, {
      ...inPerson({ samples: [{ productId: A, lotNumber: "A100", quantity: 1 }], signature: SIGNED }),
      followUp: "once only",
    });
    await submitCall(db(), scopes.repE1, { id: draft.id });
    const before = (await balance("A100"))!;
    for (const who of ["repE1", "managerEast"] as const)
      await expect(unlockCall(db(), scopes[who], { id: draft.id, reason: "wrong lot" })).rejects.toThrow(
        "Only an admin",
      );
    await expect(unlockCall(db(), scopes.adminB, { id: draft.id, reason: "wrong lot" })).rejects.toThrow(
      "was not found",
    );
    await expect(unlockCall(db(), scopes.adminA, { id: draft.id, reason: "no" })).rejects.toThrow("at least 5");
    await unlockCall(db(), scopes.adminA, { id: draft.id, reason: "Wrong lot recorded" });
    expect(await db().select().from(interaction).where(eq(interaction.id, draft.id))).toEqual([]);
    const reopened = await getCall(db(), scopes.repE1, { id: draft.id });
    expect(reopened).toMatchObject({ status: "draft", unlockReason: "Wrong lot recorded" });
    expect(reopened.report.followUp).toBe("once only");
    expect(reopened.report.samples).toEqual([{ productId: A, lotNumber: "A100", quantity: 1 }]);
    expect(await balance("A100")).toBe(before + 1);
    const [event] = await db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, draft.id), eq(auditEvent.action, "interaction.unlock")));
    expect(event!.after).toEqual({ reason: "Wrong lot recorded" });
    expect(event!.actorId).toBe(scopes.adminA.userId);

    expect((await submitCall(db(), scopes.repE1, { id: draft.id })).status).toBe("submitted");
    expect(await balance("A100")).toBe(before);
    expect(await db().select().from(task).where(eq(task.title, "once only"))).toHaveLength(1);
    const movements = await db().select().from(sampleLedger).where(eq(sampleLedger.interactionId, draft.id));
    expect(movements.map((m) => [m.kind, m.quantity])).toEqual([
      ["dropped", -1],
      ["reversed", 1],
      ["dropped", -1],
    ]);
  });
});

describe("unlock, the edge cases", () => {
  it("returns only what the ledger took: a call from before the ledger gives nothing back, and keeps its date", async () => {
    await db().update(org).set({ callBackdateDays: 30 }).where(eq(org.id, scopes.repE1.orgId));
    try {
      // A call logged 40 days ago, before sample stock was kept: its lot was never in a stock.
      const [old] = await db()
        .insert(interaction)
        .values({
          orgId: scopes.repE1.orgId,
          hcpNpi: NPIS.E1,
          ownerId: scopes.repE1.userId,
          territoryId: state.world.territories.E1,
          channel: "in_person",
          occurredAt: ago(40),
          signature: SIGNED,
        })
        .returning();
      await db().insert(interactionProduct).values({ interactionId: old!.id, productId: A, position: 1 });
      await db()
        .insert(interactionSample)
        .values({ interactionId: old!.id, productId: A, quantity: 4, lotNumber: "Ab12" });
      const before = await sampleStock(db(), scopes.repE1, {});
      await unlockCall(db(), scopes.adminA, { id: old!.id, reason: "Typo in the notes" });
      expect((await sampleStock(db(), scopes.repE1, {})).lots).toEqual(before.lots);
      const reopened = await getCall(db(), scopes.repE1, { id: old!.id });
      expect(reopened.report.samples).toEqual([{ productId: A, lotNumber: "AB12", quantity: 4 }]);
      // Resubmitted past the back-dating limit: the limit held when it was first logged. Its old lot is not in the
      // stock, so the rep moves the units to a lot they hold.
      const problems = await submitCall(db(), scopes.repE1, { id: old!.id });
      expect(problems.status === "draft" && problems.problems.map((p) => p.message)).toEqual([
        "Your stock has no lot AB12 of Alphacor.",
      ]);
      await saveCallDraft(db(), scopes.repE1, {
        ...reopened.report,
        samples: [{ productId: A, lotNumber: "A100", quantity: 4 }],
        // The samples changed, so the physician signs again.
        signature: [[20, 20, 60, 45]],
      });
      expect((await submitCall(db(), scopes.repE1, { id: old!.id })).status).toBe("submitted");
    } finally {
      await db().update(org).set({ callBackdateDays: null }).where(eq(org.id, scopes.repE1.orgId));
    }
  });

  it("a signature stands for the samples it was given for: changing them asks for it again", async () => {
    const signedReport = inPerson({ samples: [{ productId: A, lotNumber: "A100", quantity: 2 }], signature: SIGNED });
    const draft = await saveCallDraft(db(), scopes.repE1, signedReport);
    const signedAt = (draft.body as { signedAt: string }).signedAt;
    expect(signedAt).toEqual(expect.any(String));
    const same = await saveCallDraft(db(), scopes.repE1, { ...signedReport, id: draft.id, notes: "more notes" });
    expect((same.body as { signedAt: string }).signedAt).toBe(signedAt);
    await saveCallDraft(db(), scopes.repE1, {
      ...signedReport,
      id: draft.id,
      samples: [{ productId: A, lotNumber: "A100", quantity: 3 }],
    });
    expect((await getCall(db(), scopes.repE1, { id: draft.id })).report.signature).toBeUndefined();
    await deleteCallDraft(db(), scopes.repE1, { id: draft.id });
  });
});

describe("the copilot's save-and-submit", () => {
  it("submits a call that passes the rules and keeps one with samples as a draft, saying what is missing", async () => {
    const ok = await logInteraction(db(), scopes.repE1, inPerson({ channel: "phone" }));
    expect(ok.status).toBe("submitted");
    const withSamples = await logInteraction(
      db(),
      scopes.repE1,
      inPerson({ samples: [{ productId: A, quantity: 2 }] }),
    );
    expect(withSamples).toMatchObject({ status: "draft" });
    expect(withSamples.status === "draft" && withSamples.problems.map((p) => p.field)).toEqual([
      "signature",
      "samples.0.lotNumber",
    ]);
  });
});

describe("sample stock", () => {
  it("is the rep's own; a manager reads their region's reps'; an admin may adjust it, never below zero", async () => {
    await expect(sampleStock(db(), scopes.repE2, { ownerId: scopes.repE1.userId })).rejects.toThrow("your own");
    expect((await sampleStock(db(), scopes.managerEast, { ownerId: scopes.repE1.userId })).owner.name).toBe("repE1");
    await expect(sampleStock(db(), scopes.managerWest, { ownerId: scopes.repE1.userId })).rejects.toThrow(
      "not one you oversee",
    );
    const own = await sampleStock(db(), scopes.managerEast, {});
    expect(own.reps.map((r) => r.name)).toEqual(["repE1", "repE2"]);
    const lot = (await sampleStock(db(), scopes.repE1, {})).lots.find((l) => l.lotNumber === "A100")!;
    await expect(
      adjustSamples(db(), scopes.repE1, {
        productId: A,
        lotNumber: "A100",
        quantity: -(lot.balance + 1),
        reason: "count",
      }),
    ).rejects.toThrow("below zero");
    await expect(
      adjustSamples(db(), scopes.managerEast, {
        ownerId: scopes.repE1.userId,
        productId: A,
        lotNumber: "A100",
        quantity: -1,
        reason: "count",
      }),
    ).rejects.toThrow("Only an admin");
    const adjusted = await adjustSamples(db(), scopes.adminA, {
      ownerId: scopes.repE1.userId,
      productId: A,
      lotNumber: "a100",
      quantity: -1,
      reason: "damaged box",
    });
    expect(adjusted.balance).toBe(lot.balance - 1);
    await expect(receiveSamples(db(), scopes.repB1, { productId: A, lotNumber: "X", quantity: 1 })).rejects.toThrow(
      "not an active product",
    );
  });
});
