// "Show me Eliquis prescribing trend for Dr X": the profile tool reports that drug's Part D claims by year (brand or
// generic, any case), with each year's source; a drug the physician never wrote is said so, not replaced.
import { describe, expect, it } from "vitest";

import { NPI, useHcp360World } from "@pharmacrm/domain/testing/hcp-360-world";

import { profileAnswer } from "../offline/answers/lookups";
import { getPhysicianProfileTool, type GetPhysicianProfileOutput } from "./get-physician-profile";
import { runTool } from "./testing/run-tool";

const world = useHcp360World();
const profile = (drug: string) =>
  runTool(
    getPhysicianProfileTool({ db: world.database.db, viewer: world.viewers.repIn, now: new Date(2026, 10, 23) }),
    { npi: NPI, drug },
  ) as Promise<GetPhysicianProfileOutput>;

describe("a drug's prescribing trend", () => {
  it("gives the drug's claims by year, by brand or generic name", async () => {
    for (const drug of ["Eliquis", "apixaban"]) {
      const out = await profile(drug);
      if (out.status !== "ok") throw new Error(out.message);
      expect(out.drugTrend?.years.map((y) => [y.year, y.claims])).toEqual([
        [2021, 40],
        [2022, 60],
        [2023, 90],
      ]);
      const text = profileAnswer(out, "prescribing");
      expect(text).toContain(`**${drug} by year**`);
      expect(text).toContain(`- 2023: 90 ${drug} claims (+50% on 2022)`);
      expect(text).not.toContain("Xarelto");
    }
  });

  it("says plainly when the physician has no claims of that drug", async () => {
    const out = await profile("Ozempic");
    if (out.status !== "ok") throw new Error(out.message);
    expect(out.drugTrend).toEqual({ drug: "Ozempic", years: [] });
    expect(profileAnswer(out, "prescribing")).toContain("- No Part D claims of Ozempic on record.");
  });
});
