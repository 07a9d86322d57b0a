// The embedding job as Inngest runs it (@inngest/test, a fresh engine per execution), on the search fixture's nine
// active HCPs with the AI SDK's mock embedding model: slices as steps, idempotence, a model change re-embeds
// everything, a long job continues in a fresh run, and without a model it does nothing and says why.
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";

import { hcpProfilesWithoutVector } from "@pharmacrm/ai";
import { mockEmbeddingModel } from "@pharmacrm/ai/testing";
import { useSearchWorld } from "@pharmacrm/domain/testing/search-world";

import { hcpProfilesEmbedRequested } from "../events";
import { defineEmbedHcpProfiles, NO_EMBEDDING_MODEL, type EmbedFunctionOptions } from "./embed-hcp-profiles";

const ctx = useSearchWorld();
const request = { name: hcpProfilesEmbedRequested.name, data: { reason: "test" } };

// Four profiles per step: the nine HCPs take three steps.
const engineFor = (options: EmbedFunctionOptions) =>
  new InngestTestEngine({
    function: defineEmbedHcpProfiles({
      database: async () => ctx.database.db,
      batchSize: 2,
      batchesPerStep: 2,
      ...options,
    }),
  });

describe("embed-hcp-profiles", () => {
  it("embeds every active HCP in slices, one step each, until none is left", async () => {
    const model = mockEmbeddingModel("mock-a");
    const { result, error, ctx: run } = await engineFor({ embeddingModel: () => model }).execute({ events: [request] });
    expect(error).toBeUndefined();
    expect(result).toEqual({ status: "done", model: "mock-a", steps: 3, checked: 9, embedded: 9, afterNpi: null });
    expect(run.step.run.mock.calls.map((call) => call[0])).toEqual(["embed-1", "embed-2", "embed-3"]);
    expect(model.calls.texts).toBe(9);
    expect(await hcpProfilesWithoutVector(ctx.database.db, "mock-a")).toBe(0);
  });

  it("embeds nothing again while the model and the profiles are unchanged (also when the daily cron starts it)", async () => {
    const model = mockEmbeddingModel("mock-a");
    const { result, error } = await engineFor({ embeddingModel: () => model }).execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "TZ=UTC 30 3 * * *" } }],
    });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ status: "done", checked: 9, embedded: 0 });
    expect(model.calls.texts).toBe(0);
  });

  it("re-embeds every profile when EMBEDDING_MODEL changes", async () => {
    expect(await hcpProfilesWithoutVector(ctx.database.db, "mock-b")).toBe(9);
    const model = mockEmbeddingModel("mock-b");
    const { result } = await engineFor({ embeddingModel: () => model }).execute({ events: [request] });
    expect(result).toMatchObject({ status: "done", model: "mock-b", embedded: 9 });
    expect(await hcpProfilesWithoutVector(ctx.database.db, "mock-b")).toBe(0);
  });

  it("continues a job longer than its step budget in a fresh run, from the last NPI embedded", async () => {
    const model = mockEmbeddingModel("mock-c");
    // The event goes nowhere in a test: the "continue" step is mocked.
    const { result, ctx: run } = await engineFor({ embeddingModel: () => model, stepsPerRun: 1 }).execute({
      events: [request],
      steps: [{ id: "continue", handler: () => ({ ids: ["continued-event"] }) }],
    });
    expect(result).toEqual({
      status: "continued",
      model: "mock-c",
      steps: 1,
      checked: 4,
      embedded: 4,
      afterNpi: "1000000014",
    });
    expect(run.step.sendEvent.mock.calls[0]).toEqual([
      "continue",
      { name: hcpProfilesEmbedRequested.name, data: { reason: "continuing a long run", afterNpi: "1000000014" } },
    ]);

    const next = await engineFor({ embeddingModel: () => model }).execute({
      events: [{ name: hcpProfilesEmbedRequested.name, data: { afterNpi: "1000000014" } }],
    });
    expect(next.result).toMatchObject({ status: "done", checked: 5, embedded: 5 });
    expect(await hcpProfilesWithoutVector(ctx.database.db, "mock-c")).toBe(0);
  });

  it("does nothing, saying why, when no embedding model is configured", async () => {
    const { result, error, ctx: run } = await engineFor({ embeddingModel: () => null }).execute({ events: [request] });
    expect(error).toBeUndefined();
    expect(result).toEqual({ status: "skipped", reason: NO_EMBEDDING_MODEL });
    expect(run.step.run).not.toHaveBeenCalled();
  });

  it("refuses an event whose data is not an embedding request, without retrying", async () => {
    const { error } = await engineFor({ embeddingModel: () => mockEmbeddingModel("mock-a") }).execute({
      events: [{ name: hcpProfilesEmbedRequested.name, data: { afterNpi: "12" } }],
    });
    expect(error).toMatchObject({
      name: "NonRetriableError",
      message: "Not an embedding request: An NPI has 10 digits",
    });
  });
});
