// "Not seen in N days": physicians with no call the viewer can see in that window — their territories' calls and
// their own, never another org's.
import { describe, expect, it } from "vitest";

import { interaction } from "@pharmacrm/db";

import { scopeFor } from "../scope";
import { NPIS, useWorld } from "../testing/world";
import { searchPhysicians } from "./search-physicians";

const ctx = useWorld();
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe("the not-seen filter", () => {
  it("keeps a physician last called before the window and drops one called within it", async () => {
    const db = ctx.database.db;
    const rep = ctx.world.viewers.repE1;
    const scope = await scopeFor(db, rep);
    const search = (text: string) =>
      searchPhysicians(db, scope, { text, mine: true, limit: 25 }).then((r) => ({
        npis: r.items.map((i) => i.npi),
        understood: r.understood.map((u) => u.label),
      }));
    // Another org's call yesterday does not count as this rep having seen the physician.
    await db.insert(interaction).values({
      orgId: ctx.world.viewers.repB1.orgId,
      hcpNpi: NPIS.E1,
      ownerId: ctx.world.viewers.repB1.userId,
      territoryId: ctx.world.territories.B1,
      channel: "in_person",
      occurredAt: daysAgo(1),
    });
    await db.insert(interaction).values({
      orgId: rep.orgId,
      hcpNpi: NPIS.E1,
      ownerId: rep.userId,
      territoryId: ctx.world.territories.E1,
      channel: "phone",
      occurredAt: daysAgo(10),
    });
    expect(await search("not seen in 5 days")).toEqual({
      npis: [NPIS.E1],
      understood: ["not seen in 5 days"],
    });
    expect((await search("haven't seen in 30 days")).npis).toEqual([]);
  });
});
