// A call logged through the API, then the warnings the copilot's approval card asks for before the next one.
import { describe, expect, it } from "vitest";

import { NPIS, useWorld } from "@pharmacrm/domain/testing";

import { callerFor, outcome } from "../testing/caller";

const state = useWorld();

describe("interaction.warnings", () => {
  it("names the rep's own call that day, for a date alone or a time, and nobody else's", async () => {
    const rep = callerFor(state.database.db, state.world.viewers.repE1);
    const call = await rep.interaction.log({
      npi: NPIS.E1,
      channel: "phone",
      occurredAt: new Date("2026-03-10T15:00:00Z"),
      productIds: [state.world.products.A],
    });
    expect(call.status).toBe("submitted");
    const message = expect.stringMatching(/^You already logged a call with .+ by phone on 2026-03-10\.$/);
    for (const occurredAt of ["2026-03-10", "2026-03-10T09:30:00Z", "2026-03-11T01:00:00.000Z"]) {
      expect(await rep.interaction.warnings({ npi: NPIS.E1, channel: "in_person", occurredAt })).toEqual([
        { kind: "call_nearby", message },
      ]);
    }
    expect(await rep.interaction.warnings({ npi: NPIS.E1, channel: "in_person", occurredAt: "2026-03-11" })).toEqual(
      [],
    );
    const admin = callerFor(state.database.db, state.world.viewers.adminA);
    expect(await admin.interaction.warnings({ npi: NPIS.E1, channel: "phone", occurredAt: "2026-03-10" })).toEqual([]);
  });

  it("refuses what is not a date or a time, and a physician outside the rep's territories", async () => {
    const rep = callerFor(state.database.db, state.world.viewers.repE1);
    expect(
      await outcome(() => rep.interaction.warnings({ npi: NPIS.E1, channel: "phone", occurredAt: "yesterday" })),
    ).toBe("BAD_REQUEST");
    expect(
      await outcome(() => rep.interaction.warnings({ npi: NPIS.W1, channel: "phone", occurredAt: "2026-03-10" })),
    ).toBe("FORBIDDEN");
  });
});
