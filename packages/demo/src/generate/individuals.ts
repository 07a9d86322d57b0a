// Individual HCPs (NPPES entity type 1): name, credential, specialty taxonomies with licences, addresses, dates.
import { type Faker } from "@faker-js/faker";

import { weightedPicker, type Random } from "../random";
import { SPECIALTIES, type Specialty } from "./catalog/specialties";
import { dayOf, NPPES_FIRST_DAY, NPPES_SNAPSHOT_DAY, randomDay } from "./dates";
import { licenseNumber, OTHER_LICENSE_STATES } from "./licenses";
import { credentialFor, personName, type Credential, type PersonName } from "./people";
import { mailingAddress, streetAddress, type Address, type PlacePicker } from "./places";

export interface TaxonomySlot {
  code: string;
  license: string;
  licenseState: string;
  primary: boolean;
}

export interface IndividualHcp {
  kind: "individual";
  npi: string;
  name: PersonName;
  credential: Credential;
  specialty: Specialty;
  taxonomies: TaxonomySlot[];
  practice: Address;
  mailing: Address;
  metroKey: string | null;
  enumerationDay: number;
  lastUpdateDay: number;
  /** Set when the record was re-certified (newer records carry a Certification Date). */
  certificationDay: number | null;
  soleProprietor: "Y" | "N" | "X";
}

const pickSpecialty = weightedPicker(SPECIALTIES.map((specialty) => ({ value: specialty, weight: specialty.weight })));
const pickSlotCount = weightedPicker([
  { value: 1, weight: 70 },
  { value: 2, weight: 22 },
  { value: 3, weight: 8 },
]);

function taxonomySlots(random: Random, specialty: Specialty, practiceState: string): TaxonomySlot[] {
  const count = pickSlotCount(random);
  const slots: TaxonomySlot[] = [];
  for (let i = 0; i < count; i++) {
    const code =
      i === 0 || !specialty.secondaryCode || random.chance(0.4) ? specialty.taxonomyCode : specialty.secondaryCode;
    // Extra slots with the same code record a licence in another state, as NPPES shows for multi-state HCPs.
    const licenseState = i === 0 || code !== specialty.taxonomyCode ? practiceState : random.pick(OTHER_LICENSE_STATES);
    slots.push({
      code,
      license: licenseNumber(random, licenseState, specialty.clinician),
      licenseState,
      primary: false,
    });
  }
  // The primary switch is usually on slot 1, but NPPES has plenty of records with it further down.
  const primaryIndex =
    count > 1 && random.chance(0.2) ? slots.findIndex((s) => s.code === specialty.taxonomyCode && s !== slots[0]) : 0;
  slots[primaryIndex >= 0 ? primaryIndex : 0]!.primary = true;
  return slots;
}

export function buildIndividual(faker: Faker, random: Random, npi: string, pickPlace: PlacePicker): IndividualHcp {
  const specialty = pickSpecialty(random);
  const name = personName(faker, random, specialty.clinician);
  const place = pickPlace(random);
  const practice = streetAddress(faker, random, place);
  const snapshot = dayOf(NPPES_SNAPSHOT_DAY);
  const enumerationDay = random.chance(0.12)
    ? dayOf(NPPES_FIRST_DAY)
    : randomDay(random, NPPES_FIRST_DAY, "2025-03-31");
  const lastUpdateDay = random.int(enumerationDay, snapshot);
  return {
    kind: "individual",
    npi,
    name,
    credential: credentialFor(random, specialty.clinician, specialty.taxonomyCode),
    specialty,
    taxonomies: taxonomySlots(random, specialty, practice.state),
    practice,
    mailing: mailingAddress(faker, random, place, practice),
    metroKey: place.metro?.key ?? null,
    enumerationDay,
    lastUpdateDay,
    certificationDay: lastUpdateDay > dayOf("2020-01-01") && random.chance(0.6) ? lastUpdateDay : null,
    soleProprietor: random.pick(["N", "N", "N", "N", "Y", "X"] as const),
  };
}
