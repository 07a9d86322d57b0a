// Synthetic NPPES main files for the benchmark: the official 330-column header, every field quoted like the real
// file, unique valid NPIs, and the full file's proportions: ~77% individuals (most with one taxonomy slot, 1.35 on
// average, as in the CMS sample), ~20% organisations, ~3% deactivated stubs. Deterministic for a given row count,
// streamed to disk at constant memory.
import { once } from "node:events";
import { createWriteStream } from "node:fs";

import { npiCheckDigit } from "../fields/npi";
import { NPPES_HEADER, nppesTaxonomyColumns, type NppesColumn, type NppesSlot } from "../layouts/nppes";

// Names, cities and ZIPs varied enough for the indexes to see real-world cardinality (tens of thousands of names).
const STEMS = [
  "SMITH",
  "JOHN",
  "WILL",
  "BROWN",
  "JON",
  "GARC",
  "MILL",
  "DAV",
  "RODR",
  "MART",
  "HERN",
  "LOP",
  "NGUY",
  "PAT",
  "KIM",
  "O'BRI",
  "MUEL",
  "COH",
  "ANDER",
  "THOMP",
  "WHIT",
  "HARR",
  "CLARK",
  "LEW",
  "ROBIN",
  "WALK",
  "YOUNG",
  "ALL",
  "KING",
  "WRIGHT",
  "SCOT",
  "TORR",
  "NGO",
  "HILL",
  "FLOR",
  "GREEN",
  "ADAM",
  "NELS",
  "BAK",
  "HALL",
];
const ENDINGS = [
  "",
  "SON",
  "ER",
  "EZ",
  "S",
  "MAN",
  "ON",
  "ELLI",
  "SKI",
  "OVA",
  "INE",
  "ETTE",
  "ARD",
  "LEY",
  "TON",
  "BERG",
  "STEIN",
  "AKI",
  "ESCU",
  "IAN",
];
const GIVEN = [
  "JAMES",
  "MARY",
  "ROBERT",
  "PATRICIA",
  "JOHN",
  "JENNIFER",
  "MICHAEL",
  "LINDA",
  "DAVID",
  "ELIZABETH",
  "PRIYA",
  "WEI",
  "FATIMA",
  "CARLOS",
  "AMIR",
  "SOFIA",
  "KWAME",
  "YUKI",
  "OLGA",
  "RAHUL",
];
const GIVEN_ENDINGS = ["", "A", "E", "IE", "O", "AN", "EL", "INA"];
const CITY_STEMS = [
  "SPRING",
  "RIVER",
  "OAK",
  "MAPLE",
  "CEDAR",
  "LAKE",
  "HILL",
  "FAIR",
  "GREEN",
  "WEST",
  "NORTH",
  "EAST",
  "SOUTH",
  "ASH",
  "PINE",
  "ROCK",
  "SILVER",
  "CLEAR",
  "MILL",
  "BRIDGE",
];
const CITY_ENDINGS = ["FIELD", "VILLE", "TON", " CITY", "WOOD", " FALLS", "PORT", "DALE", "BURG", " HEIGHTS"];
const STATES = [
  "AL",
  "AZ",
  "CA",
  "CO",
  "CT",
  "FL",
  "GA",
  "IL",
  "IN",
  "KY",
  "MA",
  "MD",
  "MI",
  "MN",
  "MO",
  "NC",
  "NJ",
  "NY",
  "OH",
  "OR",
  "PA",
  "SC",
  "TN",
  "TX",
  "VA",
  "WA",
  "WI",
];
const CREDENTIALS = ["MD", "M.D.", "DO", "NP", "PA-C", "DDS", "PHARMD", "RN"];
const STREETS = ["MAIN ST", "OAK AVE", "PARK BLVD", "MEDICAL CENTER DR", "HOSPITAL RD", "ELM ST", "WASHINGTON AVE"];
const TAXONOMIES = [
  "207R00000X",
  "207Q00000X",
  "208D00000X",
  "363L00000X",
  "363A00000X",
  "207RC0000X",
  "2084P0800X",
  "1223G0001X",
  "183500000X",
];
const ORG_TAXONOMIES = ["282N00000X", "261QP2300X", "332B00000X", "193200000X"];
const ORG_WORDS = ["COMMUNITY", "REGIONAL", "FAMILY", "VALLEY", "SUMMIT", "RIVERSIDE"];
const ORG_KINDS = ["HEALTH SYSTEM", "MEDICAL GROUP", "CLINIC LLC", "PHARMACY INC", "HOSPITAL"];

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const position = new Map<NppesColumn, number>(NPPES_HEADER.map((name, i) => [name, i]));
const at = (name: NppesColumn) => position.get(name)!;
const quoted = (fields: readonly string[]) => `"${fields.map((f) => f.replace(/"/g, '""')).join('","')}"\n`;

/** Unique valid NPIs: 9-digit bases walked with a stride coprime to 10^8, plus the check digit. */
function syntheticNpi(i: number): string {
  const base = `1${String((i * 7_368_787 + 12_345) % 100_000_000).padStart(8, "0")}`;
  return `${base}${npiCheckDigit(base)}`;
}

function usDate(pick: () => number, from: number, to: number): string {
  const year = from + Math.floor(pick() * (to - from + 1));
  const month = 1 + Math.floor(pick() * 12);
  const day = 1 + Math.floor(pick() * 28);
  return `${String(month).padStart(2, "0")}/${String(day).padStart(2, "0")}/${year}`;
}

export function syntheticNppesRow(i: number): string[] {
  const pick = random(i + 1);
  const choose = <T>(list: readonly T[]) => list[Math.floor(pick() * list.length)]!;
  const lastName = () => `${choose(STEMS)}${choose(ENDINGS)}${pick() < 0.1 ? `-${choose(STEMS)}` : ""}`;
  const givenName = () => `${choose(GIVEN)}${choose(GIVEN_ENDINGS)}`;
  const row: string[] = new Array<string>(NPPES_HEADER.length).fill("");
  row[at("NPI")] = syntheticNpi(i);
  const kind = pick();
  if (kind < 0.03) {
    row[at("NPI Deactivation Date")] = usDate(pick, 2010, 2024);
    return row;
  }
  const city = `${choose(CITY_STEMS)}${choose(CITY_ENDINGS)}`;
  const state = choose(STATES);
  const zip = String(1000 + Math.floor(pick() * 98_000)).padStart(5, "0");
  const address = `${1 + Math.floor(pick() * 9000)} ${choose(STREETS)}`;
  const postal = `${zip}${String(Math.floor(pick() * 10000)).padStart(4, "0")}`;
  const phone = `${200 + Math.floor(pick() * 700)}555${String(Math.floor(pick() * 10000)).padStart(4, "0")}`;
  for (const prefix of ["Mailing", "Practice Location"] as const) {
    row[
      at(
        prefix === "Mailing"
          ? "Provider First Line Business Mailing Address"
          : "Provider First Line Business Practice Location Address",
      )
    ] = address;
    row[at(`Provider Business ${prefix} Address City Name`)] = city;
    row[at(`Provider Business ${prefix} Address State Name`)] = state;
    row[at(`Provider Business ${prefix} Address Postal Code`)] = postal;
    row[at(`Provider Business ${prefix} Address Country Code (If outside U.S.)`)] = "US";
    row[at(`Provider Business ${prefix} Address Telephone Number`)] = phone;
  }
  row[at("Provider Enumeration Date")] = usDate(pick, 2005, 2015);
  row[at("Last Update Date")] = usDate(pick, 2016, 2025);
  if (kind < 0.23) {
    row[at("Entity Type Code")] = "2";
    row[at("Provider Organization Name (Legal Business Name)")] =
      `${choose(ORG_WORDS)} ${lastName()} ${choose(ORG_KINDS)}`;
    row[at("Employer Identification Number (EIN)")] = "<UNAVAIL>";
    row[at("Authorized Official Last Name")] = lastName();
    row[at("Authorized Official First Name")] = givenName();
    row[at("Authorized Official Title or Position")] = "CEO";
    row[at("Authorized Official Telephone Number")] = phone;
    const slot = nppesTaxonomyColumns(1);
    row[at(slot.code)] = choose(ORG_TAXONOMIES);
    row[at(slot.primarySwitch)] = "Y";
    return row;
  }
  row[at("Entity Type Code")] = "1";
  row[at("Provider Last Name (Legal Name)")] = lastName();
  row[at("Provider First Name")] = givenName();
  row[at("Provider Middle Name")] = pick() < 0.5 ? givenName() : "";
  row[at("Provider Credential Text")] = choose(CREDENTIALS);
  row[at("Provider Sex Code")] = pick() < 0.5 ? "F" : "M";
  row[at("Is Sole Proprietor")] = pick() < 0.2 ? "Y" : "N";
  const spread = pick();
  const slots = spread < 0.75 ? 1 : spread < 0.93 ? 2 : spread < 0.98 ? 3 : 4;
  for (let n = 1; n <= slots; n++) {
    const slot = nppesTaxonomyColumns(n as NppesSlot);
    row[at(slot.code)] = choose(TAXONOMIES);
    row[at(slot.license)] = `L${Math.floor(pick() * 1_000_000)}`;
    row[at(slot.licenseState)] = state;
    row[at(slot.primarySwitch)] = n === 1 ? "Y" : "N";
  }
  return row;
}

/** Writes `rows` synthetic rows after the official header. */
export async function writeSyntheticNppesFile(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  out.write(quoted(NPPES_HEADER));
  let buffer = "";
  for (let i = 0; i < rows; i++) {
    buffer += quoted(syntheticNppesRow(i));
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}
