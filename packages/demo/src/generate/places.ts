// Where a provider practises: 85% in the fixed metros (weighted by metro size, denser towards the centre),
// 15% on any real ZIP of the 50 states and DC. Addresses are synthetic streets on real city/state/ZIP.
import { type Faker } from "@faker-js/faker";

import { weightedPicker, type Random } from "../random";
import { type ZipCentroidValues } from "../reference-data/zip-centroids";
import { METROS, NATIONAL_AREA_CODES, NATIONAL_SPREAD, type Metro } from "./catalog/metros";
import { nationalZips, zipsByMetro } from "./geography";
import { fictionalPhone } from "./people";

export interface Place {
  centroid: ZipCentroidValues;
  metro: Metro | null;
}

export interface Address {
  line1: string;
  line2: string;
  city: string;
  state: string;
  /** 5 or 9 digits, no hyphen (the NPPES form). */
  postalCode: string;
  zip5: string;
  phone: string;
  fax: string;
}

export type PlacePicker = (random: Random) => Place;

export function createPlacePicker(centroids: readonly ZipCentroidValues[]): PlacePicker {
  const byMetro = zipsByMetro(centroids);
  const metroPickers = new Map(
    METROS.map((metro) => {
      const zips = byMetro.get(metro.key) ?? [];
      if (zips.length === 0) throw new Error(`no ZIP centroids near ${metro.name}`);
      // Practices cluster near the centre (hospitals, medical office buildings): decay with distance.
      const pick = weightedPicker(zips.map((z) => ({ value: z.centroid, weight: Math.exp(-z.miles / 12) })));
      return [metro.key, pick] as const;
    }),
  );
  const pickMetro = weightedPicker(METROS.map((metro) => ({ value: metro, weight: metro.weight })));
  const national = nationalZips(centroids, byMetro);
  return (random) => {
    if (random.chance(NATIONAL_SPREAD)) return { centroid: random.pick(national), metro: null };
    const metro = pickMetro(random);
    return { centroid: metroPickers.get(metro.key)!(random), metro };
  };
}

const SUITE_WORDS = ["SUITE", "STE", "SUITE", "FLOOR", "BLDG"] as const;

export function streetAddress(faker: Faker, random: Random, place: Place): Address {
  const areaCode = place.metro ? random.pick(place.metro.areaCodes) : random.pick(NATIONAL_AREA_CODES);
  const zip5 = place.centroid.zip;
  const withSuite = random.chance(0.4);
  return {
    line1: faker.location.streetAddress().toUpperCase(),
    line2: withSuite
      ? `${random.pick(SUITE_WORDS)} ${random.int(1, 9)}${random.int(0, 40).toString().padStart(2, "0")}`
      : "",
    city: place.centroid.city.toUpperCase(),
    state: place.centroid.state,
    // Most NPPES addresses carry ZIP+4; some only the 5-digit ZIP.
    postalCode: random.chance(0.65) ? `${zip5}${String(random.int(1, 9999)).padStart(4, "0")}` : zip5,
    zip5,
    phone: fictionalPhone(random, areaCode),
    fax: random.chance(0.7) ? fictionalPhone(random, areaCode) : "",
  };
}

/** Mailing address: usually the practice address, otherwise a PO box or billing office in the same ZIP. */
export function mailingAddress(faker: Faker, random: Random, place: Place, practice: Address): Address {
  const roll = random.next();
  if (roll < 0.75) return practice;
  if (roll < 0.87) return { ...practice, line1: `PO BOX ${random.int(100, 99999)}`, line2: "" };
  return { ...streetAddress(faker, random, place), phone: practice.phone, fax: practice.fax };
}
