// The in-process runner beyond imports: the embedding job runs from its event like any function (one run at a
// time, later requests joining the one that waits), an import is followed by an embedding run, and a finished
// import refreshes the search's vocabulary at once, so a newly loaded drug is searchable straight away.
import { basename, dirname } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { hcpProfilesWithoutVector } from "@pharmacrm/ai";
import { mockEmbeddingModel } from "@pharmacrm/ai/testing";
import { searchPhysicians } from "@pharmacrm/domain";
import { useSearchWorld } from "@pharmacrm/domain/testing/search-world";
import { PART_D_DIRTY } from "@pharmacrm/ingest/testing";

import { hcpProfilesEmbedRequested } from "../events";
import { requestImport, resumeEmbeddings, sendJobEvents } from "../send";
import { createOperator } from "../testing/operator";
import { configureInProcessRunner, drainInProcessRunner } from "./in-process-runner";

const ctx = useSearchWorld();
let log: string[] = [];
const embedRequest = (reason: string) => ({ name: hcpProfilesEmbedRequested.name, data: { reason } });
const lines = (prefix: string) => log.filter((line) => line.startsWith(prefix));

afterAll(() => drainInProcessRunner());
beforeEach(() => {
  log = [];
});

describe("the embedding job without an Inngest server", () => {
  it("runs from its event in the background, with the same steps", async () => {
    configureInProcessRunner({ embeddingModel: () => mockEmbeddingModel("mock-a"), log: (line) => log.push(line) });
    await sendJobEvents(ctx.database.db, [embedRequest("asked in a test")]);
    await drainInProcessRunner();
    expect(log).toContain("[jobs] step embed-1");
    expect(lines("[jobs] done ")).toEqual([
      "[jobs] done ai/hcp-profiles.embed-requested asked in a test: 9 of 9 profiles embedded with mock-a",
    ]);
    expect(await hcpProfilesWithoutVector(ctx.database.db, "mock-a")).toBe(0);
  });

  it("runs one at a time: requests while a run waits to start join it", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const embedding = new Promise<void>((resolve) => (started = resolve));
    const model = mockEmbeddingModel("mock-b", async () => {
      started();
      await gate;
    });
    configureInProcessRunner({ embeddingModel: () => model, log: (line) => log.push(line) });

    await sendJobEvents(ctx.database.db, [embedRequest("first")]);
    await embedding; // the first run is mid-step, holding at the gate
    const [second, third] = await sendJobEvents(ctx.database.db, [embedRequest("second"), embedRequest("third")]);
    expect(third).toBe(second);
    release();
    await drainInProcessRunner();
    expect(lines("[jobs] start ")).toEqual([
      "[jobs] start ai/hcp-profiles.embed-requested first",
      "[jobs] start ai/hcp-profiles.embed-requested second",
    ]);
    expect(lines("[jobs] done ").map((line) => line.split(": ")[1])).toEqual([
      "9 of 9 profiles embedded with mock-b",
      "0 of 9 profiles embedded with mock-b",
    ]);
  });

  it("does nothing without an embedding model, and says why", async () => {
    configureInProcessRunner({ embeddingModel: () => null, log: (line) => log.push(line) });
    await sendJobEvents(ctx.database.db, [embedRequest("no model")]);
    await drainInProcessRunner();
    expect(log).toContain(
      "[jobs] embed-hcp-profiles skipped: No embedding model is configured (set OPENAI_API_KEY, or OPENAI_BASE_URL for an OpenAI-compatible server, and EMBEDDING_MODEL): HCP profiles are not embedded and search stays lexical + structured.",
    );
    expect(lines("[jobs] done ")).toEqual([
      "[jobs] done ai/hcp-profiles.embed-requested no model: skipped: no embedding model",
    ]);
  });

  it("catches up at start-up when profiles lack a vector from the configured model, and only then", async () => {
    const model = mockEmbeddingModel("mock-start");
    configureInProcessRunner({ embeddingModel: () => model, log: (line) => log.push(line) });
    expect(await resumeEmbeddings(ctx.database.db, model)).toEqual(expect.any(String));
    await drainInProcessRunner();
    expect(lines("[jobs] start ")).toEqual([
      "[jobs] start ai/hcp-profiles.embed-requested 9 HCP profiles without a vector from mock-start",
    ]);
    expect(await resumeEmbeddings(ctx.database.db, model)).toBeNull();
    expect(await resumeEmbeddings(ctx.database.db, null)).toBeNull();
  });

  it("refuses an event no function handles", async () => {
    await expect(sendJobEvents(ctx.database.db, [{ name: "ai/unknown", data: {} }])).rejects.toThrow(
      "No function handles the event ai/unknown",
    );
  });
});

describe("after an import, without an Inngest server", () => {
  it("a newly loaded drug is searchable at once, and the profiles are embedded again", async () => {
    configureInProcessRunner({
      chunkRows: 50,
      embeddingModel: () => mockEmbeddingModel("mock-a"),
      log: (line) => log.push(line),
    });
    const search = () => searchPhysicians(ctx.database.db, ctx.world.scopes.admin, { drug: "methenamine hippurate" });
    // The vocabulary is read (and cached) before the import.
    await expect(search()).rejects.toThrow("No Part D drug called “methenamine hippurate” in the prescribing data.");

    await requestImport(
      ctx.database.db,
      { dataset: "part_d", file: basename(PART_D_DIRTY) },
      await createOperator(ctx.database.db),
      { folder: dirname(PART_D_DIRTY) },
    );
    await drainInProcessRunner();
    expect(log).toContain("[jobs] step refresh-search-vocabulary");
    await expect(search()).resolves.toMatchObject({ items: expect.any(Array) });
    expect(lines("[jobs] start ai/hcp-profiles.embed-requested")).toEqual([
      expect.stringMatching(/^\[jobs\] start ai\/hcp-profiles\.embed-requested after part_d run [0-9a-f-]{36}$/),
    ]);
  });
});
