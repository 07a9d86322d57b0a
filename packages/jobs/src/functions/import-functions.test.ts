// The import functions as Inngest runs them (through @inngest/test, a fresh engine per test), on real CMS samples
// and a real PGlite database: steps start, chunk-1…n, the run's counts and quarantine as the pipeline records them.
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { basename, dirname, join } from "node:path";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Database } from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";
import { getRun, listQuarantine, listRuns } from "@pharmacrm/ingest";
import { NPPES_2017, NPPES_2017_HEADER, OPEN_PAYMENTS_2024, PART_D_DIRTY } from "@pharmacrm/ingest/testing";

import { hcpProfilesEmbedRequested, importRequested, nppes2017ImportRequested } from "../events";
import { type RunSummary } from "../import-dataset";
import { OUTSIDE_IMPORT_FOLDER } from "../import-folder";
import { importFolderWith } from "../testing/operator";
import { defineImport, type ImportFunctionSpec } from "./define-import";
import { importNppes2017Spec } from "./import-nppes-2017";
import { importOpenPaymentsSpec } from "./import-open-payments";
import { importPartDSpec } from "./import-part-d";

let database: Database;
let server: Server;
let baseUrl: string;
let folder: string;

beforeAll(async () => {
  database = await createTestDatabase();
  folder = await importFolderWith(PART_D_DIRTY, NPPES_2017, NPPES_2017_HEADER);
  // Serves the Open Payments sample; anything else is a 404.
  server = createServer((request, response) => {
    if (request.url === "/files/OP_DTL_GNRL_PGYR2024_sample.csv") createReadStream(OPEN_PAYMENTS_2024).pipe(response);
    else response.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await database?.close();
  await rm(folder, { recursive: true, force: true });
});

// A raw event's file is taken from the import folder; URLs are fetched from this test's loopback server only.
const loopbackServerOnly = { allowAddress: (address: string) => address === "127.0.0.1" };

// The embedding request a profile dataset's import sends afterwards goes nowhere in a test: that step is mocked.
const engineFor = (spec: ImportFunctionSpec, chunkRows?: number) =>
  new InngestTestEngine({
    function: defineImport(spec, {
      database: async () => database.db,
      chunkRows,
      sources: { folder, download: loopbackServerOnly },
    }),
    steps: [{ id: "request-profile-embeddings", handler: () => ({ ids: ["embed-event"] }) }],
  });

describe("import-part-d", () => {
  it("starts the run, commits one step per chunk and reports the counts, quarantining the dirty rows", async () => {
    const engine = engineFor(importPartDSpec, 40);
    const { result, error, ctx } = await engine.execute({
      events: [{ name: importRequested.part_d.name, data: { dataset: "part_d", file: basename(PART_D_DIRTY) } }],
    });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({
      dataset: "part_d",
      status: "succeeded",
      rowsRead: 105,
      rowsLoaded: 91,
      rowsQuarantined: 14,
      percent: 100,
    });
    const stepIds = ctx.step.run.mock.calls.map((call) => call[0]);
    expect(stepIds).toEqual(
      expect.arrayContaining(["fetch-file", "start", "chunk-1", "chunk-2", "chunk-3", "refresh-search-vocabulary"]),
    );
    expect(stepIds).not.toContain("chunk-4");
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("request-profile-embeddings", {
      name: hcpProfilesEmbedRequested.name,
      data: { reason: expect.stringMatching(/^after part_d run [0-9a-f-]{36}$/) },
    });

    const runId = (result as RunSummary).runId;
    const quarantine = await listQuarantine(database.db, runId);
    expect(quarantine).toHaveLength(14);
    expect(quarantine[1]).toMatchObject({
      line: 3,
      reason: "duplicate of line 2 (same NPI 1437118403 and drug METHENAMINE HIPPURATE)",
    });
  });

  it("treats the same file again as done: one run, no rows read twice", async () => {
    const { result } = await engineFor(importPartDSpec).execute({
      events: [{ name: importRequested.part_d.name, data: { dataset: "part_d", file: basename(PART_D_DIRTY) } }],
    });
    expect(result).toMatchObject({ status: "succeeded", rowsRead: 105 });
    expect(await listRuns(database.db, { dataset: "part_d" })).toHaveLength(1);
  });

  it("fails without retrying when the file does not exist, naming it inside the import folder", async () => {
    const { error } = await engineFor(importPartDSpec).execute({
      events: [{ name: importRequested.part_d.name, data: { dataset: "part_d", file: "MUP_DPR.csv" } }],
    });
    expect(error).toMatchObject({
      name: "NonRetriableError",
      message: expect.stringContaining("There is no file MUP_DPR.csv in the import folder"),
    });
  });

  it("refuses a raw event's file outside the import folder, as an app request is refused", async () => {
    const { error } = await engineFor(importPartDSpec).execute({
      events: [{ name: importRequested.part_d.name, data: { dataset: "part_d", file: "/etc/passwd" } }],
    });
    expect(error).toMatchObject({ name: "NonRetriableError", message: OUTSIDE_IMPORT_FOLDER });
  });
});

describe("import-nppes-2017", () => {
  it("reads the header from its separate file", async () => {
    const { result, error } = await engineFor(importNppes2017Spec).execute({
      events: [
        {
          name: nppes2017ImportRequested.name,
          data: { dataset: "nppes", file: basename(NPPES_2017), headerFile: basename(NPPES_2017_HEADER) },
        },
      ],
    });
    expect(error).toBeUndefined();
    const run = await getRun(database.db, (result as RunSummary).runId);
    expect(run).toMatchObject({ status: "succeeded", layout: "nppes-v1-2017", rowsRead: 10, percent: 100 });
  });
});

describe("import-open-payments from a URL", () => {
  it("downloads the file by streaming it to the imports folder, then loads it", async () => {
    const { result, error } = await engineFor(importOpenPaymentsSpec).execute({
      events: [
        {
          name: importRequested.open_payments.name,
          data: { dataset: "open_payments", file: `${baseUrl}/files/OP_DTL_GNRL_PGYR2024_sample.csv` },
        },
      ],
    });
    expect(error).toBeUndefined();
    const run = await getRun(database.db, (result as RunSummary).runId);
    expect(run).toMatchObject({
      status: "succeeded",
      rowsRead: 154,
      dataYear: 2024,
      startedVia: "event",
      startedBy: null,
    });
    expect(run!.sourceLocation).toBe(`${baseUrl.replace("http://", "")}/files/OP_DTL_GNRL_PGYR2024_sample.csv`);
    expect(run!.filePath!.startsWith(join(folder, "received"))).toBe(true);
    expect(run!.filePath).toMatch(/\/received\/[0-9a-f-]{36}\/OP_DTL_GNRL_PGYR2024_sample\.csv$/);
    expect(run!.sourceFile).toBe("OP_DTL_GNRL_PGYR2024_sample.csv");
    await rm(dirname(run!.filePath!), { recursive: true });
  });

  it("says plainly when the URL is a 404", async () => {
    const { error } = await engineFor(importOpenPaymentsSpec).execute({
      events: [
        {
          name: importRequested.open_payments.name,
          data: { dataset: "open_payments", file: `${baseUrl}/files/missing.csv` },
        },
      ],
    });
    expect(error).toMatchObject({
      message: `Nothing at ${baseUrl.replace("http://", "")}/files/missing.csv (404 Not Found). Check the address.`,
    });
  });

  it("says plainly when the server cannot be reached", async () => {
    // A port that was free a moment ago: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const { error } = await engineFor(importOpenPaymentsSpec).execute({
      events: [
        {
          name: importRequested.open_payments.name,
          data: { dataset: "open_payments", file: `http://127.0.0.1:${port}/OP.csv` },
        },
      ],
    });
    expect(error).toMatchObject({ message: `Could not reach 127.0.0.1:${port} (ECONNREFUSED).` });
  });
});
