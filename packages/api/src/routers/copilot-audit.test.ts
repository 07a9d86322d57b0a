// copilotAudit.*: admins see and export their own org's copilot turns (never another org's); nobody else does.
import { beforeAll, describe, expect, it } from "vitest";
import { z, ZodError } from "zod";

import { copilotTurn } from "@pharmacrm/db";
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

beforeAll(async () => {
  const { viewers } = ctx.world;
  const turn = (person: PersonKey, startedAt: string, extra: Partial<typeof copilotTurn.$inferInsert> = {}) => ({
    orgId: viewers[person].orgId,
    userId: viewers[person].userId,
    provider: "offline",
    modelId: "pharmacrm-offline-1",
    inputHash: person.padEnd(64, "0"),
    status: "succeeded",
    startedAt: new Date(startedAt),
    finishedAt: new Date(startedAt),
    ...extra,
  });
  await ctx.database.db.insert(copilotTurn).values([
    turn("repE1", "2026-11-20T09:00:00Z", {
      toolCalls: [
        {
          toolCallId: "c1",
          name: "searchPhysicians",
          input: { query: "Dr Hcpe1" },
          state: "output-available",
          output: "1 of 1 shown",
          approval: null,
        },
        {
          toolCallId: "c2",
          name: "logInteraction",
          input: { npi: NPIS.E1, notes: '=HYPERLINK("x"), "quoted"' },
          state: "output-available",
          output: "interaction i1",
          approval: { id: "a1", approved: true, reason: null },
        },
      ],
      confidences: [{ tool: "nextBestActions", npi: NPIS.E1, action: "call", score: 71.5, confidence: 0.82 }],
    }),
    turn("repE1", "2026-11-21T09:00:00Z", {
      toolCalls: [
        {
          toolCallId: "c3",
          name: "createTask",
          input: { title: "Send study" },
          state: "output-denied",
          output: null,
          approval: { id: "a2", approved: false, reason: null },
        },
        "garbage",
      ],
    }),
    turn("repE2", "2026-11-22T23:59:00Z", { status: "failed", error: "=1+1 model unavailable" }),
    turn("repB1", "2026-11-21T09:00:00Z"),
  ]);
});

describe("copilotAudit.list", () => {
  it("shows an admin their org's turns, newest first, with tools, approvals and confidences", async () => {
    const { items, total } = await api("adminA").copilotAudit.list({});
    expect(total).toBe(3);
    expect(items.map((t) => [t.userName, t.status])).toEqual([
      ["repE2", "failed"],
      ["repE1", "succeeded"],
      ["repE1", "succeeded"],
    ]);
    expect(items[1]!.tools).toMatchObject([
      { name: "createTask", approved: false, needsApproval: true, state: "output-denied" },
      { name: "(unreadable entry)", approved: null, needsApproval: false, recorded: "garbage" },
    ]);
    expect(items[2]!.tools.map((t) => [t.name, t.approved, t.output])).toEqual([
      ["searchPhysicians", null, "1 of 1 shown"],
      ["logInteraction", true, "interaction i1"],
    ]);
    expect(items[2]!.confidences).toEqual([
      { tool: "nextBestActions", npi: NPIS.E1, action: "call", score: 71.5, confidence: 0.82 },
    ]);
    expect((await api("adminB").copilotAudit.list({})).items.map((t) => t.userName)).toEqual(["repB1"]);
  });

  it("filters by user and by inclusive days", async () => {
    const userId = ctx.world.viewers.repE1.userId;
    expect((await api("adminA").copilotAudit.list({ userId })).total).toBe(2);
    expect(
      (await api("adminA").copilotAudit.list({ from: "2026-11-21", to: "2026-11-22" })).items.map((t) => t.userName),
    ).toEqual(["repE2", "repE1"]);
    expect((await api("adminA").copilotAudit.list({ to: "2026-11-20" })).total).toBe(1);
    expect(await outcome(() => api("adminA").copilotAudit.list({ from: "2026-11-22", to: "2026-11-21" }))).toBe(
      "BAD_REQUEST",
    );
    expect(await outcome(() => api("adminA").copilotAudit.list({ from: "yesterday" }))).toBe("BAD_REQUEST");
  });

  it("refuses a day outside 1900–2100, or one that does not exist, with a 400 that says so (the database never sees it)", async () => {
    const admin = api("adminA").copilotAudit;
    for (const [input, errors] of [
      [{ from: "0000-01-01" }, { from: ["The first day must be a date between 1900 and 2100."] }],
      [{ to: "9999-12-31" }, { to: ["The last day must be a date between 1900 and 2100."] }],
      [{ to: "9999-12-31T00:00:00Z" }, { to: ["Use a date like 2026-11-23"] }],
      [{ from: "2026-13-45" }, { from: ["Use a date like 2026-11-23"] }],
    ] as const) {
      expect(await outcome(() => admin.list(input))).toBe("BAD_REQUEST");
      expect(await fieldErrors(() => admin.list(input))).toEqual(errors);
      expect(await outcome(() => admin.export({ ...input, format: "csv" }))).toBe("BAD_REQUEST");
    }
    expect((await admin.list({ from: "1900-01-01", to: "2100-12-31" })).total).toBe(3);
  });

  it("lists the org's copilot users for the filter", async () => {
    expect((await api("adminA").copilotAudit.users()).map((u) => u.name)).toEqual(["repE1", "repE2"]);
  });

  it("is for admins only", async () => {
    for (const person of ["repE1", "managerEast"] as const) {
      expect(await outcome(() => api(person).copilotAudit.list({}))).toBe("FORBIDDEN");
      expect(await outcome(() => api(person).copilotAudit.export({ format: "csv" }))).toBe("FORBIDDEN");
    }
    expect(await outcome(() => callerFor(ctx.database.db, null).copilotAudit.users())).toBe("UNAUTHORIZED");
  });
});

describe("copilotAudit.export", () => {
  it("exports CSV with one quoted, formula-safe line per turn", async () => {
    const file = await api("adminA").copilotAudit.export({ format: "csv", userId: ctx.world.viewers.repE1.userId });
    expect(file).toMatchObject({ contentType: "text/csv;charset=utf-8", exported: 2, total: 2 });
    expect(file.filename).toMatch(/^copilot-audit-.+\.csv$/);
    const lines = file.content.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "started_at,finished_at,user_email,user_name,conversation_id,provider,model_id,input_hash,status,error,tools,approvals,confidences,tool_calls_json",
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(",createTask; (unreadable entry),createTask (rejected),,");
    expect(lines[2]).toContain(
      "2026-11-20T09:00:00.000Z,2026-11-20T09:00:00.000Z,repe1@test.example,repE1,,offline,pharmacrm-offline-1,",
    );
    expect(lines[2]).toContain(",searchPhysicians; logInteraction,logInteraction (approved),0.82,");
    // The notes stay inside one JSON cell, its quotes doubled.
    expect(lines[2]).toContain('""notes"":""=HYPERLINK(\\""x\\""), \\""quoted\\""""}');
    // A cell a spreadsheet would run as a formula is defused.
    const all = await api("adminA").copilotAudit.export({ format: "csv" });
    expect(all.content).toContain(",failed,'=1+1 model unavailable,");
  });

  it("exports JSON of the same records, another org's never included", async () => {
    const file = await api("adminB").copilotAudit.export({ format: "json" });
    const turns = JSON.parse(file.content) as { userEmail: string; inputHash: string }[];
    expect(turns.map((t) => t.userEmail)).toEqual(["repb1@test.example"]);
    expect(turns[0]!.inputHash).toBe("repB1".padEnd(64, "0"));
  });
});
