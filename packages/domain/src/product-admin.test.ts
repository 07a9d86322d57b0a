// An admin's product settings: sampling limits that submit then enforces, refused to anyone else, audited.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { auditEvent } from "@pharmacrm/db";

import { listOrgProducts, updateProduct } from "./product-admin";
import { scopeFor } from "./scope";
import { useWorld } from "./testing/world";

const state = useWorld();
const scope = (key: keyof typeof state.world.viewers) => scopeFor(state.database.db, state.world.viewers[key]);
const base = { sampleable: true, sampleLimitPerCall: null, sampleLimitPerYear: null, active: true };

describe("product settings", () => {
  it("an admin sets sampling limits, audited with only what changed", async () => {
    const db = state.database.db;
    const id = state.world.products.A;
    await updateProduct(db, await scope("adminA"), { ...base, id, sampleLimitPerCall: 6, sampleLimitPerYear: 48 });
    expect(await listOrgProducts(db, await scope("adminA"))).toEqual([
      expect.objectContaining({ id, name: "Alphacor", sampleLimitPerCall: 6, sampleLimitPerYear: 48, active: true }),
    ]);
    const [event] = await db.select().from(auditEvent).where(eq(auditEvent.action, "product.update"));
    expect([event!.before, event!.after]).toEqual([
      { sampleLimitPerCall: null, sampleLimitPerYear: null },
      { sampleLimitPerCall: 6, sampleLimitPerYear: 48 },
    ]);
  });

  it("refuses others, limits that contradict, and the org's last active product going inactive", async () => {
    const db = state.database.db;
    const id = state.world.products.A;
    await expect(updateProduct(db, await scope("managerEast"), { ...base, id })).rejects.toThrow(
      "Only an administrator",
    );
    await expect(updateProduct(db, await scope("adminB"), { ...base, id })).rejects.toThrow(
      "That product was not found.",
    );
    await expect(
      updateProduct(db, await scope("adminA"), { ...base, id, sampleLimitPerCall: 10, sampleLimitPerYear: 5 }),
    ).rejects.toThrow("The yearly limit cannot be below the per-call limit.");
    await expect(updateProduct(db, await scope("adminA"), { ...base, id, active: false })).rejects.toThrow(
      "Keep at least one active product",
    );
    await expect(listOrgProducts(db, await scope("repE1"))).rejects.toThrow("Only an administrator");
  });
});
