import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { hcp, hcpEmbedding } from "@pharmacrm/db";
import { searchPhysicians } from "@pharmacrm/domain";
import { HCPS, useSearchWorld } from "@pharmacrm/domain/testing/search-world";

import { embedHcpProfiles, hcpProfilesWithoutVector, queryEmbedder } from "./embed-profiles";
import { hcpProfileTexts } from "./profile-text";
// A deterministic 8-dimension "model": one axis per topic word, so similarity is predictable.
import { mockEmbeddingModel as mockModel } from "./testing";

const ctx = useSearchWorld();

describe("HCP profile embeddings", () => {
  it("builds a profile text from reference data", async () => {
    const [profile] = await hcpProfileTexts(ctx.database.db, [HCPS.bostonCardiologist.npi]);
    expect(profile!.text).toBe(
      "John Smith, MD. Specialties: Cardiovascular Disease. Practises in BOSTON, MA. Prescribes (Medicare Part D): Eliquis (412 claims), Xarelto (40 claims).",
    );
  });

  it("embeds every active HCP once, then nothing until the model or the text changes", async () => {
    const small = mockModel("mock-small");
    const first = await embedHcpProfiles(ctx.database.db, small, { batchSize: 4 });
    expect(first).toEqual({ checked: 9, embedded: 9, lastNpi: null });
    expect(await hcpProfilesWithoutVector(ctx.database.db, "mock-small")).toBe(0);
    expect((await embedHcpProfiles(ctx.database.db, small, { batchSize: 4 })).embedded).toBe(0);

    await ctx.database.db
      .update(hcp)
      .set({ practiceCity: "CAMBRIDGE" })
      .where(eq(hcp.npi, HCPS.bostonDermatologist.npi));
    expect((await embedHcpProfiles(ctx.database.db, small)).embedded).toBe(1);

    const other = mockModel("mock-other");
    expect(await hcpProfilesWithoutVector(ctx.database.db, "mock-other")).toBe(9);
    expect((await embedHcpProfiles(ctx.database.db, other)).embedded).toBe(9);
    const [row] = await ctx.database.db
      .select()
      .from(hcpEmbedding)
      .where(eq(hcpEmbedding.npi, HCPS.bostonCardiologist.npi));
    expect(row!.model).toBe("mock-other");
    expect(row!.dimensions).toBe(8);
    expect(row!.embedding).toHaveLength(1536);
  });

  it("resumes from a checkpoint and stops when aborted", async () => {
    const resumed = mockModel("mock-resume");
    const slice = await embedHcpProfiles(ctx.database.db, resumed, { batchSize: 4, maxBatches: 1 });
    expect(slice).toEqual({ checked: 4, embedded: 4, lastNpi: "1000000014" });
    const rest = await embedHcpProfiles(ctx.database.db, resumed, { batchSize: 4, afterNpi: slice.lastNpi! });
    expect(rest).toEqual({ checked: 5, embedded: 5, lastNpi: null });
    const controller = new AbortController();
    controller.abort();
    await expect(embedHcpProfiles(ctx.database.db, resumed, { signal: controller.signal })).rejects.toThrow();
  });

  it("semantic search ranks by profile similarity with the query embedder", async () => {
    // One vector per HCP: the last run's model ("mock-resume") is the one stored.
    const model = mockModel("mock-resume");
    const result = await searchPhysicians(
      ctx.database.db,
      ctx.world.scopes.admin,
      { semantic: "eliquis cardio prescribers" },
      { embedQuery: queryEmbedder(model) },
    );
    expect(result.notices).toEqual([]);
    expect(result.items[0]!.npi).toBe(HCPS.bostonCardiologist.npi);
    expect(result.items[0]!.explanation).toMatch(/profile match \d+%/);
  });
});
