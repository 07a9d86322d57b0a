// What a browser receives on failure: readable messages and field errors, never stacks, SQL or internals.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { NPIS, useWorld } from "@pharmacrm/domain/testing";

import { appRouter } from "./root";

const ctx = useWorld();

async function post(path: string, input: unknown, viewer = ctx.world.viewers.repE1) {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    router: appRouter,
    req: new Request(`http://localhost/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    }),
    createContext: () => ({ db: ctx.database.db, viewer }),
  });
  return { status: response.status, body: await response.text() };
}

describe("error responses", () => {
  it("invalid input comes back as field messages a person understands", async () => {
    const { status, body } = await post("interaction.log", {
      npi: "12",
      channel: "fax",
      occurredAt: "2026-01-01",
      samples: [{ productId: ctx.world.products.A, quantity: -2 }],
    });
    expect(status).toBe(400);
    const { error } = JSON.parse(body).error.json ? { error: JSON.parse(body).error.json } : JSON.parse(body);
    expect(error.message).toBe("Please correct the highlighted fields.");
    expect(error.data.fieldErrors.npi).toEqual(["An NPI is 10 digits."]);
    expect(error.data.fieldErrors.channel).toEqual(["Choose how you met: in person, phone, video or email."]);
    expect(body).not.toMatch(/stack|at .*\.ts|ZodError/);
  });

  it("forbidden writes say why", async () => {
    const { status, body } = await post("interaction.log", {
      npi: NPIS.W1,
      channel: "phone",
      occurredAt: "2026-01-01T00:00:00Z",
    });
    expect(status).toBe(403);
    expect(body).toContain("This physician is outside your territories.");
  });

  it("a database failure is reported generically, without SQL", async () => {
    // Break the table a query needs, as a crashed migration or a lost connection would.
    await ctx.database.db.execute(sql`alter table taxonomy rename to taxonomy_gone`);
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      router: appRouter,
      req: new Request("http://localhost/api/trpc/hcp.facets"),
      createContext: () => ({ db: ctx.database.db, viewer: ctx.world.viewers.repE1 }),
      onError: () => {},
    });
    await ctx.database.db.execute(sql`alter table taxonomy_gone rename to taxonomy`);
    const body = await response.text();
    expect(response.status).toBe(500);
    expect(body).toContain("Something went wrong on our side. Please try again.");
    expect(body).not.toMatch(/taxonomy|select|relation|stack/i);
  });
});
