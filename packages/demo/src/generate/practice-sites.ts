// Where demo HCPs practise besides their main address, and which organisations they work with: the source of the
// NPPES weekly practice-location and endpoint files. An HCP who works at an organisation lists the organisation's
// street address as a secondary practice location (the HCP 360 page derives "same practice address" affiliations
// from that) and often publishes a Direct address affiliated with it (an "endpoint" affiliation). Its own random
// stream, so the main NPPES, Part D and Open Payments files are unchanged by it.
import { base, en, en_US, Faker } from "@faker-js/faker";

import { createRandom, type Random } from "../random";
import { type ZipCentroidValues } from "../reference-data/zip-centroids";
import { METROS } from "./catalog/metros";
import { zipsByMetro } from "./geography";
import { type IndividualHcp } from "./individuals";
import { type OrganizationHco } from "./organizations";
import { streetAddress, type Address } from "./places";
import { type DemoWorld } from "./world";

export interface PracticeSite {
  /** The organisation whose address this is; null for an office of the HCP's own. */
  hco: OrganizationHco | null;
  address: Address;
}

export interface HcpSites {
  hcp: IndividualHcp;
  /** Secondary practice locations (pl_pfile), beside the main file's practice address. */
  locations: PracticeSite[];
  /** Publishes a Direct messaging address. */
  direct: boolean;
  /** The organisation that Direct address is affiliated with, if any (not always one the HCP lists a location at). */
  endpointHco: OrganizationHco | null;
}

/** Organisations where physicians see patients (not pharmacies, home health or nursing homes). */
const CLINICAL_KINDS: ReadonlySet<OrganizationHco["organizationKind"]> = new Set([
  "hospital",
  "primary-care",
  "multi-specialty",
  "fqhc",
  "urgent-care",
]);

/** Shares of individuals: works at one or two nearby organisations; keeps a second office of their own. */
export const AT_ORGANIZATION_SHARE = 0.3;
const SECOND_ORGANIZATION_SHARE = 0.25;
const OWN_OFFICE_SHARE = 0.1;
/** Direct addresses: of HCPs at an organisation (affiliated with it), of the others (unaffiliated, or now and then affiliated only). */
const DIRECT_AT_ORGANIZATION = 0.6;
const DIRECT_OTHERWISE = 0.15;
const ENDPOINT_ONLY_AFFILIATION = 0.05;

// Metro HCPs work at organisations of their metro; the national spread at organisations of their state.
const poolKey = (entity: { metroKey: string | null; practice: Address }) =>
  entity.metroKey ?? `state:${entity.practice.state}`;

const SUITE_WORDS = ["SUITE", "STE", "FLOOR"] as const;

/** The organisation's street address as an HCP lists it: its own suite (or none), ZIP or ZIP+4, the organisation's phone. */
function atOrganization(random: Random, hco: OrganizationHco): Address {
  const practice = hco.practice;
  const line2 = random.chance(0.5)
    ? practice.line2
    : random.chance(0.5)
      ? `${random.pick(SUITE_WORDS)} ${random.int(1, 9)}${random.int(0, 40).toString().padStart(2, "0")}`
      : "";
  return {
    ...practice,
    line2,
    postalCode: random.chance(0.2) ? practice.zip5 : practice.postalCode,
    fax: random.chance(0.5) ? practice.fax : "",
  };
}

export interface PracticeSitesOptions {
  world: DemoWorld;
  seed: number;
  centroids: readonly ZipCentroidValues[];
}

export function buildPracticeSites({ world, seed, centroids }: PracticeSitesOptions): HcpSites[] {
  const random = createRandom(seed, "practice-sites");
  const faker = new Faker({ locale: [en_US, en, base] });
  faker.seed(random.seed32());
  const centroidByZip = new Map(centroids.map((c) => [c.zip, c]));
  const metroByKey = new Map(METROS.map((m) => [m.key, m]));
  // A second office of a metro HCP is elsewhere in the metro (its own point on the map); otherwise in the same ZIP.
  const officeZips = new Map(
    [...zipsByMetro(centroids)].map(([key, zips]) => [key, zips.filter((z) => z.miles <= 15).map((z) => z.centroid)]),
  );
  const pools = new Map<string, OrganizationHco[]>();
  for (const hco of world.organizations) {
    if (!CLINICAL_KINDS.has(hco.organizationKind)) continue;
    const pool = pools.get(poolKey(hco)) ?? [];
    pool.push(hco);
    pools.set(poolKey(hco), pool);
  }

  return world.individuals.map((hcp): HcpSites => {
    const pool = pools.get(poolKey(hcp)) ?? [];
    const locations: PracticeSite[] = [];
    if (pool.length > 0 && random.chance(AT_ORGANIZATION_SHARE)) {
      const count = pool.length > 1 && random.chance(SECOND_ORGANIZATION_SHARE) ? 2 : 1;
      for (const hco of random.shuffle([...pool]).slice(0, count))
        locations.push({ hco, address: atOrganization(random, hco) });
    }
    if (random.chance(OWN_OFFICE_SHARE)) {
      const metro = hcp.metroKey ? (metroByKey.get(hcp.metroKey) ?? null) : null;
      const nearby = metro ? officeZips.get(metro.key) : undefined;
      const centroid = nearby?.length ? random.pick(nearby) : centroidByZip.get(hcp.practice.zip5);
      if (centroid) locations.push({ hco: null, address: streetAddress(faker, random, { centroid, metro }) });
    }
    const workplace = locations.find((l) => l.hco)?.hco ?? null;
    if (workplace) {
      const direct = random.chance(DIRECT_AT_ORGANIZATION);
      return { hcp, locations, direct, endpointHco: direct ? workplace : null };
    }
    if (pool.length > 0 && random.chance(ENDPOINT_ONLY_AFFILIATION))
      return { hcp, locations, direct: true, endpointHco: random.pick(pool) };
    return { hcp, locations, direct: random.chance(DIRECT_OTHERWISE), endpointHco: null };
  });
}
