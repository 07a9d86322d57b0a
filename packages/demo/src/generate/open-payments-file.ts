// Writes Open Payments general-payment files (one per program year) in the official 91-column layout:
// manufacturers pay the HCPs who write their brands, mostly meals, sometimes speaker or consulting fees,
// plus a few payments to teaching hospitals (which have no NPI in this file).
import { join } from "node:path";

import { createCsvWriter } from "../csv/write-csv";
import { OPEN_PAYMENTS_HEADER, toRow, type OpenPaymentsColumn, type PartialRecord } from "../layouts";
import { createRandom, type Random } from "../random";
import { type TaxonomyValues } from "../reference-data/nucc";
import { DRUGS, type Drug, type DrugKey } from "./catalog/drugs";
import { manufacturer } from "./catalog/manufacturers";
import { paymentAmount, pickNature, TRAVEL_DESTINATIONS } from "./catalog/payment-natures";
import { dayOf, usDate } from "./dates";
import { type IndividualHcp } from "./individuals";
import { type OrganizationHco } from "./organizations";
import { type Address } from "./places";

export const OPEN_PAYMENTS_YEARS = [2023, 2024] as const;
export const openPaymentsFileName = (year: number) => `OP_DTL_GNRL_PGYR${year}_demo.csv`;

type PaymentRecord = PartialRecord<OpenPaymentsColumn>;

const BIOLOGICS = new Set<DrugKey>(["dupixent", "humira"]);
const RECIPIENT_SHARE = { physician: 0.45, np: 0.25, pa: 0.2 } as const;
/** Products behind teaching-hospital payments (research and education support). */
const HOSPITAL_PRODUCTS: readonly DrugKey[] = ["eliquis", "entresto", "ibrance", "xtandi", "dupixent"];
/** Payers of payments not tied to a product (disease-state education, general meals). */
const UNBRANDED_PAYERS = ["Pfizer Inc.", "AbbVie Inc.", "Eli Lilly and Company", "AstraZeneca Pharmaceuticals LP"];

/** ZIP+4 appears with its hyphen in Open Payments. */
const zipForPayments = (address: Address) =>
  address.postalCode.length === 9
    ? `${address.postalCode.slice(0, 5)}-${address.postalCode.slice(5)}`
    : address.postalCode;

function addressColumns(address: Address): PaymentRecord {
  return {
    Recipient_Primary_Business_Street_Address_Line1: address.line1,
    Recipient_Primary_Business_Street_Address_Line2: address.line2,
    Recipient_City: address.city,
    Recipient_State: address.state,
    Recipient_Zip_Code: zipForPayments(address),
    Recipient_Country: "United States",
  };
}

function paymentColumns(
  random: Random,
  year: number,
  drugKey: DrugKey | undefined,
  manufacturerName: string,
): PaymentRecord {
  const payer = manufacturer(manufacturerName);
  const nature = pickNature(random);
  const travel = nature.nature === "Travel and Lodging" ? random.pick(TRAVEL_DESTINATIONS) : undefined;
  const drug: Drug | undefined = drugKey ? DRUGS[drugKey] : undefined;
  const day = random.int(dayOf(`${year}-01-01`), dayOf(`${year}-12-31`));
  const productColumns: PaymentRecord =
    drugKey && drug
      ? {
          Related_Product_Indicator: "Yes",
          Covered_or_Noncovered_Indicator_1: "Covered",
          Indicate_Drug_or_Biological_or_Device_or_Medical_Supply_1: BIOLOGICS.has(drugKey) ? "Biological" : "Drug",
          Product_Category_or_Therapeutic_Area_1: drug.area,
          Name_of_Drug_or_Biological_or_Device_or_Medical_Supply_1: drug.paymentName ?? drug.brand,
        }
      : { Related_Product_Indicator: "No" };
  return {
    Change_Type: random.chance(0.96) ? "UNCHANGED" : random.pick(["CHANGED", "ADDED"]),
    Submitting_Applicable_Manufacturer_or_Applicable_GPO_Name: payer.name,
    Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_ID: payer.id,
    Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name: payer.name,
    Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_State: payer.state,
    Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Country: payer.country,
    Total_Amount_of_Payment_USDollars: paymentAmount(random, nature).toFixed(2),
    Date_of_Payment: usDate(day),
    Number_of_Payments_Included_in_Total_Amount: "1",
    Form_of_Payment_or_Transfer_of_Value: nature.form,
    Nature_of_Payment_or_Transfer_of_Value: nature.nature,
    City_of_Travel: travel?.[0] ?? "",
    State_of_Travel: travel?.[1] ?? "",
    Country_of_Travel: travel ? "United States" : "",
    Third_Party_Payment_Recipient_Indicator: "No Third Party Payment",
    Delay_in_Publication_Indicator: "No",
    Dispute_Status_for_Publication: random.chance(0.005) ? "Yes" : "No",
    ...productColumns,
    Program_Year: String(year),
    // Each program year is first published on June 30 of the following year.
    Payment_Publication_Date: `06/30/${year + 1}`,
  };
}

function recipientColumns(hcp: IndividualHcp, nucc: ReadonlyMap<string, TaxonomyValues>): PaymentRecord {
  const primary = hcp.taxonomies.find((slot) => slot.primary) ?? hcp.taxonomies[0]!;
  const taxonomy = nucc.get(primary.code);
  const specialty = taxonomy
    ? [taxonomy.grouping, taxonomy.classification, taxonomy.specialization].filter(Boolean).join("|")
    : "";
  const licenseStates = [...new Set(hcp.taxonomies.map((slot) => slot.licenseState))];
  return {
    Covered_Recipient_Type:
      hcp.specialty.clinician === "physician"
        ? "Covered Recipient Physician"
        : "Covered Recipient Non-Physician Practitioner",
    // Profile IDs are stable per recipient; deriving them from the NPI's unique digits keeps them unique.
    Covered_Recipient_Profile_ID: String(1_000_000 + Number(hcp.npi.slice(2, 9))),
    Covered_Recipient_NPI: hcp.npi,
    Covered_Recipient_First_Name: hcp.name.first,
    Covered_Recipient_Middle_Name: hcp.name.middle,
    Covered_Recipient_Last_Name: hcp.name.last,
    Covered_Recipient_Name_Suffix: hcp.name.suffix,
    ...addressColumns(hcp.practice),
    Covered_Recipient_Primary_Type_1: hcp.credential.recipientType,
    Covered_Recipient_Specialty_1: specialty,
    Covered_Recipient_License_State_code1: licenseStates[0] ?? "",
    Covered_Recipient_License_State_code2: licenseStates[1] ?? "",
    Covered_Recipient_License_State_code3: licenseStates[2] ?? "",
    Physician_Ownership_Indicator: "No",
  };
}

// CMS Certification Numbers start with the state's SSA code; short-term hospitals use 0001–0879 after it.
const CCN_STATE: Readonly<Record<string, string>> = {
  CA: "05",
  IL: "14",
  MA: "22",
  NJ: "31",
  NY: "33",
  PA: "39",
  TX: "45",
  WA: "50",
};

function teachingHospitalColumns(hospital: OrganizationHco): PaymentRecord {
  const serial = Number(hospital.npi.slice(6, 9)) % 880;
  return {
    Covered_Recipient_Type: "Covered Recipient Teaching Hospital",
    Teaching_Hospital_CCN: `${CCN_STATE[hospital.practice.state] ?? "10"}${String(serial).padStart(4, "0")}`,
    Teaching_Hospital_ID: String(10_000 + Number(hospital.npi.slice(5, 9))),
    Teaching_Hospital_Name: hospital.name,
    ...addressColumns(hospital.practice),
  };
}

export interface OpenPaymentsInput {
  dir: string;
  seed: number;
  individuals: readonly IndividualHcp[];
  organizations: readonly OrganizationHco[];
  brandsByNpi: ReadonlyMap<string, readonly DrugKey[]>;
  nucc: ReadonlyMap<string, TaxonomyValues>;
}

/** A payment's product: usually a brand the HCP writes (heaviest most often), else one their specialty uses. */
function productFor(random: Random, hcp: IndividualHcp, brands: readonly DrugKey[] | undefined): DrugKey | undefined {
  if (brands && brands.length > 0)
    return brands[Math.min(brands.length - 1, Math.floor(-Math.log(1 - random.next()) * 1.2))];
  const candidates = hcp.specialty.profile
    .map((entry) => entry.drug)
    .filter((key) => (DRUGS[key] as Drug).manufacturers.length > 0);
  return candidates.length > 0 && random.chance(0.8) ? random.pick(candidates) : undefined;
}

const manufacturerFor = (random: Random, drugKey: DrugKey | undefined): string =>
  drugKey ? random.pick((DRUGS[drugKey] as Drug).manufacturers) : random.pick(UNBRANDED_PAYERS);

export async function writeOpenPaymentsFiles(input: OpenPaymentsInput): Promise<Record<number, number>> {
  const rows: Record<number, number> = {};
  const hospitals = input.organizations.filter((org) => org.organizationKind === "hospital");
  const teachingHospitals = hospitals.slice(0, Math.ceil(hospitals.length / 3));
  for (const year of OPEN_PAYMENTS_YEARS) {
    const random = createRandom(input.seed, `open-payments-${year}`);
    const writer = createCsvWriter(join(input.dir, openPaymentsFileName(year)), OPEN_PAYMENTS_HEADER, {
      quoteAll: true,
    });
    // Record IDs: unique, increasing with gaps, in a separate band per program year.
    let recordId = 1_000_000_000 + (year - 2023) * 100_000_000 + random.int(0, 999_999);
    const write = async (record: PaymentRecord) => {
      recordId += random.int(1, 40);
      await writer.write(toRow(OPEN_PAYMENTS_HEADER, { ...record, Record_ID: String(recordId) }));
      rows[year] = (rows[year] ?? 0) + 1;
    };
    for (const hcp of input.individuals) {
      const brands = input.brandsByNpi.get(hcp.npi);
      const share = RECIPIENT_SHARE[hcp.specialty.clinician] * (brands ? 1.4 : 0.6);
      if (!random.chance(share)) continue;
      const count = Math.max(1, Math.round(random.logNormal(Math.log(3), 0.8) * (brands ? 1.3 : 1)));
      const recipient = recipientColumns(hcp, input.nucc);
      for (let i = 0; i < count; i++) {
        const drugKey = productFor(random, hcp, brands);
        await write({ ...recipient, ...paymentColumns(random, year, drugKey, manufacturerFor(random, drugKey)) });
      }
    }
    // About a third of the hospitals are teaching hospitals; each gets a few payments a year.
    for (const hospital of teachingHospitals) {
      for (let n = random.int(1, 4); n > 0; n--) {
        const drugKey = random.chance(0.5) ? random.pick(HOSPITAL_PRODUCTS) : undefined;
        await write({
          ...teachingHospitalColumns(hospital),
          ...paymentColumns(random, year, drugKey, manufacturerFor(random, drugKey)),
        });
      }
    }
    await writer.close();
  }
  return rows;
}
