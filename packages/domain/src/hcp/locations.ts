// Where an HCP practises: the NPPES practice address plus the secondary practice locations, each placed on the map
// by its ZIP centroid (NPPES has no coordinates). An address whose ZIP is unknown is kept, just not mapped.
import { asc, eq } from "drizzle-orm";

import { npiPracticeLocation, zipCentroid, type Db } from "@pharmacrm/db";

export interface PracticeLocation {
  kind: "primary" | "secondary";
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  zip5: string | null;
  phone: string | null;
  /** Secondary locations only: ISO country of a foreign address. */
  countryCode: string | null;
  /** ZIP centroid; null when the ZIP is not in zip_centroid (or the address is foreign). */
  point: { lat: number; lng: number } | null;
}

interface PrimaryAddress {
  npi: string;
  practiceLine1: string | null;
  practiceLine2: string | null;
  practiceCity: string | null;
  practiceState: string | null;
  practicePostalCode: string | null;
  practiceZip5: string | null;
  practicePhone: string | null;
}

export async function practiceLocations(db: Db, hcp: PrimaryAddress): Promise<PracticeLocation[]> {
  const [primaryPoint, secondary] = await Promise.all([
    hcp.practiceZip5
      ? db
          .select({ lat: zipCentroid.lat, lng: zipCentroid.lng })
          .from(zipCentroid)
          .where(eq(zipCentroid.zip, hcp.practiceZip5))
          .limit(1)
      : Promise.resolve([]),
    db
      .select({
        line1: npiPracticeLocation.line1,
        line2: npiPracticeLocation.line2,
        city: npiPracticeLocation.city,
        state: npiPracticeLocation.state,
        postalCode: npiPracticeLocation.postalCode,
        zip5: npiPracticeLocation.zip5,
        phone: npiPracticeLocation.phone,
        countryCode: npiPracticeLocation.countryCode,
        lat: zipCentroid.lat,
        lng: zipCentroid.lng,
      })
      .from(npiPracticeLocation)
      .leftJoin(zipCentroid, eq(zipCentroid.zip, npiPracticeLocation.zip5))
      // Foreign addresses carry no zip5, so they are listed but never placed.
      .where(eq(npiPracticeLocation.npi, hcp.npi))
      .orderBy(asc(npiPracticeLocation.state), asc(npiPracticeLocation.city), asc(npiPracticeLocation.line1)),
  ]);

  const primary: PracticeLocation = {
    kind: "primary",
    line1: hcp.practiceLine1,
    line2: hcp.practiceLine2,
    city: hcp.practiceCity,
    state: hcp.practiceState,
    postalCode: hcp.practicePostalCode,
    zip5: hcp.practiceZip5,
    phone: hcp.practicePhone,
    countryCode: null,
    point: primaryPoint[0] ?? null,
  };
  return [
    primary,
    ...secondary.map(({ lat, lng, ...address }) => ({
      kind: "secondary" as const,
      ...address,
      point: lat != null && lng != null ? { lat, lng } : null,
    })),
  ];
}
