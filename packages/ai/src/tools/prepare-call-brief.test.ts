// The call brief on a small exact fixture: what changed since the rep's last call, trend, payments, consent, tasks,
// notes, talking points and next actions — each figure with its source — and who may not have one.
import { beforeAll, describe, expect, it } from "vitest";

import { NPIS, useWorld, type PersonKey } from "@pharmacrm/domain/testing";
import { CLAIM, NOW, ORTIZ, seedBriefFixture } from "@pharmacrm/domain/testing/brief-world";

import { createCopilotTools } from "./index";
import { runTool } from "./testing/run-tool";

const state = useWorld();
beforeAll(() => seedBriefFixture(state.database.db, state.world));

const briefFor = (person: PersonKey, npi: string) =>
  runTool(
    createCopilotTools({ db: state.database.db, viewer: state.world.viewers[person], now: NOW }).prepareCallBrief,
    { npi },
  );

const src = (table: string, period: string | null, release: string | null = null) => ({ table, period, release });

describe("prepareCallBrief", () => {
  it("briefs the rep on their HCP with every figure sourced", async () => {
    const brief = await briefFor("repE1", ORTIZ);
    if (brief.status !== "ok") throw new Error(brief.message);
    expect(brief.asOf).toBe("2026-11-23");
    expect(brief.hcp).toEqual({
      npi: ORTIZ,
      name: "Ana Ortiz",
      credential: "MD",
      specialty: "Cardiovascular Disease",
      city: "BOSTON",
      state: "MA",
      link: `/physicians/${ORTIZ}`,
    });
    expect(brief.lastInteraction).toEqual({
      date: "2024-06-01",
      channel: "in_person",
      by: "repE1",
      notes: "Discussed renal dosing; asked for the study.",
      followUp: "Send the renal dosing study",
      source: src("interaction", "2024-06-01"),
    });
    expect(brief.changes).toEqual([
      {
        kind: "part_d_release",
        text: "Part D 2023 (loaded 2026-11-01): 40 claims of your products (−33% on 2022) of 400 in your markets (+33% on 2022), share 10% (was 20%)",
        source: src("part_d_prescribing", "2023", "DY2023"),
      },
      {
        kind: "payment",
        text: "$120.50 from Rival Pharma in 1 Open Payments record dated after 2024-06-01",
        source: src("open_payment", "2024", "PY2024"),
      },
      {
        kind: "payment",
        text: "$30.00 from Other Labs in 1 Open Payments record dated after 2024-06-01",
        source: src("open_payment", "2024", "PY2024"),
      },
      {
        kind: "task",
        text: "New task for repE1: “Send the renal dosing study”, due 2026-11-01",
        source: src("task", "2026-10-05"),
      },
      {
        kind: "consent",
        text: "Phone consent granted for all products on 2026-10-02",
        source: src("consent_record", "2026-10-02"),
      },
      {
        kind: "interaction",
        text: "managerEast met them by phone on 2026-09-10",
        source: src("interaction", "2026-09-10"),
      },
    ]);
    expect(brief.prescribing).toEqual([
      {
        market: "Anticoagulants",
        year: 2023,
        marketClaims: 400,
        ownClaims: 40,
        share: 0.1,
        marketClaimsChange: 1 / 3,
        shareChangePoints: -10,
        text: "Anticoagulants: 400 claims in 2023, up 33% on 2022; your share 10%, down 10 pts",
        source: src("part_d_prescribing", "2023", "DY2023"),
      },
    ]);
    expect(brief.payments).toEqual({
      total: 400.5,
      records: 3,
      latestYear: 2024,
      latestYearAmount: 400.5,
      topManufacturers: [
        { manufacturer: "Rival Pharma", amount: 370.5, records: 2 },
        { manufacturer: "Other Labs", amount: 30, records: 1 },
      ],
      source: src("open_payment", "2024", "PY2024"),
    });
    expect(brief.consent).toEqual([
      {
        channel: "email",
        product: null,
        status: "granted",
        recordedAt: "2024-05-01",
        source: src("consent_record", "2024-05-01"),
      },
      {
        channel: "phone",
        product: null,
        status: "granted",
        recordedAt: "2026-10-02",
        source: src("consent_record", "2026-10-02"),
      },
    ]);
    expect(brief.openTasks).toEqual([
      {
        id: expect.any(String),
        title: "Send the renal dosing study",
        dueDate: "2026-11-01",
        overdue: true,
        source: src("task", "2026-11-01"),
      },
    ]);
    expect(brief.lastNotes.map((n) => [n.date, n.by, n.notes])).toEqual([
      ["2026-09-10", "managerEast", "Short check-in."],
      ["2024-06-01", "repE1", "Discussed renal dosing; asked for the study."],
    ]);
    expect(brief.talkingPoints).toEqual([
      {
        text: "Follow up on what you agreed last time (2024-06-01): “Send the renal dosing study”",
        source: src("interaction", "2024-06-01"),
      },
      {
        text: "Your Anticoagulants share fell 10 pts to 10% in 2023: ask what drove the switch.",
        source: src("part_d_prescribing", "2023", "DY2023"),
      },
      {
        text: "Close the overdue task “Send the renal dosing study” (due 2026-11-01).",
        source: src("task", "2026-11-01"),
      },
      {
        text: "Since your last visit they received $120.50 from Rival Pharma in 1 Open Payments record.",
        source: src("open_payment", "2024", "PY2024"),
      },
      {
        text: "Since your last visit they received $30.00 from Other Labs in 1 Open Payments record.",
        source: src("open_payment", "2024", "PY2024"),
      },
      { text: `Approved message for Alphacor: “${CLAIM}”`, source: src("approved_claim", null, "Label section 14.1") },
    ]);
    // Next actions are domain/nba's, scored for this HCP: the visit first, the overdue follow-up kept.
    expect(brief.nextActions.map((a) => [a.action, a.score, a.confidence, a.subject])).toEqual([
      ["call", 85, 1, null],
      ["sample", 81, 1, "Alphacor"],
      ["email", 68, 1, null],
      ["follow_up", 35, 1, "Send the renal dosing study"],
    ]);
    expect(brief.nextActions[0]!.reasons.map((r) => r.text)).toContain(
      "received $401 from 2 manufacturers (Open Payments 2024)",
    );
  });

  it("counts changes from the viewer's own last interaction, and none without one", async () => {
    const brief = await briefFor("repE1", NPIS.E1);
    if (brief.status !== "ok") throw new Error(brief.message);
    expect(brief.lastInteraction?.date).toBe("2026-10-01");
    const manager = await briefFor("managerEast", ORTIZ);
    if (manager.status !== "ok") throw new Error(manager.message);
    expect(manager.lastInteraction?.date).toBe("2026-09-10");
    expect(manager.changes.map((c) => c.kind)).toEqual(["part_d_release", "task", "consent"]);
    const admin = await briefFor("adminA", NPIS.OUT);
    if (admin.status !== "ok") throw new Error(admin.message);
    expect(admin.lastInteraction).toBeNull();
    expect(admin.changes).toEqual([]);
    expect(admin.talkingPoints.map((t) => t.text)).toEqual([
      "No email consent on record: ask whether they would like follow-ups by email.",
    ]);
  });

  it("refuses HCPs outside the rep's territories and unknown NPIs, in words", async () => {
    expect(await briefFor("repE2", ORTIZ)).toEqual({
      status: "out_of_scope",
      message: `Ana Ortiz (NPI ${ORTIZ}) practises outside your territories, so you cannot work with them here.`,
    });
    expect(await briefFor("repW1", NPIS.E1)).toMatchObject({ status: "out_of_scope" });
    expect(await briefFor("managerWest", ORTIZ)).toMatchObject({ status: "out_of_scope" });
    expect(await briefFor("repE1", "1999999999")).toEqual({
      status: "not_found",
      message: "No physician with NPI 1999999999 is on record.",
    });
  });

  it("shows another org's rep in the same ZIP none of org A's records", async () => {
    const brief = await briefFor("repB1", ORTIZ);
    if (brief.status !== "ok") throw new Error(brief.message);
    expect(brief.lastInteraction).toBeNull();
    expect(brief.lastNotes).toEqual([]);
    expect(brief.openTasks).toEqual([]);
    expect(brief.consent).toEqual([]);
    expect(brief.prescribing).toEqual([]);
    expect(JSON.stringify(brief)).not.toMatch(/renal|repE1|managerEast|Alphacor|Anticoagulants/);
  });
});
