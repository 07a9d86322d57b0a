// Scope through every copilot tool on the scope world: a rep reaches only their own territory's HCPs and records,
// never another territory's or another org's; write tools wait for approval and write only within scope.
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { interaction, task } from "@pharmacrm/db";
import { NPIS, NPIS_IN_SCOPE, useWorld, type PersonKey } from "@pharmacrm/domain/testing";

import { approvalToolNames } from "../copilot/pending-actions";
import { createCopilotTools, type CopilotToolName } from "./index";
import { runTool } from "./testing/run-tool";

const state = useWorld();
const NOW = new Date("2026-11-23T10:00:00Z");
const tools = (person: PersonKey) =>
  createCopilotTools({ db: state.database.db, viewer: state.world.viewers[person], now: NOW });
const PEOPLE = Object.keys(NPIS_IN_SCOPE) as PersonKey[];

describe("copilot tools", () => {
  it("exports the sixteen tools, and only the writes wait for approval", () => {
    const all = tools("repE1");
    expect(Object.keys(all).sort()).toEqual([
      "completeTask",
      "createTask",
      "draftOutreach",
      "getPhysicianProfile",
      "listCalls",
      "listTasks",
      "logInteraction",
      "nextBestActions",
      "prepareCallBrief",
      "queryAnalytics",
      "recordConsent",
      "repScorecard",
      "rescheduleTask",
      "searchPhysicians",
      "teamFocus",
      "updateAccount",
    ]);
    const approval = Object.fromEntries(
      (Object.keys(all) as CopilotToolName[]).map((name) => [name, all[name].needsApproval === true]),
    );
    expect(approval).toEqual({
      searchPhysicians: false,
      getPhysicianProfile: false,
      prepareCallBrief: false,
      draftOutreach: false,
      nextBestActions: false,
      logInteraction: true,
      createTask: true,
      listTasks: false,
      completeTask: true,
      rescheduleTask: true,
      listCalls: false,
      recordConsent: true,
      updateAccount: true,
      queryAnalytics: false,
      teamFocus: false,
      repScorecard: false,
    });
    // The tools the server holds for approval (copilot_pending_action) are exactly these.
    expect(approvalToolNames(all).sort()).toEqual([
      "completeTask",
      "createTask",
      "logInteraction",
      "recordConsent",
      "rescheduleTask",
      "updateAccount",
    ]);
  });
});

describe("searchPhysicians", () => {
  it.each(PEOPLE)("with mine, %s finds exactly the HCPs of their territories", async (person) => {
    const result = await runTool(tools(person).searchPhysicians, { query: "MA", mine: true, limit: 20 });
    if (result.status !== "ok") throw new Error(result.message);
    expect(result.results.map((r) => r.npi).sort()).toEqual([...NPIS_IN_SCOPE[person]].sort());
  });

  it("marks which results are the rep's and carries no tenant records", async () => {
    const result = await runTool(tools("repE1").searchPhysicians, { query: "MA" });
    if (result.status !== "ok") throw new Error(result.message);
    expect(result.results.filter((r) => r.inMyTerritories).map((r) => r.npi)).toEqual([NPIS.E1]);
    expect(JSON.stringify(result)).not.toMatch(/call in|task in|form in/);
  });
});

const ORG_B: PersonKey[] = ["repB1", "managerB", "adminB"];
/** The one call the world logged per HCP and org: org A per territory, org B only in B1 (E1's ZIP). */
const callNotes = (person: PersonKey, npi: string): string[] => {
  if (!NPIS_IN_SCOPE[person].includes(npi)) return [];
  const territory = (Object.keys(NPIS) as (keyof typeof NPIS)[]).find((k) => NPIS[k] === npi)!;
  if (ORG_B.includes(person)) return territory === "E1" ? ["call in B1"] : [];
  return territory === "OUT" ? [] : [`call in ${territory}`];
};

describe("getPhysicianProfile", () => {
  it.each(PEOPLE)("shows %s the org's records of their own territories' HCPs only", async (person) => {
    for (const npi of Object.values(NPIS)) {
      const profile = await runTool(tools(person).getPhysicianProfile, { npi });
      if (profile.status !== "ok") throw new Error(profile.message);
      expect({ npi, notes: profile.lastInteractions.map((i) => i.notes) }).toEqual({
        npi,
        notes: callNotes(person, npi),
      });
      expect({ npi, tasks: profile.openTasks.length }).toEqual({ npi, tasks: callNotes(person, npi).length });
      expect({ npi, consent: profile.consent.length }).toEqual({ npi, consent: callNotes(person, npi).length });
      expect(profile.inMyTerritories).toBe(person.startsWith("admin") || NPIS_IN_SCOPE[person].includes(npi));
    }
  });

  it("says when an NPI is not a physician on record", async () => {
    expect(await runTool(tools("repE1").getPhysicianProfile, { npi: "1999999999" })).toEqual({
      status: "not_found",
      message: "Physician with NPI 1999999999 was not found.",
    });
  });
});

describe("prepareCallBrief, draftOutreach and nextBestActions", () => {
  it.each(PEOPLE)("work for %s only on HCPs in their territories", async (person) => {
    const all = tools(person);
    for (const npi of Object.values(NPIS)) {
      const expected = NPIS_IN_SCOPE[person].includes(npi) ? "ok" : "out_of_scope";
      const brief = await runTool(all.prepareCallBrief, { npi });
      const actions = await runTool(all.nextBestActions, { npi });
      expect({ npi, brief: brief.status, actions: actions.status }).toEqual({
        npi,
        brief: expected,
        actions: expected,
      });
      if (expected === "out_of_scope")
        expect(await runTool(all.draftOutreach, { npi, purpose: "follow_up" })).toMatchObject({
          status: "out_of_scope",
        });
    }
    const book = await runTool(all.nextBestActions, { limit: 20 });
    if (book.status !== "ok") throw new Error(book.message);
    expect(book.suggestions.length).toBeGreaterThan(0);
    expect(book.sources.map((source) => [source.table, source.period])).toEqual([
      ["part_d_prescribing", null],
      ["open_payment", null],
      ["interaction", "2026-11-23"],
      ["task", "2026-11-23"],
      ["consent_record", "2026-11-23"],
    ]);
    for (const s of book.suggestions) expect(NPIS_IN_SCOPE[person]).toContain(s.npi);
  });
});

const rowsOf = async (table: typeof interaction | typeof task, npi: string, orgId: string) =>
  (
    await state.database.db
      .select({ n: count() })
      .from(table)
      .where(and(eq(table.hcpNpi, npi), eq(table.orgId, orgId)))
  )[0]!.n;

describe("logInteraction and createTask", () => {
  it("write nothing for an HCP outside the rep's territories", async () => {
    const orgA = state.world.viewers.repE1.orgId;
    const [calls, todos] = [await rowsOf(interaction, NPIS.E2, orgA), await rowsOf(task, NPIS.E2, orgA)];
    expect(
      await runTool(tools("repE1").logInteraction, { npi: NPIS.E2, channel: "phone", occurredAt: "2026-11-20" }),
    ).toEqual({
      status: "out_of_scope",
      message: "This physician is outside your territories.",
    });
    expect(await runTool(tools("repE1").createTask, { npi: NPIS.E2, title: "Call back" })).toMatchObject({
      status: "out_of_scope",
    });
    expect(
      await runTool(tools("repB1").logInteraction, { npi: NPIS.W1, channel: "phone", occurredAt: "2026-11-20" }),
    ).toMatchObject({ status: "out_of_scope" });
    expect([await rowsOf(interaction, NPIS.E2, orgA), await rowsOf(task, NPIS.E2, orgA)]).toEqual([calls, todos]);
  });

  it("refuse another org's product by name", async () => {
    expect(
      await runTool(tools("repE1").logInteraction, {
        npi: NPIS.E1,
        channel: "in_person",
        occurredAt: "2026-11-20",
        products: ["Betavent"],
      }),
    ).toEqual({
      status: "invalid",
      message: "Betavent is not among your organisation's products (Alphacor).",
    });
  });

  it("write exactly the approved input, within the rep's org, seen by the rep and not by the other org", async () => {
    const logged = await runTool(tools("repE1").logInteraction, {
      npi: NPIS.E1,
      channel: "in_person",
      occurredAt: "2026-11-23",
      products: ["alphacor"],
      notes: "Discussed the renal study.",
      followUp: "Send the study",
      followUpDate: "2026-12-01",
    });
    if (logged.status !== "logged") throw new Error(logged.message);
    expect(logged.interaction).toMatchObject({
      state: "submitted",
      npi: NPIS.E1,
      channel: "in_person",
      occurredAt: NOW.toISOString(),
      notes: "Discussed the renal study.",
      followUpDate: "2026-12-01",
    });
    const created = await runTool(tools("repE1").createTask, {
      npi: NPIS.E1,
      title: "Send the study",
      dueDate: "2026-12-01",
    });
    expect(created).toMatchObject({
      status: "created",
      task: { title: "Send the study", dueDate: "2026-12-01", npi: NPIS.E1 },
      message: "Task “Send the study” created, due 2026-12-01.",
    });

    const mine = await runTool(tools("repE1").getPhysicianProfile, { npi: NPIS.E1 });
    const theirs = await runTool(tools("repB1").getPhysicianProfile, { npi: NPIS.E1 });
    if (mine.status !== "ok" || theirs.status !== "ok") throw new Error("profile");
    expect(mine.lastInteractions[0]).toMatchObject({
      date: "2026-11-23",
      notes: "Discussed the renal study.",
      products: ["Alphacor"],
    });
    expect(mine.openTasks.map((t) => t.title)).toContain("Send the study");
    expect(theirs.lastInteractions.map((i) => i.notes)).toEqual(["call in B1"]);
    expect(theirs.openTasks.map((t) => t.title)).toEqual(["task in B1"]);
  });
});
