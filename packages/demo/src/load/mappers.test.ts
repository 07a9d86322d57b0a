// The mappers must also read real CMS rows, quirks included: these records come from the public samples
// described in /work/shared/data/cms/README.md (NPPES re-serialised by pandas: floats, lost leading zeros).
import { describe, expect, it } from "vitest";
import { mapNppesRecord } from "./map-nppes";
import { mapOpenPaymentRecord } from "./map-open-payments";
import { mapPartDRecord } from "./map-part-d";

const noCentroid = () => undefined;

describe("mapNppesRecord", () => {
  it("maps a pandas-reserialised individual: float codes, ZIP+4, taxonomy slots", () => {
    const mapped = mapNppesRecord(
      {
        NPI: "1588667638",
        "Entity Type Code": "1.0",
        "Provider Last Name (Legal Name)": "PILCHER",
        "Provider First Name": "WILLIAM",
        "Provider Credential Text": "MD",
        "Provider Business Practice Location Address Postal Code": "322044736.0",
        "Provider Business Practice Location Address Telephone Number": "9043881820.0",
        "Provider Business Practice Location Address State Name": "FL",
        "Provider Enumeration Date": "05/23/2005",
        "Provider Sex Code": "M",
        "Healthcare Provider Taxonomy Code_1": "207RC0000X",
        "Provider License Number_1": "ME68414",
        "Provider License Number State Code_1": "FL",
        "Healthcare Provider Primary Taxonomy Switch_1": "Y",
        "Healthcare Provider Taxonomy Code_2": "207RC0000X",
        "Provider License Number State Code_2": "GA",
        "Healthcare Provider Primary Taxonomy Switch_2": "N",
      },
      (zip) => (zip === "32204" ? { lat: 30.3, lng: -81.7 } : undefined),
    );
    expect(mapped.kind).toBe("hcp");
    if (mapped.kind !== "hcp") return;
    expect(mapped.hcp).toMatchObject({
      entityType: 1,
      practicePostalCode: "322044736",
      practiceZip5: "32204",
      practicePhone: "9043881820",
      enumerationDate: "2005-05-23",
      primaryTaxonomyCode: "207RC0000X",
      lat: 30.3,
    });
    expect(mapped.taxonomies.map((t) => [t.slot, t.licenseState, t.isPrimary])).toEqual([
      [1, "FL", true],
      [2, "GA", false],
    ]);
  });

  it("restores a ZIP's leading zeros", () => {
    const mapped = mapNppesRecord(
      { NPI: "1679576722", "Entity Type Code": "1", "Provider Business Practice Location Address Postal Code": "2134.0" },
      noCentroid,
    );
    expect(mapped.kind === "hcp" && mapped.hcp.practiceZip5).toBe("02134");
  });

  it("keeps deactivated stubs as hcp rows without a type, and quarantines bad NPIs", () => {
    const stub = mapNppesRecord({ NPI: "1306849450", "Entity Type Code": "", "NPI Deactivation Date": "03/03/2021" }, noCentroid);
    expect(stub).toMatchObject({ kind: "hcp", hcp: { npi: "1306849450", entityType: null, deactivationDate: "2021-03-03" } });
    expect(mapNppesRecord({ NPI: "1306849451", "Entity Type Code": "1" }, noCentroid)).toEqual({ kind: "quarantine", reason: "invalid NPI" });
  });

  it("maps an organisation with its authorised official", () => {
    const mapped = mapNppesRecord(
      {
        NPI: "1497758544",
        "Entity Type Code": "2.0",
        "Provider Organization Name (Legal Business Name)": "CUMBERLAND COUNTY HOSPITAL SYSTEM, INC",
        "Authorized Official First Name": "MICHAEL",
        "Authorized Official Last Name": "NAGOWSKI",
        "Authorized Official Title or Position": "CEO",
        "Healthcare Provider Taxonomy Code_1": "251G00000X",
        "Healthcare Provider Primary Taxonomy Switch_1": "Y",
      },
      noCentroid,
    );
    expect(mapped).toMatchObject({ kind: "hco", hco: { authorizedOfficial: "MICHAEL NAGOWSKI, CEO", primaryTaxonomyCode: "251G00000X" } });
  });
});

describe("mapPartDRecord", () => {
  it("keeps suppressed cells unknown (null), not zero", () => {
    const mapped = mapPartDRecord(
      { Prscrbr_NPI: "1437118403", Brnd_Name: "ELIQUIS", Gnrc_Name: "APIXABAN", Tot_Clms: "24", Tot_Benes: "", GE65_Sprsn_Flag: "#", GE65_Tot_Clms: "" },
      2023,
    );
    expect(mapped).toMatchObject({ kind: "row", row: { year: 2023, totalClaims: 24, totalBeneficiaries: null, ge65SuppressionFlag: "#", ge65TotalClaims: null } });
    expect(mapPartDRecord({ Prscrbr_NPI: "1437118403", Brnd_Name: "", Gnrc_Name: "", Tot_Clms: "13" }, 2021).kind).toBe("quarantine");
  });
});

describe("mapOpenPaymentRecord", () => {
  it("maps a teaching-hospital payment (no NPI) and a ZIP+4 recipient", () => {
    const base = {
      Record_ID: "1069832114",
      Program_Year: "2024",
      Total_Amount_of_Payment_USDollars: "652.07",
      Date_of_Payment: "03/13/2024",
      Nature_of_Payment_or_Transfer_of_Value: "Food and Beverage",
      Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_ID: "100000010788",
      Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name: "One Lambda, Inc.",
    };
    const hospital = mapOpenPaymentRecord({ ...base, Covered_Recipient_Type: "Covered Recipient Teaching Hospital", Covered_Recipient_NPI: "", Teaching_Hospital_CCN: "100151" });
    expect(hospital).toMatchObject({ kind: "row", row: { npi: null, teachingHospitalCcn: "100151", paymentDate: "2024-03-13", amountUsd: "652.07" } });
    const person = mapOpenPaymentRecord({
      ...base,
      Covered_Recipient_Type: "Covered Recipient Non-Physician Practitioner",
      Covered_Recipient_NPI: "1366933079",
      Recipient_Zip_Code: "34292-7554",
      Name_of_Drug_or_Biological_or_Device_or_Medical_Supply_1: "Onivyde",
    });
    expect(person).toMatchObject({ kind: "row", row: { npi: "1366933079", recipientZip5: "34292", productNames: ["Onivyde"] } });
  });
});
