// Writes the NPPES weekly companion files from the practice sites: secondary practice locations (pl_pfile) and
// endpoints (endpoint_pfile), in the official layouts, every field quoted, rows in NPI order. Like the real weekly
// files, addresses are in mixed case (the main file is upper case); Direct addresses and FHIR URLs use the
// reserved .example domain, so no demo message can reach a real mailbox or server.
import { createCsvWriter } from "../csv/write-csv";
import {
  NPPES_ENDPOINT_HEADER,
  NPPES_PRACTICE_LOCATION_HEADER,
  toRow,
  type NppesEndpointColumn,
  type NppesPracticeLocationColumn,
  type PartialRecord,
} from "../layouts";
import { createRandom, type Random } from "../random";
import { type OrganizationHco } from "./organizations";
import { type Address } from "./places";
import { type HcpSites } from "./practice-sites";

/** The demo's weekly files cover the week ending on the main file's snapshot (Monday 2025-06-23 to Sunday 06-29). */
export const WEEKLY_FILE_WEEK = "20250623-20250629";
export const PRACTICE_LOCATION_FILE_NAME = `pl_pfile_${WEEKLY_FILE_WEEK}.csv`;
export const ENDPOINT_FILE_NAME = `endpoint_pfile_${WEEKLY_FILE_WEEK}.csv`;
export const WEEKLY_RELEASE = "2025-06-29 weekly (synthetic demo)";

/** "1200 MAIN ST" → "1200 Main St"; state codes stay upper case. */
const titleCase = (text: string) => text.toLowerCase().replace(/\b([a-z])/g, (letter) => letter.toUpperCase());

export async function writePracticeLocationsFile(file: string, sites: readonly HcpSites[]): Promise<number> {
  const writer = createCsvWriter(file, NPPES_PRACTICE_LOCATION_HEADER, { quoteAll: true });
  let rows = 0;
  for (const { hcp, locations } of sites) {
    for (const { address } of locations) {
      const record: PartialRecord<NppesPracticeLocationColumn> = {
        NPI: hcp.npi,
        "Provider Secondary Practice Location Address- Address Line 1": titleCase(address.line1),
        "Provider Secondary Practice Location Address-  Address Line 2": titleCase(address.line2),
        "Provider Secondary Practice Location Address - City Name": titleCase(address.city),
        "Provider Secondary Practice Location Address - State Name": address.state,
        "Provider Secondary Practice Location Address - Postal Code": address.postalCode,
        "Provider Secondary Practice Location Address - Country Code (If outside U.S.)": "US",
        "Provider Secondary Practice Location Address - Telephone Number": address.phone,
        "Provider Practice Location Address - Fax Number": address.fax,
      };
      await writer.write(toRow(NPPES_PRACTICE_LOCATION_HEADER, record));
      rows++;
    }
  }
  await writer.close();
  return rows;
}

type EndpointRecord = PartialRecord<NppesEndpointColumn>;

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/\b(inc|llc|pllc|p\.?c|the)\b/g, "")
    .replace(/[^a-z0-9]+/g, "")
    .slice(0, 28);

const ENDPOINT_KINDS = {
  DIRECT: "Direct Messaging Address",
  FHIR: "FHIR URL",
} as const;

/** Use and content columns are often blank in the real file; otherwise one of its common pairs. */
function useAndContent(random: Random, type: keyof typeof ENDPOINT_KINDS): EndpointRecord {
  const use = random.next();
  const content = random.next();
  return {
    ...(use < 0.35
      ? { "Use Code": "DIRECT", "Use Description": "Direct" }
      : use < 0.45
        ? { "Use Code": "HIE", "Use Description": "Health Information Exchange (HIE)" }
        : {}),
    ...(type === "FHIR"
      ? {
          "Content Type": "OTHER",
          "Content Description": "Other",
          "Other Content Description": "Application Programming Interface",
        }
      : content < 0.25
        ? { "Content Type": "CSV", "Content Description": "CSV" }
        : content < 0.4
          ? {
              "Content Type": "OTHER",
              "Content Description": "Other",
              "Other Content Description": "Electronic Health Record",
            }
          : {}),
  };
}

function endpointRecord(
  random: Random,
  npi: string,
  type: keyof typeof ENDPOINT_KINDS,
  endpoint: string,
  at: Address,
  affiliation: OrganizationHco | null,
): EndpointRecord {
  return {
    NPI: npi,
    "Endpoint Type": type,
    "Endpoint Type Description": ENDPOINT_KINDS[type],
    Endpoint: endpoint,
    Affiliation: affiliation ? "Y" : "N",
    "Endpoint Description": random.chance(0.2) ? (type === "FHIR" ? "EHR FHIR endpoint" : "Direct Messaging") : "",
    // The organisation's legal name exactly as NPPES lists it, so the affiliation joins to the organisation.
    "Affiliation Legal Business Name": affiliation?.name ?? "",
    ...useAndContent(random, type),
    "Affiliation Address Line One": titleCase(at.line1),
    "Affiliation Address Line Two": titleCase(at.line2),
    "Affiliation Address City": titleCase(at.city),
    "Affiliation Address State": at.state,
    "Affiliation Address Country": "US",
    "Affiliation Address Postal Code": at.postalCode,
  };
}

/** Endpoints of individuals (Direct addresses, some with their organisation's FHIR URL) and of organisations. */
export function endpointRecords(
  sites: readonly HcpSites[],
  organizations: readonly OrganizationHco[],
  seed: number,
): EndpointRecord[] {
  const random = createRandom(seed, "endpoints");
  const records: EndpointRecord[] = [];
  for (const { hcp, direct, endpointHco } of sites) {
    if (!direct) continue;
    const mailbox = `${hcp.name.first.charAt(0)}${hcp.name.last}`.toLowerCase().replace(/[^a-z]/g, "");
    if (endpointHco) {
      const domain = `direct.${slug(endpointHco.name)}.example`;
      records.push(
        endpointRecord(
          random,
          hcp.npi,
          "DIRECT",
          `${mailbox}${random.int(10, 9999)}@${domain}`,
          endpointHco.practice,
          endpointHco,
        ),
      );
      if (random.chance(0.3))
        records.push(
          endpointRecord(
            random,
            hcp.npi,
            "FHIR",
            `https://fhir.${slug(endpointHco.name)}.example/api/FHIR/R4/`,
            endpointHco.practice,
            endpointHco,
          ),
        );
    } else {
      records.push(
        endpointRecord(
          random,
          hcp.npi,
          "DIRECT",
          `${mailbox}${random.int(10, 99999)}@direct-ci.example`,
          hcp.practice,
          null,
        ),
      );
    }
  }
  for (const hco of organizations) {
    if (random.chance(0.35))
      records.push(
        endpointRecord(random, hco.npi, "DIRECT", `records@direct.${slug(hco.name)}.example`, hco.practice, null),
      );
    if (random.chance(0.2))
      records.push(
        endpointRecord(
          random,
          hco.npi,
          "FHIR",
          `https://fhir.${slug(hco.name)}.example/api/FHIR/R4/`,
          hco.practice,
          null,
        ),
      );
  }
  // Stable sort: an NPI's rows keep their order.
  return records.sort((a, b) => a.NPI!.localeCompare(b.NPI!));
}

export async function writeEndpointsFile(file: string, records: readonly EndpointRecord[]): Promise<number> {
  const writer = createCsvWriter(file, NPPES_ENDPOINT_HEADER, { quoteAll: true });
  for (const record of records) await writer.write(toRow(NPPES_ENDPOINT_HEADER, record));
  await writer.close();
  return records.length;
}
