// NPPES main-file record → hcp / hco / hcp_taxonomy values, by header name. Pure, so the future NPPES
// ingestion pipeline can reuse it unchanged.
import { type hco, type hcp, type hcpTaxonomy } from "@pharmacrm/db";
import { NPPES_TAXONOMY_SLOTS, nppesTaxonomyColumns } from "../layouts";
import { isValidNpi } from "../generate/npi";
import { type CsvRecord } from "../csv/read-csv";
import { digits, isoDate, postalCode, text } from "./fields";

export type HcpValues = typeof hcp.$inferInsert;
export type HcoValues = typeof hco.$inferInsert;
export type HcpTaxonomyValues = typeof hcpTaxonomy.$inferInsert;

export type NppesMapped =
  | { kind: "hcp"; hcp: HcpValues; taxonomies: HcpTaxonomyValues[] }
  | { kind: "hco"; hco: HcoValues }
  | { kind: "quarantine"; reason: string };

/** Where a ZIP's centroid is; undefined for ZIPs the centroid file does not know. */
export type CentroidLookup = (zip5: string) => { lat: number; lng: number } | undefined;

export const NPPES_REQUIRED_COLUMNS = [
  "NPI",
  "Entity Type Code",
  "Provider Last Name (Legal Name)",
  "Provider Organization Name (Legal Business Name)",
  "Provider Business Practice Location Address Postal Code",
  "NPI Deactivation Date",
  "Healthcare Provider Taxonomy Code_1",
];

function practice(record: CsvRecord, centroidOf: CentroidLookup) {
  const zip = postalCode(record["Provider Business Practice Location Address Postal Code"]);
  const centroid = zip ? centroidOf(zip.zip5) : undefined;
  return {
    practiceLine1: text(record["Provider First Line Business Practice Location Address"]),
    practiceLine2: text(record["Provider Second Line Business Practice Location Address"]),
    practiceCity: text(record["Provider Business Practice Location Address City Name"]),
    practiceState: text(record["Provider Business Practice Location Address State Name"])?.slice(0, 2) ?? null,
    practicePostalCode: zip?.postalCode ?? null,
    practiceZip5: zip?.zip5 ?? null,
    practicePhone: digits(record["Provider Business Practice Location Address Telephone Number"]),
    lat: centroid?.lat ?? null,
    lng: centroid?.lng ?? null,
  };
}

function mailing(record: CsvRecord) {
  const zip = postalCode(record["Provider Business Mailing Address Postal Code"]);
  return {
    mailingLine1: text(record["Provider First Line Business Mailing Address"]),
    mailingLine2: text(record["Provider Second Line Business Mailing Address"]),
    mailingCity: text(record["Provider Business Mailing Address City Name"]),
    mailingState: text(record["Provider Business Mailing Address State Name"])?.slice(0, 2) ?? null,
    mailingPostalCode: zip?.postalCode ?? null,
    mailingZip5: zip?.zip5 ?? null,
    mailingPhone: digits(record["Provider Business Mailing Address Telephone Number"]),
  };
}

export function taxonomySlotsOf(record: CsvRecord, npi: string): HcpTaxonomyValues[] {
  const slots: HcpTaxonomyValues[] = [];
  for (const slot of NPPES_TAXONOMY_SLOTS) {
    const columns = nppesTaxonomyColumns(slot);
    const code = text(record[columns.code]);
    if (!code) continue;
    slots.push({
      npi,
      slot,
      code,
      licenseNumber: text(record[columns.license]),
      licenseState: text(record[columns.licenseState])?.slice(0, 2) ?? null,
      isPrimary: text(record[columns.primarySwitch]) === "Y",
    });
  }
  return slots;
}

const primaryCode = (slots: HcpTaxonomyValues[]): string | null => (slots.find((s) => s.isPrimary) ?? slots[0])?.code ?? null;

export function mapNppesRecord(record: CsvRecord, centroidOf: CentroidLookup): NppesMapped {
  const npi = digits(record["NPI"]);
  if (!npi || !isValidNpi(npi)) return { kind: "quarantine", reason: "invalid NPI" };
  const entityType = digits(record["Entity Type Code"]);
  const deactivationDate = isoDate(record["NPI Deactivation Date"]);

  if (entityType === null) {
    // Deactivated NPIs keep only their number and dates; they stay in hcp so history can still resolve them.
    if (!deactivationDate) return { kind: "quarantine", reason: "no entity type and not deactivated" };
    return {
      kind: "hcp",
      hcp: { npi, entityType: null, deactivationDate, reactivationDate: isoDate(record["NPI Reactivation Date"]) },
      taxonomies: [],
    };
  }

  const taxonomies = taxonomySlotsOf(record, npi);
  if (entityType === "2") {
    const official = [record["Authorized Official First Name"], record["Authorized Official Last Name"]].map(text).filter(Boolean).join(" ");
    const title = text(record["Authorized Official Title or Position"]);
    const name = text(record["Provider Organization Name (Legal Business Name)"]);
    if (!name) return { kind: "quarantine", reason: "organisation without a name" };
    const { practiceLine1, practiceLine2, practiceCity, practiceState, practicePostalCode, practiceZip5, practicePhone, lat, lng } =
      practice(record, centroidOf);
    return {
      kind: "hco",
      hco: {
        npi,
        name,
        otherName: text(record["Provider Other Organization Name"]),
        primaryTaxonomyCode: primaryCode(taxonomies),
        practiceLine1,
        practiceLine2,
        practiceCity,
        practiceState,
        practicePostalCode,
        practiceZip5,
        practicePhone,
        authorizedOfficial: official ? (title ? `${official}, ${title}` : official) : null,
        enumerationDate: isoDate(record["Provider Enumeration Date"]),
        deactivationDate,
        lat,
        lng,
      },
    };
  }
  if (entityType !== "1") return { kind: "quarantine", reason: `unknown entity type ${entityType}` };

  return {
    kind: "hcp",
    hcp: {
      npi,
      entityType: 1,
      lastName: text(record["Provider Last Name (Legal Name)"]),
      firstName: text(record["Provider First Name"]),
      middleName: text(record["Provider Middle Name"]),
      namePrefix: text(record["Provider Name Prefix Text"]),
      nameSuffix: text(record["Provider Name Suffix Text"]),
      credential: text(record["Provider Credential Text"]),
      // The 2017 layout called it "Provider Gender Code".
      sex: text(record["Provider Sex Code"] ?? record["Provider Gender Code"])?.slice(0, 1) ?? null,
      enumerationDate: isoDate(record["Provider Enumeration Date"]),
      lastUpdateDate: isoDate(record["Last Update Date"]),
      deactivationDate,
      reactivationDate: isoDate(record["NPI Reactivation Date"]),
      primaryTaxonomyCode: primaryCode(taxonomies),
      ...practice(record, centroidOf),
      ...mailing(record),
    },
    taxonomies,
  };
}
