// Part D "by Provider and Drug" record (current Prscrbr_* layout) → part_d_prescribing values. The year is
// not a column: it comes from the file (one file per data year).
import { type partDPrescribing } from "@pharmacrm/db";
import { type CsvRecord } from "../csv/read-csv";
import { decimal, digits, integer, text } from "./fields";

export type PartDValues = typeof partDPrescribing.$inferInsert;
export type PartDMapped = { kind: "row"; row: PartDValues } | { kind: "quarantine"; reason: string };

export const PART_D_REQUIRED_COLUMNS = ["Prscrbr_NPI", "Brnd_Name", "Gnrc_Name", "Tot_Clms", "Tot_Benes", "GE65_Sprsn_Flag"];

const flag = (value: string | undefined): string | null => {
  const raw = text(value);
  return raw === "*" || raw === "#" ? raw : null;
};

export function mapPartDRecord(record: CsvRecord, year: number): PartDMapped {
  const npi = digits(record["Prscrbr_NPI"]);
  if (!npi || npi.length !== 10) return { kind: "quarantine", reason: "invalid NPI" };
  const brandName = text(record["Brnd_Name"]);
  const genericName = text(record["Gnrc_Name"]);
  if (!brandName || !genericName) return { kind: "quarantine", reason: "missing drug name" };
  const totalClaims = integer(record["Tot_Clms"]);
  if (totalClaims === null) return { kind: "quarantine", reason: "missing claim count" };
  return {
    kind: "row",
    row: {
      npi,
      year,
      brandName,
      genericName,
      prescriberType: text(record["Prscrbr_Type"]),
      prescriberTypeSource: text(record["Prscrbr_Type_Src"]),
      totalClaims,
      total30DayFills: decimal(record["Tot_30day_Fills"]),
      totalDaySupply: integer(record["Tot_Day_Suply"]),
      totalDrugCost: decimal(record["Tot_Drug_Cst"]),
      // Blank means CMS suppressed it (1–10 beneficiaries): unknown, not zero.
      totalBeneficiaries: integer(record["Tot_Benes"]),
      ge65SuppressionFlag: flag(record["GE65_Sprsn_Flag"]),
      ge65TotalClaims: integer(record["GE65_Tot_Clms"]),
      ge65Total30DayFills: decimal(record["GE65_Tot_30day_Fills"]),
      ge65TotalDrugCost: decimal(record["GE65_Tot_Drug_Cst"]),
      ge65TotalDaySupply: integer(record["GE65_Tot_Day_Suply"]),
      ge65BeneficiarySuppressionFlag: flag(record["GE65_Bene_Sprsn_Flag"]),
      ge65TotalBeneficiaries: integer(record["GE65_Tot_Benes"]),
    },
  };
}
