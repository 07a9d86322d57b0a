// A small, exact tenant world for scope tests (independent of the demo generator):
//   org A: regions East (territories E1, E2) and West (W1, W2); a rep per territory, a manager per region, an admin
//   org B: one region, territory B1 over the same ZIPs as E1 (overlap), a rep, a manager, an admin
//   one HCP practising in each territory's ZIP, one HCP outside every territory
//   one interaction, one open task and one consent per HCP-in-territory, owned by that territory's rep
import { afterAll, beforeAll } from "vitest";

import {
  appUser,
  consentRecord,
  hcp,
  interaction,
  org,
  product,
  region,
  task,
  territory,
  territoryAssignment,
  territoryZip,
  type Database,
  type Db,
} from "@pharmacrm/db";
import { createTestDatabase } from "@pharmacrm/db/testing";

import type { Viewer } from "../viewer";

export const ZIPS = { E1: "02101", E2: "10001", W1: "94102", W2: "90001", OUT: "60601" } as const;
export const NPIS = {
  E1: "1000000001",
  E2: "1000000002",
  W1: "1000000003",
  W2: "1000000004",
  OUT: "1000000005",
} as const;

type TerritoryKey = "E1" | "E2" | "W1" | "W2" | "B1";
export type PersonKey =
  "repE1" | "repE2" | "repW1" | "repW2" | "managerEast" | "managerWest" | "adminA" | "repB1" | "managerB" | "adminB";

/** The HCPs practising in each person's territories (their "mine"): by region for managers, every one for admins. */
export const NPIS_IN_SCOPE: Record<PersonKey, string[]> = {
  repE1: [NPIS.E1],
  repE2: [NPIS.E2],
  repW1: [NPIS.W1],
  repW2: [NPIS.W2],
  managerEast: [NPIS.E1, NPIS.E2],
  managerWest: [NPIS.W1, NPIS.W2],
  adminA: Object.values(NPIS),
  repB1: [NPIS.E1],
  managerB: [NPIS.E1],
  adminB: Object.values(NPIS),
};

export interface World {
  viewers: Record<PersonKey, Viewer>;
  territories: Record<TerritoryKey, string>;
  interactions: Record<TerritoryKey, string>;
  tasks: Record<TerritoryKey, string>;
  products: { A: string; B: string };
}

export async function buildWorld(db: Db): Promise<World> {
  await db.insert(hcp).values(
    (Object.keys(NPIS) as (keyof typeof NPIS)[]).map((k, i) => ({
      npi: NPIS[k],
      entityType: 1,
      firstName: `FIRST${i}`,
      lastName: `HCP${k}`,
      credential: "MD",
      practiceCity: "CITY",
      practiceState: "MA",
      practiceZip5: ZIPS[k],
    })),
  );

  const [orgA, orgB] = await db
    .insert(org)
    .values([
      { name: "Org A", slug: "org-a" },
      { name: "Org B", slug: "org-b" },
    ])
    .returning();
  const [east, west, central] = await db
    .insert(region)
    .values([
      { orgId: orgA!.id, name: "East" },
      { orgId: orgA!.id, name: "West" },
      { orgId: orgB!.id, name: "Central" },
    ])
    .returning();

  const territoryRows = await db
    .insert(territory)
    .values([
      { orgId: orgA!.id, regionId: east!.id, code: "E1", name: "E1" },
      { orgId: orgA!.id, regionId: east!.id, code: "E2", name: "E2" },
      { orgId: orgA!.id, regionId: west!.id, code: "W1", name: "W1" },
      { orgId: orgA!.id, regionId: west!.id, code: "W2", name: "W2" },
      { orgId: orgB!.id, regionId: central!.id, code: "B1", name: "B1" },
    ])
    .returning();
  const territories = Object.fromEntries(territoryRows.map((t) => [t.code, t.id])) as Record<TerritoryKey, string>;
  const territoryZipOf: Record<TerritoryKey, string> = {
    E1: ZIPS.E1,
    E2: ZIPS.E2,
    W1: ZIPS.W1,
    W2: ZIPS.W2,
    B1: ZIPS.E1,
  };
  const orgOf = (t: TerritoryKey) => (t === "B1" ? orgB!.id : orgA!.id);
  await db.insert(territoryZip).values(
    (Object.keys(territories) as TerritoryKey[]).map((t) => ({
      orgId: orgOf(t),
      territoryId: territories[t],
      zip5: territoryZipOf[t],
    })),
  );

  const people: { key: PersonKey; orgId: string; role: Viewer["role"]; regionId?: string; territory?: TerritoryKey }[] =
    [
      { key: "repE1", orgId: orgA!.id, role: "rep", territory: "E1" },
      { key: "repE2", orgId: orgA!.id, role: "rep", territory: "E2" },
      { key: "repW1", orgId: orgA!.id, role: "rep", territory: "W1" },
      { key: "repW2", orgId: orgA!.id, role: "rep", territory: "W2" },
      { key: "managerEast", orgId: orgA!.id, role: "manager", regionId: east!.id },
      { key: "managerWest", orgId: orgA!.id, role: "manager", regionId: west!.id },
      { key: "adminA", orgId: orgA!.id, role: "admin" },
      { key: "repB1", orgId: orgB!.id, role: "rep", territory: "B1" },
      { key: "managerB", orgId: orgB!.id, role: "manager", regionId: central!.id },
      { key: "adminB", orgId: orgB!.id, role: "admin" },
    ];
  const userRows = await db
    .insert(appUser)
    .values(
      people.map((p) => ({
        orgId: p.orgId,
        email: `${p.key.toLowerCase()}@test.example`,
        name: p.key,
        role: p.role,
        regionId: p.regionId ?? null,
      })),
    )
    .returning();
  const viewers = Object.fromEntries(
    people.map((p, i) => {
      const u = userRows[i]!;
      const viewer: Viewer = {
        userId: u.id,
        orgId: u.orgId,
        role: u.role,
        name: u.name,
        email: u.email,
        regionId: u.regionId,
        orgName: "",
        orgIsDemo: false,
        platformOperator: false,
      };
      return [p.key, viewer];
    }),
  ) as Record<PersonKey, Viewer>;
  await db
    .insert(territoryAssignment)
    .values(
      people
        .filter((p) => p.territory)
        .map((p) => ({ orgId: p.orgId, userId: viewers[p.key].userId, territoryId: territories[p.territory!] })),
    );

  const [productA, productB] = await db
    .insert(product)
    .values([
      { orgId: orgA!.id, name: "Alphacor" },
      { orgId: orgB!.id, name: "Betavent" },
    ])
    .returning();

  const repOf: Record<TerritoryKey, PersonKey> = { E1: "repE1", E2: "repE2", W1: "repW1", W2: "repW2", B1: "repB1" };
  const npiOf: Record<TerritoryKey, string> = { E1: NPIS.E1, E2: NPIS.E2, W1: NPIS.W1, W2: NPIS.W2, B1: NPIS.E1 };
  const keys = Object.keys(territories) as TerritoryKey[];
  const interactionRows = await db
    .insert(interaction)
    .values(
      keys.map((t) => ({
        orgId: orgOf(t),
        hcpNpi: npiOf[t],
        ownerId: viewers[repOf[t]].userId,
        territoryId: territories[t],
        channel: "in_person" as const,
        occurredAt: new Date("2026-10-01T10:00:00Z"),
        notes: `call in ${t}`,
      })),
    )
    .returning();
  const taskRows = await db
    .insert(task)
    .values(
      keys.map((t) => ({
        orgId: orgOf(t),
        ownerId: viewers[repOf[t]].userId,
        createdById: viewers[repOf[t]].userId,
        hcpNpi: npiOf[t],
        territoryId: territories[t],
        title: `task in ${t}`,
      })),
    )
    .returning();
  await db.insert(consentRecord).values(
    keys.map((t) => ({
      orgId: orgOf(t),
      hcpNpi: npiOf[t],
      channel: "email" as const,
      status: "granted" as const,
      source: `form in ${t}`,
      recordedById: viewers[repOf[t]].userId,
    })),
  );

  const byTerritory = (rows: { id: string }[]) =>
    Object.fromEntries(keys.map((t, i) => [t, rows[i]!.id])) as Record<TerritoryKey, string>;
  return {
    viewers,
    territories,
    interactions: byTerritory(interactionRows),
    tasks: byTerritory(taskRows),
    products: { A: productA!.id, B: productB!.id },
  };
}

/** Per test file: a fresh database holding the world, opened before the tests and closed after. */
export function useWorld(): { readonly database: Database; readonly world: World } {
  const state = {} as { database: Database; world: World };
  beforeAll(async () => {
    state.database = await createTestDatabase();
    state.world = await buildWorld(state.database.db);
  });
  afterAll(() => state.database.close());
  return state;
}
