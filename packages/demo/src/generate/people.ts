// Synthetic people: names (faker, upper-cased as NPPES writes them), credentials that match the clinician
// kind, and fictional phone numbers (555-01xx is reserved for fiction, so no real office gets a demo call).
import { type Faker } from "@faker-js/faker";

import { weightedPicker, type Random } from "../random";
import { type Clinician } from "./catalog/specialties";

export interface PersonName {
  first: string;
  middle: string;
  last: string;
  prefix: string;
  suffix: string;
  sex: "M" | "F";
}

const FEMALE_SHARE: Record<Clinician, number> = { physician: 0.38, np: 0.9, pa: 0.68 };

export function personName(faker: Faker, random: Random, clinician: Clinician): PersonName {
  const sex = random.chance(FEMALE_SHARE[clinician]) ? "F" : "M";
  const fakerSex = sex === "F" ? "female" : "male";
  const middleRoll = random.next();
  const middle =
    middleRoll < 0.45
      ? faker.person.firstName(fakerSex).charAt(0)
      : middleRoll < 0.75
        ? faker.person.middleName(fakerSex)
        : "";
  return {
    first: faker.person.firstName(fakerSex).toUpperCase(),
    middle: middle.toUpperCase(),
    last: faker.person.lastName().toUpperCase(),
    prefix:
      clinician === "physician" && random.chance(0.3)
        ? "DR."
        : random.chance(0.05)
          ? sex === "F"
            ? "MS."
            : "MR."
          : "",
    suffix: sex === "M" && random.chance(0.04) ? random.pick(["JR.", "SR.", "II", "III"]) : "",
    sex,
  };
}

const PHYSICIAN_MD = weightedPicker([
  { value: "M.D.", weight: 45 },
  { value: "MD", weight: 40 },
  { value: "M.D", weight: 3 },
  { value: "M.D., PH.D.", weight: 2 },
  { value: "MD, FACP", weight: 2 },
]);
const PHYSICIAN_DO = weightedPicker([
  { value: "D.O.", weight: 60 },
  { value: "DO", weight: 40 },
]);
const NURSE_PRACTITIONER = weightedPicker([
  { value: "NP", weight: 20 },
  { value: "FNP-C", weight: 20 },
  { value: "APRN", weight: 15 },
  { value: "FNP", weight: 10 },
  { value: "NP-C", weight: 10 },
  { value: "APRN, FNP-BC", weight: 10 },
  { value: "DNP, FNP-BC", weight: 5 },
]);
const PSYCH_NURSE_PRACTITIONER = weightedPicker([
  { value: "PMHNP-BC", weight: 60 },
  { value: "APRN, PMHNP", weight: 40 },
]);
const PHYSICIAN_ASSISTANT = weightedPicker([
  { value: "PA-C", weight: 65 },
  { value: "PA", weight: 20 },
  { value: "P.A.-C", weight: 8 },
  { value: "MPAS, PA-C", weight: 7 },
]);

export interface Credential {
  text: string;
  /** Open Payments' Covered_Recipient_Primary_Type_1. */
  recipientType: "Medical Doctor" | "Doctor of Osteopathy" | "Nurse Practitioner" | "Physician Assistant";
}

export function credentialFor(random: Random, clinician: Clinician, taxonomyCode: string): Credential {
  if (clinician === "np") {
    const picker = taxonomyCode === "363LP0808X" ? PSYCH_NURSE_PRACTITIONER : NURSE_PRACTITIONER;
    return { text: picker(random), recipientType: "Nurse Practitioner" };
  }
  if (clinician === "pa") return { text: PHYSICIAN_ASSISTANT(random), recipientType: "Physician Assistant" };
  // About one US physician in six is a DO.
  return random.chance(0.17)
    ? { text: PHYSICIAN_DO(random), recipientType: "Doctor of Osteopathy" }
    : { text: PHYSICIAN_MD(random), recipientType: "Medical Doctor" };
}

/** Ten digits, no punctuation (the NPPES form), in the fictional 555-0100..0199 block. */
export const fictionalPhone = (random: Random, areaCode: string): string =>
  `${areaCode}55501${String(random.int(0, 99)).padStart(2, "0")}`;
