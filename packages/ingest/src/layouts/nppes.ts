// NPPES NPI main file ("npidata_pfile"), V1 layout as published since 2025: 330 columns.
// Built from its repeating groups so the shape is visible; demo/src/layouts/layouts.test.ts pins it to the official
// header's digest.

export type NppesSlot = Slot15;
type Slot15 = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15;
const slots = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

const IDENTITY_AND_ADDRESSES = [
  "NPI",
  "Entity Type Code",
  "Replacement NPI",
  "Employer Identification Number (EIN)",
  "Provider Organization Name (Legal Business Name)",
  "Provider Last Name (Legal Name)",
  "Provider First Name",
  "Provider Middle Name",
  "Provider Name Prefix Text",
  "Provider Name Suffix Text",
  "Provider Credential Text",
  "Provider Other Organization Name",
  "Provider Other Organization Name Type Code",
  "Provider Other Last Name",
  "Provider Other First Name",
  "Provider Other Middle Name",
  "Provider Other Name Prefix Text",
  "Provider Other Name Suffix Text",
  "Provider Other Credential Text",
  "Provider Other Last Name Type Code",
  "Provider First Line Business Mailing Address",
  "Provider Second Line Business Mailing Address",
  "Provider Business Mailing Address City Name",
  "Provider Business Mailing Address State Name",
  "Provider Business Mailing Address Postal Code",
  "Provider Business Mailing Address Country Code (If outside U.S.)",
  "Provider Business Mailing Address Telephone Number",
  "Provider Business Mailing Address Fax Number",
  "Provider First Line Business Practice Location Address",
  "Provider Second Line Business Practice Location Address",
  "Provider Business Practice Location Address City Name",
  "Provider Business Practice Location Address State Name",
  "Provider Business Practice Location Address Postal Code",
  "Provider Business Practice Location Address Country Code (If outside U.S.)",
  "Provider Business Practice Location Address Telephone Number",
  "Provider Business Practice Location Address Fax Number",
  "Provider Enumeration Date",
  "Last Update Date",
  "NPI Deactivation Reason Code",
  "NPI Deactivation Date",
  "NPI Reactivation Date",
  "Provider Sex Code",
  "Authorized Official Last Name",
  "Authorized Official First Name",
  "Authorized Official Middle Name",
  "Authorized Official Title or Position",
  "Authorized Official Telephone Number",
] as const;

const taxonomySlot = (n: Slot15) =>
  [
    `Healthcare Provider Taxonomy Code_${n}`,
    `Provider License Number_${n}`,
    `Provider License Number State Code_${n}`,
    `Healthcare Provider Primary Taxonomy Switch_${n}`,
  ] as const;

// "Other Provider Identifier" groups 1–50 are legacy payer ids; the demo leaves them empty.
const otherIdentifierSlot = (n: number) => [
  `Other Provider Identifier_${n}`,
  `Other Provider Identifier Type Code_${n}`,
  `Other Provider Identifier State_${n}`,
  `Other Provider Identifier Issuer_${n}`,
];

const ORGANIZATION_TAIL = [
  "Is Sole Proprietor",
  "Is Organization Subpart",
  "Parent Organization LBN",
  "Parent Organization TIN",
  "Authorized Official Name Prefix Text",
  "Authorized Official Name Suffix Text",
  "Authorized Official Credential Text",
] as const;

export type NppesColumn =
  | (typeof IDENTITY_AND_ADDRESSES)[number]
  | ReturnType<typeof taxonomySlot>[number]
  | `Other Provider Identifier${"" | " Type Code" | " State" | " Issuer"}_${number}`
  | (typeof ORGANIZATION_TAIL)[number]
  | `Healthcare Provider Taxonomy Group_${Slot15}`
  | "Certification Date";

export const NPPES_HEADER: readonly NppesColumn[] = [
  ...IDENTITY_AND_ADDRESSES,
  ...(slots(15) as Slot15[]).flatMap(taxonomySlot),
  ...(slots(50).flatMap(otherIdentifierSlot) as NppesColumn[]),
  ...ORGANIZATION_TAIL,
  ...(slots(15) as Slot15[]).map((n) => `Healthcare Provider Taxonomy Group_${n}` as const),
  "Certification Date",
];

/** Taxonomy column names of one slot, for readers and writers. */
export const nppesTaxonomyColumns = (n: Slot15) => {
  const [code, license, licenseState, primarySwitch] = taxonomySlot(n);
  return { code, license, licenseState, primarySwitch };
};

export const NPPES_TAXONOMY_SLOTS = slots(15) as Slot15[];
