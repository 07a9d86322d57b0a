// Read access matrix: every viewer × every HCP, for each kind of tenant record on the HCP page.
import { describe, expect, it } from "vitest";

import { NPIS, NPIS_IN_SCOPE, useWorld, type PersonKey } from "@pharmacrm/domain/testing";

import { callerFor, outcome } from "./testing/caller";

const ctx = useWorld();

// Which territories' records each viewer sees (the fixture has one record of each kind per territory).
const visible: Record<PersonKey, string[]> = {
  repE1: ["E1"],
  repE2: ["E2"],
  repW1: ["W1"],
  repW2: ["W2"],
  managerEast: ["E1", "E2"],
  managerWest: ["W1", "W2"],
  adminA: ["E1", "E2", "W1", "W2"],
  repB1: ["B1"],
  managerB: ["B1"],
  adminB: ["B1"],
};

async function recordsSeenBy(person: PersonKey) {
  const api = callerFor(ctx.database.db, ctx.world.viewers[person]);
  const seen = { interactions: [] as string[], tasks: [] as string[], consent: [] as string[] };
  for (const npi of Object.values(NPIS)) {
    const page = await api.hcp.byNpi({ npi });
    seen.interactions.push(...page.interactions.map((i) => i.notes!.replace("call in ", "")));
    seen.tasks.push(...page.openTasks.map((t) => t.title.replace("task in ", "")));
    seen.consent.push(...page.consent.map((c) => c.source.replace("form in ", "")));
  }
  return seen;
}

describe("tenant records on the HCP page, by viewer", () => {
  it.each(Object.entries(visible))("%s sees exactly the records of %j", async (person, territories) => {
    const seen = await recordsSeenBy(person as PersonKey);
    expect(seen.interactions.sort()).toEqual(territories);
    expect(seen.tasks.sort()).toEqual(territories);
    expect(seen.consent.sort()).toEqual(territories);
  });
});

describe("reference data is readable by every signed-in user", () => {
  it.each(Object.keys(visible))("%s can open every HCP and list them all", async (person) => {
    const api = callerFor(ctx.database.db, ctx.world.viewers[person as PersonKey]);
    for (const npi of Object.values(NPIS)) expect((await api.hcp.byNpi({ npi })).hcp.npi).toBe(npi);
    expect((await api.hcp.list({})).total).toBe(5);
    expect((await api.hcp.facets()).states).toEqual([{ state: "MA", count: 5 }]);
  });
});

describe("'my territories' filter and viewer.me", () => {
  it.each(Object.entries(NPIS_IN_SCOPE))("%s: mine = %j", async (person, npis) => {
    const api = callerFor(ctx.database.db, ctx.world.viewers[person as PersonKey]);
    const { items } = await api.hcp.list({ mine: true, pageSize: 100 });
    expect(items.map((i) => i.npi).sort()).toEqual([...npis].sort());
    const me = await api.viewer.me();
    expect(me.wholeOrg).toBe(person.startsWith("admin"));
    if (!me.wholeOrg) expect(me.territories.map((t) => t.code).sort()).toEqual(visible[person as PersonKey]);
  });

  it("viewer.products and viewer.openTasks stay inside the viewer's org and ownership", async () => {
    const a = callerFor(ctx.database.db, ctx.world.viewers.repE1);
    expect((await a.viewer.products()).map((p) => p.name)).toEqual(["Alphacor"]);
    expect((await a.viewer.openTasks()).map((t) => t.title)).toEqual(["task in E1"]);
    const b = callerFor(ctx.database.db, ctx.world.viewers.adminB);
    expect((await b.viewer.products()).map((p) => p.name)).toEqual(["Betavent"]);
    expect(await b.viewer.openTasks()).toEqual([]);
  });
});

describe("signed-out callers", () => {
  const api = () => callerFor(ctx.database.db, null);
  it.each([
    ["viewer.me", () => api().viewer.me()],
    ["viewer.products", () => api().viewer.products()],
    ["viewer.openTasks", () => api().viewer.openTasks()],
    ["hcp.list", () => api().hcp.list({})],
    ["hcp.facets", () => api().hcp.facets()],
    ["hcp.byNpi", () => api().hcp.byNpi({ npi: NPIS.E1 })],
    [
      "hcp.setAttributes",
      () => api().hcp.setAttributes({ npi: NPIS.E1, segment: null, tier: null, decile: null, notes: null }),
    ],
    ["hcp.accounts", () => api().hcp.accounts({})],
    ["hcp.accountNpis", () => api().hcp.accountNpis({})],
    ["hcp.accountVocabulary", () => api().hcp.accountVocabulary()],
    ["hcp.updateAccounts", () => api().hcp.updateAccounts({ npis: [NPIS.E1], changes: { tier: "A" } })],
    [
      "hcp.restoreAccounts",
      () =>
        api().hcp.restoreAccounts({
          rows: [
            {
              npi: NPIS.E1,
              tier: null,
              segment: null,
              notes: null,
              preferredChannel: null,
              tags: [],
              changedAt: new Date(),
            },
          ],
        }),
    ],
    ["hcp.importAccounts", () => api().hcp.importAccounts({ csv: `NPI,Tier\n${NPIS.E1},A` })],
    ["adoption.board", () => api().adoption.board({ productId: ctx.world.products.A })],
    [
      "adoption.move",
      () => api().adoption.move({ npi: NPIS.E1, productId: ctx.world.products.A, from: "unaware", stage: "aware" }),
    ],
    ["interaction.log", () => api().interaction.log({ npi: NPIS.E1, channel: "phone", occurredAt: new Date() })],
    ["task.create", () => api().task.create({ title: "x task" })],
    ["task.complete", () => api().task.complete({ id: ctx.world.tasks.E1 })],
    ["task.list", () => api().task.list({})],
    ["task.assignees", () => api().task.assignees()],
    ["task.update", () => api().task.update({ id: ctx.world.tasks.E1, title: "x task", details: null, dueDate: null })],
    ["task.reschedule", () => api().task.reschedule({ id: ctx.world.tasks.E1, dueDate: "2027-01-04" })],
    [
      "consent.record",
      () => api().consent.record({ npi: NPIS.E1, channel: "email", status: "granted", source: "form" }),
    ],
  ] as const)("%s is UNAUTHORIZED", async (_name, call) => {
    expect(await outcome(call)).toBe("UNAUTHORIZED");
  });
});

describe("errors reaching the client", () => {
  it("unknown NPI is NOT_FOUND with a plain message", async () => {
    const api = callerFor(ctx.database.db, ctx.world.viewers.repE1);
    await expect(api.hcp.byNpi({ npi: "1999999999" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Physician with NPI 1999999999 was not found.",
    });
  });
});
