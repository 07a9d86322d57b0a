// The Data screen's API: admins only; sources, runs with progress, quarantine pages, starting imports.
import { DATASETS } from "@pharmacrm/ingest";
import { drainInProcessRunner } from "@pharmacrm/jobs";
import { PART_D_DIRTY } from "@pharmacrm/ingest/testing";
import { afterAll, describe, expect, it } from "vitest";
import { callerFor, outcome } from "../testing/caller";
import { useWorld, type PersonKey } from "../testing/world";

const ctx = useWorld();
const as = (person: PersonKey) => callerFor(ctx.database.db, ctx.world.viewers[person]);
afterAll(() => drainInProcessRunner());

describe("who may use it", () => {
  it.each(["repE1", "managerEast", "repB1", "managerB"] as const)("%s is refused with a clear message", async (person) => {
    const api = as(person);
    expect(await outcome(() => api.data.sources())).toBe("FORBIDDEN");
    expect(await outcome(() => api.data.runs({}))).toBe("FORBIDDEN");
    expect(await outcome(() => api.data.startImport({ dataset: "part_d", file: PART_D_DIRTY }))).toBe("FORBIDDEN");
    await expect(api.data.sources()).rejects.toThrow("Only admins can see and load data sources. Ask an admin of your organisation.");
  });

  it("signed-out callers must sign in", async () => {
    expect(await outcome(() => callerFor(ctx.database.db, null).data.sources())).toBe("UNAUTHORIZED");
  });
});

describe("an admin", () => {
  it("sees every dataset, none loaded yet", async () => {
    const sources = await as("adminA").data.sources();
    expect(sources.map((s) => s.dataset)).toEqual([...DATASETS]);
    expect(sources.every((s) => s.lastSuccess === null && s.duplicateRule.length > 0)).toBe(true);
  });

  it("starts an import of a server path, follows it to 100 % and pages through its quarantine", async () => {
    const api = as("adminA");
    const started = await api.data.startImport({ dataset: "part_d", file: PART_D_DIRTY });
    expect(started).toMatchObject({ status: "running", alreadyLoaded: false });
    await drainInProcessRunner();

    const run = await api.data.run({ id: started.runId });
    expect(run).toMatchObject({ status: "succeeded", percent: 100, rowsRead: 105, rowsLoaded: 91, rowsQuarantined: 14 });
    expect(run.duplicateRule).toMatch(/NPI/);
    expect(run.reasons[0]).toEqual({ reason: "total_claim_count is empty", rows: 4 });

    const first = await api.data.quarantine({ runId: started.runId, page: 1, pageSize: 10 });
    const second = await api.data.quarantine({ runId: started.runId, page: 2, pageSize: 10 });
    expect([first.items.length, second.items.length, first.total]).toEqual([10, 4, 14]);
    expect(first.items[0]).toMatchObject({ line: 2, reason: "total_claim_count is empty", rawRow: expect.stringContaining("1437118403") });

    const runs = await api.data.runs({ page: 1, pageSize: 5 });
    expect(runs).toMatchObject({ total: 1, items: [{ id: started.runId, dataset: "part_d" }] });
    const partD = (await api.data.sources()).find((s) => s.dataset === "part_d");
    expect(partD?.lastSuccess).toMatchObject({ id: started.runId, release: "DY2021" });

    expect(await api.data.startImport({ dataset: "part_d", file: PART_D_DIRTY })).toEqual({ runId: started.runId, status: "succeeded", alreadyLoaded: true });
  });

  it("gets human messages for a missing path, a wrong dataset and an unknown run", async () => {
    const api = as("adminA");
    await expect(api.data.startImport({ dataset: "open_payments", file: "/srv/cms/OP_DTL_GNRL_PGYR2024.csv" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "No file at /srv/cms/OP_DTL_GNRL_PGYR2024.csv. Check the path; it is read on the server, not on your computer.",
    });
    expect(await outcome(() => api.data.startImport({ dataset: "hospitals" as "part_d", file: PART_D_DIRTY }))).toBe("BAD_REQUEST");
    await expect(api.data.run({ id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "That import run does not exist (any more).",
    });
  });
});
