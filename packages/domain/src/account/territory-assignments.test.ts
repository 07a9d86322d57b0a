// An admin's territory assignments (they decide what a rep sees, from the next request) and the call reports'
// back-dating limit, both audited and refused to anyone else.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { auditEvent } from "@pharmacrm/db";

import { callReportPolicy, setCallBackdateDays } from "../call-report/policy";
import { hcpInReach } from "../hcp/in-reach";
import { scopeFor } from "../scope";
import { NPIS, useWorld } from "../testing/world";
import { listOrgTerritories, setUserTerritories } from "./territory-assignments";

const state = useWorld();
const scope = (key: keyof typeof state.world.viewers) => scopeFor(state.database.db, state.world.viewers[key]);

describe("territory assignments", () => {
  it("change what a rep sees at their next request, audited", async () => {
    const db = state.database.db;
    const { territories, viewers } = state.world;
    const repE1 = viewers.repE1.userId;
    expect((await hcpInReach(db, await scope("repE1"), NPIS.E2)).status).toBe("out_of_scope");
    expect(
      await setUserTerritories(db, await scope("adminA"), {
        userId: repE1,
        territoryIds: [territories.E1, territories.E2],
      }),
    ).toEqual({ added: 1, removed: 0 });
    expect((await hcpInReach(db, await scope("repE1"), NPIS.E2)).status).toBe("ok");
    const listed = await listOrgTerritories(db, await scope("adminA"));
    expect(listed.find((t) => t.id === territories.E2)!.userIds.sort()).toEqual([viewers.repE2.userId, repE1].sort());
    expect(listed.map((t) => t.name)).toEqual(["E1", "E2", "W1", "W2"]);

    await setUserTerritories(db, await scope("adminA"), { userId: repE1, territoryIds: [territories.E2] });
    expect((await hcpInReach(db, await scope("repE1"), NPIS.E1)).status).toBe("out_of_scope");
    const events = await db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, repE1), eq(auditEvent.action, "user.territories")));
    expect(events.map((e) => e.after)).toEqual([
      { territoryIds: [territories.E1, territories.E2].sort() },
      { territoryIds: [territories.E2] },
    ]);
    // Unchanged assignments write nothing.
    expect(
      await setUserTerritories(db, await scope("adminA"), { userId: repE1, territoryIds: [territories.E2] }),
    ).toEqual({ added: 0, removed: 0 });
    await setUserTerritories(db, await scope("adminA"), { userId: repE1, territoryIds: [territories.E1] });
  });

  it("are an admin's, for reps of their own org and its territories only", async () => {
    const db = state.database.db;
    const { territories, viewers } = state.world;
    const set = async (who: keyof typeof viewers, userId: string, territoryIds: string[]) =>
      setUserTerritories(db, await scope(who), { userId, territoryIds }).then(
        () => "OK",
        (e: Error) => e.message,
      );
    expect(await set("managerEast", viewers.repE1.userId, [territories.E1])).toBe(
      "Only an administrator can manage users.",
    );
    expect(await set("adminB", viewers.repE1.userId, [territories.E1])).toBe("That user was not found.");
    expect(await set("adminA", viewers.repE1.userId, [territories.B1])).toBe(
      "One of the territories is not in your organisation.",
    );
    expect(await set("adminA", viewers.managerEast.userId, [territories.E1])).toMatch(/assigned to reps/);
    await expect(listOrgTerritories(db, await scope("repE1"))).rejects.toThrow("Only an administrator");
  });
});

describe("the call reports' back-dating limit", () => {
  it("is set by an admin, audited, and refused to others", async () => {
    const db = state.database.db;
    expect(await callReportPolicy(db, await scope("repE1"))).toEqual({ backdateDays: null });
    await setCallBackdateDays(db, await scope("adminA"), { days: 14 });
    expect(await callReportPolicy(db, await scope("repE1"))).toEqual({ backdateDays: 14 });
    expect(await callReportPolicy(db, await scope("repB1"))).toEqual({ backdateDays: null });
    await expect(setCallBackdateDays(db, await scope("managerEast"), { days: 3 })).rejects.toThrow(
      "Only an administrator",
    );
    await expect(setCallBackdateDays(db, await scope("adminA"), { days: 0 })).rejects.toThrow("At least 1 day.");
    await setCallBackdateDays(db, await scope("adminA"), { days: null });
    const events = await db.select().from(auditEvent).where(eq(auditEvent.action, "org.call_backdate_days"));
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ callBackdateDays: null }, { callBackdateDays: 14 }],
      [{ callBackdateDays: 14 }, { callBackdateDays: null }],
    ]);
  });
});
