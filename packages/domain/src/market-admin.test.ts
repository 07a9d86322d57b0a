// An admin's markets: drugs named as Part D names them, the org's own brand marked and kept, and share moving with
// the market at once (analytics reads market_drug as it stands).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { auditEvent, partDPrescribing, product } from "@pharmacrm/db";

import { runAnalytics } from "./analytics/run";
import { addMarketDrug, createMarket, listMarkets, partDBrandSuggestions, removeMarketDrug } from "./market-admin";
import { scopeFor } from "./scope";
import { failure } from "./testing/failure";
import { NPIS, useWorld } from "./testing/world";

const state = useWorld();
const scope = (key: keyof typeof state.world.viewers) => scopeFor(state.database.db, state.world.viewers[key]);
const rx = (npi: string, brandName: string, genericName: string, totalClaims: number) => ({
  npi,
  year: 2024,
  brandName,
  genericName,
  totalClaims,
});

describe("markets", () => {
  it("an admin makes a market of Part D drugs; the share follows it", async () => {
    const db = state.database.db;
    const admin = await scope("adminA");
    await db.update(product).set({ partDBrandName: "ALPHACOR" }).where(eq(product.id, state.world.products.A));
    await db
      .insert(partDPrescribing)
      .values([
        rx(NPIS.E1, "ALPHACOR", "ALPHAZIDE", 30),
        rx(NPIS.E1, "COMPAXA", "COMPAZIDE", 70),
        rx(NPIS.E2, "COMPAXA", "COMPAZIDE", 20),
        rx(NPIS.W1, "Mixadol", "MIXAZIDE", 12),
      ]);
    const m = await createMarket(db, admin, { name: "Lipids", therapeuticArea: "Cardiology" });
    expect(await failure(createMarket(db, admin, { name: "lipids", therapeuticArea: null }))).toBe("CONFLICT");
    await db.update(product).set({ marketId: m.id }).where(eq(product.id, state.world.products.A));

    expect(await addMarketDrug(db, admin, { marketId: m.id, brandName: "alphacor" })).toMatchObject({
      brandName: "ALPHACOR",
      genericName: "ALPHAZIDE",
      isOwn: true,
    });
    const share = () =>
      runAnalytics(db, admin, { measures: ["PartD.share"], dimensions: ["Products.name"] }, new Date("2026-06-01"));
    const alone = await share();
    expect(alone.rows).toEqual([{ d0: "Alphacor", m0: 1 }]);

    await addMarketDrug(db, admin, { marketId: m.id, brandName: "Compaxa" });
    const withCompetitor = await share();
    expect(withCompetitor.rows[0]).toMatchObject({ m0: 0.25 });
    expect(await failure(addMarketDrug(db, admin, { marketId: m.id, brandName: "COMPAXA" }))).toBe("CONFLICT");
    expect(await failure(addMarketDrug(db, admin, { marketId: m.id, brandName: "NOSUCHDRUG" }))).toBe("BAD_REQUEST");
    // Spelt as the data spells it, whatever the case typed; the org's brand is its own only in its product's market.
    const other = await createMarket(db, admin, { name: "Other", therapeuticArea: null });
    expect(await addMarketDrug(db, admin, { marketId: other.id, brandName: "MIXADOL" })).toMatchObject({
      brandName: "Mixadol",
      isOwn: false,
    });
    expect(await addMarketDrug(db, admin, { marketId: other.id, brandName: "Alphacor" })).toMatchObject({
      isOwn: false,
    });
    await removeMarketDrug(db, admin, { marketId: other.id, brandName: "mixadol" });

    expect((await listMarkets(db, admin)).filter((x) => x.id === m.id)).toEqual([
      {
        id: m.id,
        name: "Lipids",
        therapeuticArea: "Cardiology",
        products: ["Alphacor"],
        drugs: [
          { marketId: m.id, brandName: "ALPHACOR", genericName: "ALPHAZIDE", isOwn: true },
          { marketId: m.id, brandName: "COMPAXA", genericName: "COMPAZIDE", isOwn: false },
        ],
      },
    ]);
    expect(await partDBrandSuggestions(db, admin, { q: "comp" })).toEqual([
      { brandName: "COMPAXA", genericName: "COMPAZIDE" },
    ]);

    expect(await failure(removeMarketDrug(db, admin, { marketId: m.id, brandName: "ALPHACOR" }))).toBe("CONFLICT");
    await removeMarketDrug(db, admin, { marketId: m.id, brandName: "compaxa" });
    expect((await share()).rows[0]).toMatchObject({ m0: 1 });
    const actions = (await db.select({ action: auditEvent.action }).from(auditEvent)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["market.create", "market.drug_add", "market.drug_remove"]));

    expect(await failure(addMarketDrug(db, await scope("adminB"), { marketId: m.id, brandName: "COMPAXA" }))).toBe(
      "NOT_FOUND",
    );
    expect(await failure(listMarkets(db, await scope("managerEast")))).toBe("FORBIDDEN");
    expect(await failure(partDBrandSuggestions(db, await scope("repE1"), { q: "co" }))).toBe("FORBIDDEN");
  });
});
