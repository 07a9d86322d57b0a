// The whole HCP 360 profile by viewer: reference sections are the same for everyone in an org (market share uses
// the viewer's org's markets); tenant records follow the scope rules and never cross orgs.
import { describe, expect, it } from "vitest";

import { scopeFor } from "../scope";
import { BARE_NPI, NPI, useHcp360World, type FixturePerson } from "../testing/hcp-360-world";
import { hcpIdentity, hcpProfile } from "./profile";

const world = useHcp360World();

const profileFor = async (person: FixturePerson, npi = NPI) =>
  hcpProfile(world.database.db, await scopeFor(world.database.db, world.viewers[person]), npi);

const tenantRecords = (p: Awaited<ReturnType<typeof hcpProfile>>) => ({
  interactions: p.interactions.map((i) => i.notes),
  tasks: p.openTasks.map((t) => t.title),
  consent: p.consent.map((c) => c.source),
});

describe("tenant records on the 360 page", () => {
  it("a rep in the HCP's territory sees their org's calls, tasks and consent — never the other org's", async () => {
    const p = await profileFor("repIn");
    expect(p.inMyTerritories).toBe(true);
    expect(tenantRecords(p)).toEqual({ interactions: ["call A"], tasks: ["task A"], consent: ["form A"] });
  });

  it("a rep outside the HCP's territory sees the reference data but none of the territory's tenant records", async () => {
    const p = await profileFor("repOut");
    expect(p.inMyTerritories).toBe(false);
    expect(tenantRecords(p)).toEqual({ interactions: [], tasks: [], consent: [] });
    expect(p.prescribing.byYear.map((y) => y.claims)).toEqual([220, 200, 150]);
    expect(p.payments.total).toEqual({ amount: 1975.5, records: 5 });
    expect(p.locations).toHaveLength(4);
    expect(p.affiliations).toHaveLength(3);
  });

  it("the admin sees every record of their own org only", async () => {
    expect(tenantRecords(await profileFor("adminA"))).toEqual({
      interactions: ["call A"],
      tasks: ["task A"],
      consent: ["form A"],
    });
  });

  it("the other org's rep on the same HCP sees only their org's records and markets", async () => {
    const p = await profileFor("repB");
    expect(p.inMyTerritories).toBe(true);
    expect(tenantRecords(p)).toEqual({ interactions: ["call B"], tasks: ["task B"], consent: ["form B"] });
    expect(p.prescribing.markets.map((m) => m.name)).toEqual(["Blood thinners"]);
  });
});

describe("reference sections", () => {
  it("are the same for every viewer of an org, whatever their territory", async () => {
    const [inside, outside, admin] = await Promise.all([
      profileFor("repIn"),
      profileFor("repOut"),
      profileFor("adminA"),
    ]);
    for (const other of [outside, admin]) {
      expect(other.prescribing).toEqual(inside.prescribing);
      expect(other.payments).toEqual(inside.payments);
      expect(other.sources).toEqual(inside.sources);
    }
  });

  it("carry each dataset's source for the section footers", async () => {
    const { sources } = await profileFor("repIn");
    expect(sources.nppes[0]).toMatchObject({ release: "2025-11", isDemo: false });
    expect(sources.open_payments[0]).toMatchObject({ release: "PY2023", isDemo: true });
  });

  it("show an HCP with no prescribing, payments or other locations as empty, not missing", async () => {
    const p = await profileFor("adminA", BARE_NPI);
    expect(p.prescribing.rows).toEqual([]);
    expect(p.payments.total).toEqual({ amount: 0, records: 0 });
    expect(p.locations.map((l) => l.kind)).toEqual(["primary"]);
    expect(p.affiliations).toEqual([]);
  });

  it("refuses an NPI that is not an individual provider", async () => {
    await expect(profileFor("repIn", "3000000001")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("an NPI's identity (for cards that hold only the NPI)", () => {
  it("names the physician from the registry, the same for every viewer", async () => {
    expect(await hcpIdentity(world.database.db, NPI)).toEqual({
      npi: NPI,
      name: "Ada Lovelace",
      credential: "MD",
      city: "BOSTON",
      state: "MA",
    });
  });

  it("says plainly when the NPI is not a physician on file", async () => {
    await expect(hcpIdentity(world.database.db, "1234567893")).rejects.toThrow("Physician with NPI 1234567893");
  });
});
