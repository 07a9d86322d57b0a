// Writes the demo population as an NPPES main file: official 330-column header, every field quoted.
import { createCsvWriter } from "../csv/write-csv";
import {
  NPPES_HEADER,
  nppesTaxonomyColumns,
  toRow,
  type NppesColumn,
  type NppesSlot,
  type PartialRecord,
} from "../layouts";
import { usDate } from "./dates";
import { type IndividualHcp } from "./individuals";
import { type OrganizationHco } from "./organizations";
import { type Address } from "./places";
import { type NppesEntity } from "./world";

type NppesRecord = PartialRecord<NppesColumn>;

function addressColumns(mailing: Address, practice: Address): NppesRecord {
  return {
    "Provider First Line Business Mailing Address": mailing.line1,
    "Provider Second Line Business Mailing Address": mailing.line2,
    "Provider Business Mailing Address City Name": mailing.city,
    "Provider Business Mailing Address State Name": mailing.state,
    "Provider Business Mailing Address Postal Code": mailing.postalCode,
    "Provider Business Mailing Address Country Code (If outside U.S.)": "US",
    "Provider Business Mailing Address Telephone Number": mailing.phone,
    "Provider Business Mailing Address Fax Number": mailing.fax,
    "Provider First Line Business Practice Location Address": practice.line1,
    "Provider Second Line Business Practice Location Address": practice.line2,
    "Provider Business Practice Location Address City Name": practice.city,
    "Provider Business Practice Location Address State Name": practice.state,
    "Provider Business Practice Location Address Postal Code": practice.postalCode,
    "Provider Business Practice Location Address Country Code (If outside U.S.)": "US",
    "Provider Business Practice Location Address Telephone Number": practice.phone,
    "Provider Business Practice Location Address Fax Number": practice.fax,
  };
}

function individualRecord(hcp: IndividualHcp): NppesRecord {
  const record: NppesRecord = {
    NPI: hcp.npi,
    "Entity Type Code": "1",
    "Provider Last Name (Legal Name)": hcp.name.last,
    "Provider First Name": hcp.name.first,
    "Provider Middle Name": hcp.name.middle,
    "Provider Name Prefix Text": hcp.name.prefix,
    "Provider Name Suffix Text": hcp.name.suffix,
    "Provider Credential Text": hcp.credential.text,
    ...addressColumns(hcp.mailing, hcp.practice),
    "Provider Enumeration Date": usDate(hcp.enumerationDay),
    "Last Update Date": usDate(hcp.lastUpdateDay),
    "Provider Sex Code": hcp.name.sex,
    "Is Sole Proprietor": hcp.soleProprietor,
    "Certification Date": hcp.certificationDay === null ? "" : usDate(hcp.certificationDay),
  };
  hcp.taxonomies.forEach((slot, index) => {
    const columns = nppesTaxonomyColumns((index + 1) as NppesSlot);
    record[columns.code] = slot.code;
    record[columns.license] = slot.license;
    record[columns.licenseState] = slot.licenseState;
    record[columns.primarySwitch] = slot.primary ? "Y" : "N";
  });
  return record;
}

function organizationRecord(hco: OrganizationHco): NppesRecord {
  const slot = nppesTaxonomyColumns(1);
  return {
    NPI: hco.npi,
    "Entity Type Code": "2",
    // NPPES withholds organisations' EINs from the public file.
    "Employer Identification Number (EIN)": "<UNAVAIL>",
    "Provider Organization Name (Legal Business Name)": hco.name,
    ...addressColumns(hco.mailing, hco.practice),
    "Provider Enumeration Date": usDate(hco.enumerationDay),
    "Last Update Date": usDate(hco.lastUpdateDay),
    "Authorized Official Last Name": hco.official.last,
    "Authorized Official First Name": hco.official.first,
    "Authorized Official Middle Name": hco.official.middle,
    "Authorized Official Title or Position": hco.official.title,
    "Authorized Official Telephone Number": hco.official.phone,
    "Authorized Official Name Prefix Text": hco.official.prefix,
    [slot.code]: hco.taxonomyCode,
    [slot.license]: hco.license,
    [slot.licenseState]: hco.practice.state,
    [slot.primarySwitch]: "Y",
    "Is Organization Subpart": hco.subpart,
  };
}

export function nppesRecord(entity: NppesEntity): NppesRecord {
  switch (entity.kind) {
    case "individual":
      return individualRecord(entity);
    case "organization":
      return organizationRecord(entity);
    case "deactivated":
      // The public file keeps only the NPI and the deactivation date of a deactivated NPI.
      return { NPI: entity.npi, "NPI Deactivation Date": usDate(entity.deactivationDay) };
  }
}

export async function writeNppesFile(file: string, entities: Iterable<NppesEntity>): Promise<number> {
  const writer = createCsvWriter(file, NPPES_HEADER, { quoteAll: true });
  let rows = 0;
  for (const entity of entities) {
    await writer.write(toRow(NPPES_HEADER, nppesRecord(entity)));
    rows++;
  }
  await writer.close();
  return rows;
}
