// My accounts: whose physicians each person sees and with what (last call, next task, consent, the org's fields),
// the filters and sorts, and the bulk edit with its undo — all or nothing, audited per physician, spelled as the org
// spells its tags, an undo that leaves what changed since.
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { auditEvent, hcpAttribute, interaction } from "@pharmacrm/db";

import { scopeFor } from "../scope";
import { NPIS, NPIS_IN_SCOPE, useWorld, type PersonKey } from "../testing/world";
import { restoreAccounts, updateAccounts } from "./account-edits";
import { accountNpis, accountVocabulary, listAccounts } from "./accounts";
import { accountChangesInput, updateAccountsInput } from "./accounts-input";

const ctx = useWorld();
/** How a refused call reads to the person: the domain error's message, or the validation messages. */
const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => "resolved",
    (e: Error & { issues?: { message: string }[] }) => e.issues?.map((i) => i.message).join(" ") ?? e.message,
  );
const NOW = new Date("2026-12-05T12:00:00Z");
const scopeOf = (person: PersonKey) => scopeFor(ctx.database.db, ctx.world.viewers[person]);
const list = async (person: PersonKey, input: Parameters<typeof listAccounts>[2] = {}) =>
  listAccounts(ctx.database.db, await scopeOf(person), input, NOW);
const npisOf = async (person: PersonKey, input: Parameters<typeof listAccounts>[2] = {}) =>
  (await list(person, input)).items.map((a) => a.npi).sort();
const attributesOf = (orgPerson: PersonKey, npi: string) =>
  ctx.database.db
    .select()
    .from(hcpAttribute)
    .where(and(eq(hcpAttribute.orgId, ctx.world.viewers[orgPerson].orgId), eq(hcpAttribute.hcpNpi, npi)))
    .then((rows) => rows[0]);

describe("whose accounts", () => {
  it.each<[PersonKey, string[]]>([
    ["repE1", NPIS_IN_SCOPE.repE1],
    ["managerEast", NPIS_IN_SCOPE.managerEast],
    // An admin's accounts are the org's aligned physicians: not the one practising outside every territory.
    ["adminA", [NPIS.E1, NPIS.E2, NPIS.W1, NPIS.W2]],
    ["repB1", [NPIS.E1]],
  ])("%s sees %j", async (person, npis) => {
    expect(await npisOf(person)).toEqual([...npis].sort());
    expect((await list(person)).total).toBe(npis.length);
  });

  it("each account carries its org's last call, next open task and consent, never another org's", async () => {
    const [a] = (await list("repE1")).items;
    expect(a).toMatchObject({
      npi: NPIS.E1,
      lastCallAt: new Date("2026-10-01T10:00:00Z"),
      nextTask: { title: "task in E1", dueDate: null },
      consent: { email: "granted" },
      tags: [],
      tier: null,
    });
    const [b] = (await list("repB1")).items;
    expect(b!.nextTask!.title).toBe("task in B1");
  });
});

describe("filters and sort", () => {
  it("not called in 60 days, and the longest without a call first", async () => {
    const db = ctx.database.db;
    const scope = await scopeOf("repE2");
    const [recent] = await db
      .insert(interaction)
      .values({
        orgId: scope.orgId,
        hcpNpi: NPIS.E2,
        ownerId: scope.userId,
        territoryId: ctx.world.territories.E2,
        channel: "phone",
        occurredAt: new Date("2026-11-30T09:00:00Z"),
      })
      .returning();
    expect(await npisOf("managerEast", { notCalledDays: 60 })).toEqual([NPIS.E1]);
    expect(await npisOf("managerEast", { notCalledDays: 30 })).toEqual([NPIS.E1]);
    const byLastCall = await list("managerEast", { sort: "lastCall", dir: "asc" });
    expect(byLastCall.items.map((a) => a.npi)).toEqual([NPIS.E1, NPIS.E2]);
    expect(byLastCall.items[1]!.lastCallAt).toEqual(recent!.occurredAt);
    await db.delete(interaction).where(eq(interaction.id, recent!.id));
  });

  it("refuses a filter outside its choices with words a person reads", async () => {
    expect(await failureOf(list("repE1", { notCalledDays: 45 }))).toMatch(/30, 60 or 90 days/);
  });
});

describe("editing accounts", () => {
  it("a bulk edit changes every chosen account in one go, one audit event each, tags as the org spells them", async () => {
    const db = ctx.database.db;
    const scope = await scopeOf("managerEast");
    const first = await updateAccounts(
      db,
      scope,
      { npis: [NPIS.E1, NPIS.E2], changes: { tier: "A", addTags: ["KOL"], preferredChannel: "video" } },
      NOW,
    );
    expect(first).toMatchObject({ updated: 2, unchanged: 0 });
    expect(first.undo.map((u) => u.tags)).toEqual([[], []]);
    expect(await attributesOf("managerEast", NPIS.E1)).toMatchObject({
      tier: "A",
      tags: ["KOL"],
      preferredChannel: "video",
      updatedById: scope.userId,
    });
    // "kol" is the org's "KOL": no second tag, nothing changed, nothing audited.
    const again = await updateAccounts(db, scope, { npis: [NPIS.E1, NPIS.E2], changes: { addTags: ["kol "] } }, NOW);
    expect(again).toMatchObject({ updated: 0, unchanged: 2 });
    expect(await npisOf("managerEast", { tag: "kol" })).toEqual([NPIS.E1, NPIS.E2]);
    expect(await npisOf("managerEast", { tier: "a" })).toEqual([NPIS.E1, NPIS.E2]);
    const audits = await db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "hcp.setAttributes"), eq(auditEvent.actorId, scope.userId)));
    expect(audits.map((a) => a.entityId).sort()).toEqual([NPIS.E1, NPIS.E2]);
    expect(audits[0]!.after).toMatchObject({ tier: "A", tags: ["KOL"] });
    expect(await accountVocabulary(db, scope)).toMatchObject({ tiers: ["A"], tags: ["KOL"] });
    // Another org's fields on the same physician are its own.
    expect(await attributesOf("repB1", NPIS.E1)).toBeUndefined();
  });

  it("is all or nothing: one physician outside the rep's territories and nothing changes", async () => {
    const db = ctx.database.db;
    const before = await attributesOf("repE1", NPIS.E1);
    const refused = updateAccounts(db, await scopeOf("repE1"), {
      npis: [NPIS.E1, NPIS.E2],
      changes: { segment: "Growth" },
    });
    expect(await failureOf(refused)).toMatch(/1 of the 2 physicians chosen are outside your territories/);
    expect(await attributesOf("repE1", NPIS.E1)).toEqual(before);
    expect(
      await failureOf(updateAccounts(db, await scopeOf("repW1"), { npis: [NPIS.E1], changes: { tier: "B" } })),
    ).toBe("This physician is outside your territories.");
  });

  it("an undo puts back what the edit changed, and leaves an account someone changed since", async () => {
    const db = ctx.database.db;
    const scope = await scopeOf("managerEast");
    const edit = await updateAccounts(
      db,
      scope,
      { npis: [NPIS.E1, NPIS.E2], changes: { segment: "Growth", removeTags: ["kol"] } },
      new Date("2026-12-05T13:00:00Z"),
    );
    expect(edit.updated).toBe(2);
    expect(edit.accounts.map((a) => a.tags)).toEqual([[], []]);
    // repE2 changes E2's notes after the bulk edit.
    await updateAccounts(db, await scopeOf("repE2"), { npis: [NPIS.E2], changes: { notes: "Moved clinic" } });
    const undone = await restoreAccounts(db, scope, {
      rows: edit.undo.map((fields) => ({ ...fields, changedAt: edit.changedAt })),
    });
    expect(undone).toEqual({ restored: 1, changedSince: 1 });
    expect(await attributesOf("managerEast", NPIS.E1)).toMatchObject({ segment: null, tags: ["KOL"], tier: "A" });
    expect(await attributesOf("managerEast", NPIS.E2)).toMatchObject({ segment: "Growth", notes: "Moved clinic" });
  });

  it("two edits at once keep both changes, even on accounts with no row yet, whatever order they name them in", async () => {
    const db = ctx.database.db;
    const scope = await scopeOf("managerEast");
    await db
      .delete(hcpAttribute)
      .where(and(eq(hcpAttribute.orgId, scope.orgId), inArray(hcpAttribute.hcpNpi, [NPIS.E1, NPIS.E2])));
    await Promise.all([
      updateAccounts(db, scope, { npis: [NPIS.E1, NPIS.E2], changes: { addTags: ["alpha"] } }),
      updateAccounts(db, await scopeOf("adminA"), { npis: [NPIS.E2, NPIS.E1], changes: { tier: "Z" } }),
    ]);
    for (const npi of [NPIS.E1, NPIS.E2])
      expect(await attributesOf("managerEast", npi)).toMatchObject({ tier: "Z", tags: ["alpha"] });
  });

  it("caps an account's tags, and an undo leaves accounts out of reach now", async () => {
    const db = ctx.database.db;
    const scope = await scopeOf("repE1");
    const ten = (p: string) => Array.from({ length: 10 }, (_, i) => `${p}${i}`);
    await updateAccounts(db, scope, { npis: [NPIS.E1], changes: { addTags: ten("a") } });
    await expect(updateAccounts(db, scope, { npis: [NPIS.E1], changes: { addTags: ten("b") } })).rejects.toThrow(
      "An account carries at most 20 tags; remove one first.",
    );
    const edit = await updateAccounts(db, scope, { npis: [NPIS.E1], changes: { removeTags: ten("a") } });
    const undo = { rows: edit.undo.map((u) => ({ ...u, changedAt: edit.changedAt })) };
    expect(await restoreAccounts(db, await scopeOf("repW1"), undo)).toEqual({ restored: 0, changedSince: 1 });
    expect(await restoreAccounts(db, scope, undo)).toEqual({ restored: 1, changedSince: 0 });
    expect((await attributesOf("repE1", NPIS.E1))!.tags).toHaveLength(11);
  });

  it("select all gathers the matching NPIs the viewer may edit", async () => {
    const scope = await scopeOf("adminA");
    expect((await accountNpis(ctx.database.db, scope, { tag: "alpha" })).npis.sort()).toEqual([NPIS.E1, NPIS.E2]);
    expect(await accountNpis(ctx.database.db, scope, { q: "nobody-by-this-name" })).toEqual({
      npis: [],
      capped: false,
    });
  });
});

describe("what an edit may say", () => {
  it.each<[unknown, RegExp]>([
    [{}, /Choose something to change/],
    [{ tags: ["a"], addTags: ["b"] }, /Either replace the tags or add and remove some/],
    [{ addTags: ["x".repeat(31)] }, /A tag is at most 30 characters/],
    [{ addTags: ["  "] }, /A tag cannot be empty/],
    [{ preferredChannel: "pigeon" }, /Choose a channel from the list/],
    [{ tier: "A\u0000" }, /control characters/],
  ])("%j → %s", (changes, message) => {
    const parsed = accountChangesInput.safeParse(changes);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message).join(" ")).toMatch(message);
  });

  it("clears a field given as empty text, and caps a request at 200 physicians", () => {
    expect(accountChangesInput.parse({ tier: "  ", notes: "" })).toMatchObject({ tier: null, notes: null });
    const many = Array.from({ length: 201 }, (_, i) => String(2_000_000_000 + i));
    expect(updateAccountsInput.safeParse({ npis: many, changes: { tier: "A" } }).error?.issues[0]?.message).toBe(
      "At most 200 physicians in one request.",
    );
  });
});
