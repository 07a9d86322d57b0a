// The two demo tenants as data: geography, people, markets and products. Northwind and Acme both cover
// Boston on purpose, so tenant isolation can be shown (and tested) on the same HCPs.
import { type DrugKey } from "../generate/catalog/drugs";

/** Every demo user signs in with this password. */
export const DEMO_PASSWORD = "pharmacrm-demo";

export type Role = "admin" | "manager" | "rep";

export interface TerritoryDefinition {
  code: string;
  name: string;
  /** Metro whose ZIPs (centroid within the metro radius) align to this territory. */
  metro: string;
}

export interface UserDefinition {
  email: string;
  name: string;
  role: Role;
  /** Managers: the region they manage. */
  region?: string;
  /** Reps: the territory they cover (territory code). */
  territory?: string;
  /** May load the shared reference data for every org (a role above orgs; in the demo, one admin has it). */
  platformOperator?: boolean;
  /** Reps: stopped logging calls this many days ago (a manager's analytics should show it). */
  stoppedCallingDaysAgo?: number;
}

export interface ProductDefinition {
  name: string;
  drug: DrugKey;
  sampleable: boolean;
}

export interface MarketDefinition {
  name: string;
  therapeuticArea: string;
  /** The Part D drugs competing in the market; `own` marks the org's brands. */
  drugs: readonly { drug: DrugKey; own?: boolean }[];
  products: readonly ProductDefinition[];
}

export interface OrgDefinition {
  slug: string;
  name: string;
  regions: readonly { name: string; territories: readonly TerritoryDefinition[] }[];
  users: readonly UserDefinition[];
  markets: readonly MarketDefinition[];
}

export const NORTHWIND: OrgDefinition = {
  slug: "northwind",
  name: "Northwind Therapeutics",
  regions: [
    {
      name: "Northeast",
      territories: [
        { code: "NE-BOS", name: "Boston", metro: "boston" },
        { code: "NE-NYC", name: "New York", metro: "new-york" },
      ],
    },
    {
      name: "West",
      territories: [
        { code: "W-SFO", name: "San Francisco", metro: "san-francisco" },
        { code: "W-LAX", name: "Los Angeles", metro: "los-angeles" },
      ],
    },
  ],
  users: [
    { email: "admin@northwind.demo", name: "Margaret Chen", role: "admin" },
    // Loads the reference data every org reads, so must set up an authenticator at first sign-in, demo or not.
    { email: "operator@northwind.demo", name: "Jordan Ellis", role: "admin", platformOperator: true },
    { email: "manager.northeast@northwind.demo", name: "David Okafor", role: "manager", region: "Northeast" },
    { email: "manager.west@northwind.demo", name: "Priya Raman", role: "manager", region: "West" },
    { email: "rep.boston@northwind.demo", name: "Kevin Walsh", role: "rep", territory: "NE-BOS" },
    { email: "rep.newyork@northwind.demo", name: "Sofia Alvarez", role: "rep", territory: "NE-NYC" },
    { email: "rep.sanfrancisco@northwind.demo", name: "Daniel Kim", role: "rep", territory: "W-SFO" },
    {
      email: "rep.losangeles@northwind.demo",
      name: "Aisha Thompson",
      role: "rep",
      territory: "W-LAX",
      stoppedCallingDaysAgo: 14,
    },
  ],
  markets: [
    {
      name: "Anticoagulants",
      therapeuticArea: "Cardiovascular",
      drugs: [{ drug: "eliquis", own: true }, { drug: "xarelto" }, { drug: "warfarin" }],
      products: [{ name: "Eliquis", drug: "eliquis", sampleable: true }],
    },
    {
      name: "Heart failure",
      therapeuticArea: "Cardiovascular",
      drugs: [{ drug: "farxiga", own: true }, { drug: "entresto" }, { drug: "jardiance" }],
      products: [],
    },
    {
      name: "Type 2 diabetes (GLP-1/SGLT2)",
      therapeuticArea: "Diabetes",
      drugs: [
        { drug: "farxiga", own: true },
        { drug: "jardiance" },
        { drug: "ozempic" },
        { drug: "trulicity" },
        { drug: "mounjaro" },
      ],
      // Detailed with savings cards rather than samples here, so one product exercises the no-sample path.
      products: [{ name: "Farxiga", drug: "farxiga", sampleable: false }],
    },
  ],
};

export const ACME: OrgDefinition = {
  slug: "acme",
  name: "Acme Biologics",
  regions: [{ name: "Central", territories: [{ code: "AC-BOS", name: "Boston Metro", metro: "boston" }] }],
  users: [
    { email: "admin@acme.demo", name: "Helen Brooks", role: "admin" },
    { email: "manager@acme.demo", name: "Marcus Reed", role: "manager", region: "Central" },
    { email: "rep.boston@acme.demo", name: "Olivia Grant", role: "rep", territory: "AC-BOS" },
  ],
  markets: [
    {
      name: "Respiratory",
      therapeuticArea: "Respiratory",
      drugs: [{ drug: "trelegy", own: true }, { drug: "breztri" }, { drug: "breo" }, { drug: "spiriva" }],
      products: [{ name: "Trelegy Ellipta", drug: "trelegy", sampleable: true }],
    },
  ],
};

export const DEMO_ORGS: readonly OrgDefinition[] = [NORTHWIND, ACME];

export interface DemoSignIn {
  email: string;
  role: Role;
  org: string;
  /** Reps: the territory they cover. */
  territory: string | null;
  /** Managers: the region they manage; reps: their territory's region. */
  region: string | null;
  /** May load the shared reference data (the Data screen's import form). */
  platformOperator: boolean;
}

export const demoSignIns: readonly DemoSignIn[] = DEMO_ORGS.flatMap((org) =>
  org.users.map((user) => {
    const region = org.regions.find(
      (r) => r.name === user.region || r.territories.some((t) => t.code === user.territory),
    );
    const territory = region?.territories.find((t) => t.code === user.territory);
    return {
      email: user.email,
      role: user.role,
      org: org.name,
      territory: territory?.name ?? null,
      region: region?.name ?? null,
      platformOperator: user.platformOperator ?? false,
    };
  }),
);
