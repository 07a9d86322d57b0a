// The NPPES weekly companion files' layouts (practice locations, endpoints), as CMS publishes them. The ingest
// pipelines map these columns by name; the generator writes them in this order. Note the genuine double space in
// "Address-  Address Line 2" and the fax column's different prefix: both are in the official header.
const LOCATION = "Provider Secondary Practice Location Address";

export const NPPES_PRACTICE_LOCATION_HEADER = [
  "NPI",
  `${LOCATION}- Address Line 1`,
  `${LOCATION}-  Address Line 2`,
  `${LOCATION} - City Name`,
  `${LOCATION} - State Name`,
  `${LOCATION} - Postal Code`,
  `${LOCATION} - Country Code (If outside U.S.)`,
  `${LOCATION} - Telephone Number`,
  `${LOCATION} - Telephone Extension`,
  "Provider Practice Location Address - Fax Number",
] as const;

export type NppesPracticeLocationColumn = (typeof NPPES_PRACTICE_LOCATION_HEADER)[number];

export const NPPES_ENDPOINT_HEADER = [
  "NPI",
  "Endpoint Type",
  "Endpoint Type Description",
  "Endpoint",
  "Affiliation",
  "Endpoint Description",
  "Affiliation Legal Business Name",
  "Use Code",
  "Use Description",
  "Other Use Description",
  "Content Type",
  "Content Description",
  "Other Content Description",
  "Affiliation Address Line One",
  "Affiliation Address Line Two",
  "Affiliation Address City",
  "Affiliation Address State",
  "Affiliation Address Country",
  "Affiliation Address Postal Code",
] as const;

export type NppesEndpointColumn = (typeof NPPES_ENDPOINT_HEADER)[number];
