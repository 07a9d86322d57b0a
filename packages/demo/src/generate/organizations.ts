// Organisations (NPPES entity type 2): hospitals, clinics, practices, pharmacies… with NUCC non-individual codes
// and an authorised official. Names are synthetic: a surname or the real city plus a type-typical pattern.
import { type Faker } from "@faker-js/faker";

import { weightedPicker, type Random } from "../random";
import { dayOf, NPPES_FIRST_DAY, NPPES_SNAPSHOT_DAY, randomDay } from "./dates";
import { licenseNumber } from "./licenses";
import { fictionalPhone } from "./people";
import { mailingAddress, streetAddress, type Address, type PlacePicker } from "./places";

export interface OrganizationKind {
  key:
    "hospital" | "primary-care" | "multi-specialty" | "fqhc" | "urgent-care" | "pharmacy" | "home-health" | "nursing";
  taxonomyCode: string;
  weight: number;
  names: readonly ((surname: string, city: string) => string)[];
}

export const ORGANIZATION_KINDS: readonly OrganizationKind[] = [
  {
    key: "hospital",
    taxonomyCode: "282N00000X",
    weight: 14,
    names: [(s) => `${s} MEMORIAL HOSPITAL`, (_s, c) => `${c} REGIONAL MEDICAL CENTER`, (s, c) => `${c} ${s} HOSPITAL`],
  },
  {
    key: "primary-care",
    taxonomyCode: "261QP2300X",
    weight: 22,
    names: [
      (s) => `${s} FAMILY MEDICINE, PLLC`,
      (_s, c) => `${c} PRIMARY CARE ASSOCIATES`,
      (s) => `${s} INTERNAL MEDICINE LLC`,
    ],
  },
  {
    key: "multi-specialty",
    taxonomyCode: "261QM1300X",
    weight: 16,
    names: [
      (_s, c) => `${c} MEDICAL GROUP, INC.`,
      (s) => `${s} HEALTH PARTNERS, P.C.`,
      (s) => `${s} CARDIOLOGY ASSOCIATES`,
    ],
  },
  { key: "fqhc", taxonomyCode: "261QF0400X", weight: 7, names: [(_s, c) => `${c} COMMUNITY HEALTH CENTER, INC.`] },
  {
    key: "urgent-care",
    taxonomyCode: "261QU0200X",
    weight: 9,
    names: [(_s, c) => `${c} URGENT CARE LLC`, (s) => `${s} WALK-IN CLINIC`],
  },
  {
    key: "pharmacy",
    taxonomyCode: "333600000X",
    weight: 16,
    names: [(s) => `${s} PHARMACY`, (_s, c) => `${c} APOTHECARY INC`],
  },
  { key: "home-health", taxonomyCode: "251E00000X", weight: 8, names: [(s) => `${s} HOME HEALTH CARE, INC.`] },
  {
    key: "nursing",
    taxonomyCode: "314000000X",
    weight: 8,
    names: [(_s, c) => `${c} REHABILITATION AND NURSING CENTER`],
  },
];

const pickKind = weightedPicker(ORGANIZATION_KINDS.map((kind) => ({ value: kind, weight: kind.weight })));
const OFFICIAL_TITLES = [
  "PRESIDENT",
  "CEO",
  "ADMINISTRATOR",
  "OFFICE MANAGER",
  "CREDENTIALING MANAGER",
  "DIRECTOR",
  "OWNER",
  "CFO",
];

export interface AuthorizedOfficial {
  first: string;
  middle: string;
  last: string;
  prefix: string;
  title: string;
  phone: string;
}

export interface OrganizationHco {
  kind: "organization";
  npi: string;
  name: string;
  organizationKind: OrganizationKind["key"];
  taxonomyCode: string;
  license: string;
  practice: Address;
  mailing: Address;
  /** The metro the practice address is in, or null for the national spread. */
  metroKey: string | null;
  official: AuthorizedOfficial;
  enumerationDay: number;
  lastUpdateDay: number;
  subpart: "Y" | "N";
}

export function buildOrganization(faker: Faker, random: Random, npi: string, pickPlace: PlacePicker): OrganizationHco {
  const kind = pickKind(random);
  const place = pickPlace(random);
  const practice = streetAddress(faker, random, place);
  const surname = faker.person.lastName().toUpperCase();
  const sex = random.chance(0.5) ? "female" : "male";
  const enumerationDay = random.chance(0.15)
    ? dayOf(NPPES_FIRST_DAY)
    : randomDay(random, NPPES_FIRST_DAY, "2025-03-31");
  return {
    kind: "organization",
    npi,
    name: random.pick(kind.names)(surname, practice.city),
    organizationKind: kind.key,
    taxonomyCode: kind.taxonomyCode,
    license: licenseNumber(random, practice.state, "physician"),
    practice,
    mailing: mailingAddress(faker, random, place, practice),
    metroKey: place.metro?.key ?? null,
    official: {
      first: faker.person.firstName(sex).toUpperCase(),
      middle: random.chance(0.4) ? faker.person.firstName(sex).charAt(0).toUpperCase() : "",
      last: faker.person.lastName().toUpperCase(),
      prefix: random.chance(0.4) ? (sex === "female" ? "MS." : "MR.") : "",
      title: random.pick(OFFICIAL_TITLES),
      phone: fictionalPhone(random, practice.phone.slice(0, 3)),
    },
    enumerationDay,
    lastUpdateDay: random.int(enumerationDay, dayOf(NPPES_SNAPSHOT_DAY)),
    subpart: random.chance(0.15) ? "Y" : "N",
  };
}
