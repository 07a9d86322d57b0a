// The Data screen's API. Reference data is shared by every org: admins see what was loaded; only a platform
// operator loads it, from the import folder or a public URL; a run shows who started it and from where only to
// operators and to the starter's own org; no answer quotes a server path or a file's content.
import { randomUUID } from "node:crypto";
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { workspaceRoot } from "@pharmacrm/config/paths";
import { appUser } from "@pharmacrm/db";
import { type Viewer } from "@pharmacrm/domain";
import { useWorld, type PersonKey } from "@pharmacrm/domain/testing";
import { DATASETS } from "@pharmacrm/ingest";
import { PART_D_DIRTY } from "@pharmacrm/ingest/testing";
import { drainInProcessRunner, importDir, OUTSIDE_IMPORT_FOLDER, setPlatformOperator } from "@pharmacrm/jobs";

import { callerFor, outcome } from "../testing/caller";
import { OPERATORS_ONLY } from "./data";

const ctx = useWorld();
const as = (person: PersonKey) => callerFor(ctx.database.db, ctx.world.viewers[person]);

// This file's own folder inside the configured import folder (IMPORT_DIR, by default .data/imports).
const sub = `data-test-${randomUUID()}`;
const partD = `${sub}/${basename(PART_D_DIRTY)}`;
let operator: Viewer;
/** A second admin of org A, who is not an operator: same org as the operator who starts the runs. */
let colleague: Viewer;

beforeAll(async () => {
  await mkdir(join(importDir(), sub), { recursive: true });
  await copyFile(PART_D_DIRTY, join(importDir(), partD));
  // A file that is no CSV of any dataset: its first line must never come back in a message.
  await writeFile(
    join(importDir(), sub, "passwd.csv"),
    "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin\n",
  );
  const adminA = ctx.world.viewers.adminA;
  await setPlatformOperator(ctx.database.db, adminA.email, true, "cli");
  operator = { ...adminA, platformOperator: true };
  const [user] = await ctx.database.db
    .insert(appUser)
    .values({ orgId: adminA.orgId, email: "admin2a@test.example", name: "Second Admin A", role: "admin" })
    .returning();
  colleague = { ...adminA, userId: user!.id, email: user!.email, name: user!.name, platformOperator: false };
});
afterAll(async () => {
  await drainInProcessRunner();
  await rm(join(importDir(), sub), { recursive: true, force: true });
});

const asOperator = () => callerFor(ctx.database.db, operator);

describe("who may use it", () => {
  it.each(["repE1", "managerEast", "repB1", "managerB"] as const)(
    "%s is refused with a clear message",
    async (person) => {
      const api = as(person);
      expect(await outcome(() => api.data.sources())).toBe("FORBIDDEN");
      expect(await outcome(() => api.data.runs({}))).toBe("FORBIDDEN");
      expect(await outcome(() => api.data.startImport({ dataset: "part_d", file: partD }))).toBe("FORBIDDEN");
      await expect(api.data.sources()).rejects.toThrow(
        "Only admins can see the data sources. Ask an admin of your organisation.",
      );
    },
  );

  it("signed-out callers must sign in", async () => {
    expect(await outcome(() => callerFor(ctx.database.db, null).data.sources())).toBe("UNAUTHORIZED");
  });

  it("a tenant admin sees the sources but may not load reference data, whatever the file", async () => {
    const api = as("adminB");
    expect((await api.data.sources()).map((s) => s.dataset)).toEqual([...DATASETS]);
    expect(await api.data.access()).toMatchObject({ canLoad: false });
    for (const file of [partD, "/etc/passwd", "http://127.0.0.1:9/x.csv"]) {
      await expect(api.data.startImport({ dataset: "part_d", file })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: OPERATORS_ONLY,
      });
    }
  });
});

describe("a platform operator", () => {
  it("may load data", async () => {
    expect(await asOperator().data.access()).toMatchObject({ canLoad: true });
  });

  it("starts an import of a file in the import folder, follows it to 100 % and pages through its quarantine", async () => {
    const api = asOperator();
    const started = await api.data.startImport({ dataset: "part_d", file: partD });
    expect(started).toMatchObject({ status: "running", alreadyLoaded: false });
    await drainInProcessRunner();

    const run = await api.data.run({ id: started.runId });
    expect(run).toMatchObject({
      status: "succeeded",
      percent: 100,
      rowsRead: 105,
      rowsLoaded: 91,
      rowsQuarantined: 14,
    });
    expect(run.duplicateRule).toMatch(/NPI/);
    expect(run.reasons[0]).toEqual({ reason: "total_claim_count is empty", rows: 4 });

    const first = await api.data.quarantine({ runId: started.runId, page: 1, pageSize: 10 });
    const second = await api.data.quarantine({ runId: started.runId, page: 2, pageSize: 10 });
    expect([first.items.length, second.items.length, first.total]).toEqual([10, 4, 14]);
    expect(first.items[0]).toMatchObject({
      line: 2,
      reason: "total_claim_count is empty",
      rawRow: expect.stringContaining("1437118403"),
    });

    const runs = await api.data.runs({ page: 1, pageSize: 5 });
    expect(runs).toMatchObject({ total: 1, items: [{ id: started.runId, dataset: "part_d" }] });
    const partDSource = (await api.data.sources()).find((s) => s.dataset === "part_d");
    expect(partDSource?.lastSuccess).toMatchObject({ id: started.runId, release: "DY2021" });

    expect(await api.data.startImport({ dataset: "part_d", file: partD })).toEqual({
      runId: started.runId,
      status: "succeeded",
      alreadyLoaded: true,
    });
  });

  it.each([
    ["/etc/passwd"],
    [join(workspaceRoot(), ".data", "auth-secret")],
    ["../auth-secret"],
    [`${sub}/../../auth-secret`],
  ])("is refused %s, outside the import folder, without a word of it", async (file) => {
    await expect(asOperator().data.startImport({ dataset: "nucc_taxonomy", file })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: OUTSIDE_IMPORT_FOLDER,
    });
  });

  it("is refused a URL to this server's own network, before any connection", async () => {
    for (const url of [
      "http://127.0.0.1:9/nucc.csv",
      "http://2130706433:9/nucc.csv",
      "http://[::1]:9/nucc.csv",
      "http://10.0.0.1/nucc.csv",
      "http://169.254.169.254/latest/meta-data/",
    ]) {
      const error = await asOperator()
        .data.startImport({ dataset: "nucc_taxonomy", file: url })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(
          /is a private or local address; imports are downloaded only from public addresses\.$/,
        ),
      });
    }
  });

  it("hears which columns a file lacks, by our names, never what the file holds", async () => {
    const error = (await asOperator()
      .data.startImport({ dataset: "nucc_taxonomy", file: `${sub}/passwd.csv` })
      .catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(
        /^passwd\.csv: the first row is not a header this dataset knows \(none of its required columns, such as Code/,
      ),
    });
    expect(error.message).not.toMatch(/root|daemon|bin\/bash/);
    const failed = (await asOperator().data.runs({ dataset: "nucc_taxonomy" })).items[0]!;
    expect(failed.error).not.toMatch(/root|daemon/);
  });

  it("gets human messages for a missing file and an unknown run", async () => {
    const api = asOperator();
    await expect(
      api.data.startImport({ dataset: "open_payments", file: "OP_DTL_GNRL_PGYR2024.csv" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message:
        "There is no file OP_DTL_GNRL_PGYR2024.csv in the import folder. Check the name; it is read on the server, not on your computer.",
    });
    expect(await outcome(() => api.data.startImport({ dataset: "hospitals" as "part_d", file: partD }))).toBe(
      "BAD_REQUEST",
    );
    await expect(api.data.run({ id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "That import run does not exist (any more).",
    });
  });
});

describe("who started a run", () => {
  const partDRun = async (viewer: Viewer) => {
    const api = callerFor(ctx.database.db, viewer);
    const [run] = (await api.data.runs({ dataset: "part_d" })).items;
    return {
      listed: run!,
      detail: await api.data.run({ id: run!.id }),
      source: (await api.data.sources()).find((s) => s.dataset === "part_d")!.lastSuccess!,
    };
  };

  it("is recorded on the run and shown, with where the file came from, to operators and the starter's org", async () => {
    for (const viewer of [operator, colleague]) {
      const { listed, detail, source } = await partDRun(viewer);
      for (const run of [listed, detail, source]) {
        expect(run.origin).toEqual({
          via: "app",
          disclosed: true,
          startedBy: { name: operator.name, email: operator.email, orgName: "Org A" },
          location: partD,
        });
      }
    }
  });

  it("is not shown to another org's admin, who still sees what was loaded and when", async () => {
    const { listed, detail, source } = await partDRun(ctx.world.viewers.adminB);
    for (const run of [listed, detail, source]) {
      expect(run).toMatchObject({
        dataset: "part_d",
        release: "DY2021",
        status: "succeeded",
        rowsRead: 105,
        sourceFile: basename(PART_D_DIRTY),
      });
      expect(run.origin).toEqual({ via: "app", disclosed: false, startedBy: null, location: null });
      expect(JSON.stringify(run)).not.toContain(operator.email);
    }
  });

  it("never includes a server path, for anyone", async () => {
    for (const viewer of [operator, colleague, ctx.world.viewers.adminB]) {
      const { listed, detail, source } = await partDRun(viewer);
      for (const run of [listed, detail, source]) {
        expect(run).not.toHaveProperty("filePath");
        expect(run).not.toHaveProperty("headerFilePath");
        expect(JSON.stringify(run)).not.toContain(importDir());
      }
    }
  });
});
