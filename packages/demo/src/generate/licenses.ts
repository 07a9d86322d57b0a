// State licence numbers in the rough shape each board issues them; the demo only needs them to look plausible.
import { type Random } from "../random";
import { type Clinician } from "./catalog/specialties";

const PHYSICIAN_PREFIX: Readonly<Record<string, readonly string[]>> = {
  CA: ["A", "G", "C"],
  FL: ["ME"],
  TX: ["N", "P", "Q", "R"],
  PA: ["MD"],
  WA: ["MD", "MD60"],
  IL: ["036."],
};

const digits = (random: Random, length: number): string =>
  Array.from({ length }, (_, i) => String(i === 0 ? random.int(1, 9) : random.int(0, 9))).join("");

export function licenseNumber(random: Random, state: string, clinician: Clinician): string {
  if (clinician === "np") return random.chance(0.5) ? `APRN${digits(random, 6)}` : digits(random, random.int(5, 7));
  if (clinician === "pa") return random.chance(0.6) ? `PA${digits(random, 5)}` : digits(random, 6);
  const prefixes = PHYSICIAN_PREFIX[state];
  const prefix = prefixes ? random.pick(prefixes) : "";
  return `${prefix}${digits(random, random.int(5, 6))}`;
}

/** A second licence is usually from a neighbouring market; any state is plausible enough for the demo. */
export const OTHER_LICENSE_STATES = [
  "CT",
  "NJ",
  "NH",
  "RI",
  "DE",
  "MD",
  "NV",
  "OR",
  "FL",
  "IN",
  "WI",
  "AZ",
  "CO",
  "VA",
] as const;
