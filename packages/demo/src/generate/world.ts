// The synthetic provider population behind every generated file: individuals, organisations and deactivated
// NPIs, built once per (scale, seed) and shared by the NPPES, Part D and Open Payments writers.
import { base, en, en_US, Faker } from "@faker-js/faker";

import { createRandom } from "../random";
import { type TaxonomyValues } from "../reference-data/nucc";
import { type ZipCentroidValues } from "../reference-data/zip-centroids";
import { SPECIALTIES } from "./catalog/specialties";
import { randomDay } from "./dates";
import { buildIndividual, type IndividualHcp } from "./individuals";
import { syntheticNpis } from "./npi";
import { buildOrganization, ORGANIZATION_KINDS, type OrganizationHco } from "./organizations";
import { createPlacePicker } from "./places";

export interface DeactivatedNpi {
  kind: "deactivated";
  npi: string;
  deactivationDay: number;
}

export type NppesEntity = IndividualHcp | OrganizationHco | DeactivatedNpi;

export interface DemoWorld {
  individuals: IndividualHcp[];
  organizations: OrganizationHco[];
  deactivated: DeactivatedNpi[];
}

/** Organisations and deactivated stubs come on top of `scale` individuals, in NPPES-like proportions. */
export const ORGANIZATION_SHARE = 0.08;
export const DEACTIVATED_SHARE = 0.02;

export const worldCounts = (scale: number) => ({
  individuals: scale,
  organizations: Math.round(scale * ORGANIZATION_SHARE),
  deactivated: Math.round(scale * DEACTIVATED_SHARE),
});

export function buildWorld(options: {
  scale: number;
  seed: number;
  centroids: readonly ZipCentroidValues[];
}): DemoWorld {
  const random = createRandom(options.seed, "world");
  const faker = new Faker({ locale: [en_US, en, base] });
  faker.seed(random.seed32());
  const pickPlace = createPlacePicker(options.centroids);
  const counts = worldCounts(options.scale);
  const npis = syntheticNpis(counts.individuals + counts.organizations + counts.deactivated, random.int(0, 9_999_999));
  let next = 0;
  const individuals = Array.from({ length: counts.individuals }, () =>
    buildIndividual(faker, random, npis[next++]!, pickPlace),
  );
  const organizations = Array.from({ length: counts.organizations }, () =>
    buildOrganization(faker, random, npis[next++]!, pickPlace),
  );
  const deactivated = Array.from({ length: counts.deactivated }, (): DeactivatedNpi => ({
    kind: "deactivated",
    npi: npis[next++]!,
    deactivationDay: randomDay(random, "2008-01-01", "2025-05-31"),
  }));
  const byNpi = (a: { npi: string }, b: { npi: string }) => a.npi.localeCompare(b.npi);
  return {
    individuals: individuals.sort(byNpi),
    organizations: organizations.sort(byNpi),
    deactivated: deactivated.sort(byNpi),
  };
}

/** Every entity in NPI order, the order of the NPPES file. */
export function entitiesInNpiOrder(world: DemoWorld): NppesEntity[] {
  return [...world.individuals, ...world.organizations, ...world.deactivated].sort((a, b) =>
    a.npi.localeCompare(b.npi),
  );
}

/** Guards the catalogue against typos and retired codes: every code used must exist in NUCC, in the right section. */
export function assertTaxonomyCodes(nucc: ReadonlyMap<string, TaxonomyValues>): void {
  const problems: string[] = [];
  const check = (code: string, section: "Individual" | "Non-Individual") => {
    const entry = nucc.get(code);
    if (!entry) problems.push(`${code} is not in the NUCC code set`);
    else if (entry.section !== section) problems.push(`${code} is ${entry.section}, expected ${section}`);
  };
  for (const specialty of SPECIALTIES) {
    check(specialty.taxonomyCode, "Individual");
    if (specialty.secondaryCode) check(specialty.secondaryCode, "Individual");
  }
  for (const kind of ORGANIZATION_KINDS) check(kind.taxonomyCode, "Non-Individual");
  if (problems.length > 0) throw new Error(`Demo taxonomy catalogue is invalid:\n  ${problems.join("\n  ")}`);
}
