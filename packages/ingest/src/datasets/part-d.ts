// Medicare Part D Prescribers by Provider and Drug → part_d_prescribing. Reads the current Prscrbr_* layout and
// the legacy PUF names (npi, drug_name, total_claim_count, …). The data year is not a column: it comes from the
// caller or the file name. Suppressed cells (CMS hides counts of 1–10) stay null, never zero.
// Duplicate rule: the first valid row of an NPI × brand × generic wins; later ones are quarantined.
import { basename } from "node:path";
import { z } from "zod";

import { partDPrescribing, refreshRankedTotals, type Db } from "@pharmacrm/db";

import { IngestionError } from "../errors";
import { rowFields } from "../fields/row-fields";
import { code, text } from "../fields/values";
import { upsertCounting } from "../load/merge";
import { type StageSource } from "../load/stage";
import { assertYear, yearFromFileName } from "./release";
import { definePipeline } from "./types";

/** CMS publishes a prescriber × drug row only from 11 claims on. */
export const MIN_PUBLISHED_CLAIMS = 11;

const FLAGS = new Set(["*", "#"]);

export const partDPipeline = definePipeline({
  dataset: "part_d",
  title: "Medicare Part D prescribers by provider and drug",
  duplicateRule: "first valid row of an NPI × brand name × generic name wins; later ones are quarantined",
  columns: {
    aliases: {
      npi: ["Prscrbr_NPI", "npi"],
      prescriberType: ["Prscrbr_Type", "specialty_description"],
      prescriberTypeSource: ["Prscrbr_Type_Src", "description_flag"],
      brandName: ["Brnd_Name", "drug_name"],
      genericName: ["Gnrc_Name", "generic_name"],
      totalClaims: ["Tot_Clms", "total_claim_count"],
      total30DayFills: ["Tot_30day_Fills", "total_30_day_fill_count"],
      totalDaySupply: ["Tot_Day_Suply", "total_day_supply"],
      totalDrugCost: ["Tot_Drug_Cst", "total_drug_cost"],
      totalBeneficiaries: ["Tot_Benes", "bene_count"],
      ge65SuppressionFlag: ["GE65_Sprsn_Flag", "ge65_suppress_flag"],
      ge65TotalClaims: ["GE65_Tot_Clms", "total_claim_count_ge65"],
      ge65Total30DayFills: ["GE65_Tot_30day_Fills", "total_30_day_fill_count_ge65"],
      ge65TotalDrugCost: ["GE65_Tot_Drug_Cst", "total_drug_cost_ge65"],
      ge65TotalDaySupply: ["GE65_Tot_Day_Suply", "total_day_supply_ge65"],
      ge65BeneficiarySuppressionFlag: ["GE65_Bene_Sprsn_Flag", "bene_count_ge65_suppress_flag"],
      ge65TotalBeneficiaries: ["GE65_Tot_Benes", "bene_count_ge65"],
    },
    required: ["npi", "brandName", "genericName", "totalClaims"],
    layouts: [
      { name: "part-d-prscrbr", markers: ["Prscrbr_NPI"] },
      { name: "part-d-legacy-puf", markers: ["npi", "drug_name"] },
    ],
    // Name, city and state of the prescriber come from NPPES, not from here.
    ignored: [
      "Prscrbr_Last_Org_Name",
      "Prscrbr_First_Name",
      "Prscrbr_City",
      "Prscrbr_State_Abrvtn",
      "Prscrbr_State_FIPS",
      "nppes_provider_last_org_name",
      "nppes_provider_first_name",
      "nppes_provider_city",
      "nppes_provider_state",
    ],
  },
  describe: ({ fileName, year }) => {
    const dataYear = year ?? yearFromFileName(fileName);
    if (dataYear === undefined) {
      throw new IngestionError(
        `${basename(fileName)}: no data year. Part D files carry it only in their name (…DY2023…); pass it (--year 2023).`,
      );
    }
    assertYear(dataYear, fileName);
    return { dataYear, release: `DY${dataYear}` };
  },
  rowSchema: ({ names }, { dataYear }) => {
    const f = rowFields(names);
    const flag = (field: "ge65SuppressionFlag" | "ge65BeneficiarySuppressionFlag") =>
      f.parsed(field, (raw) => {
        const value = text(raw);
        return value === null || FLAGS.has(value)
          ? { ok: true, value }
          : { ok: false, problem: `'${value}' is not a suppression flag ('*', '#' or empty)` };
      });
    return (
      z
        .object({
          npi: f.npi("npi", { required: true }),
          prescriberType: f.text("prescriberType"),
          prescriberTypeSource: f.text("prescriberTypeSource", { max: 10 }),
          brandName: f.text("brandName", { required: "drug name is empty" }),
          genericName: f.text("genericName", { required: "generic name is empty" }),
          totalClaims: f.wholeNumber("totalClaims", {
            required: true,
            min: MIN_PUBLISHED_CLAIMS,
            minMessage: (n) =>
              `${names.totalClaims} ${n} is below ${MIN_PUBLISHED_CLAIMS}, the fewest claims CMS publishes`,
          }),
          total30DayFills: f.decimal("total30DayFills"),
          totalDaySupply: f.wholeNumber("totalDaySupply"),
          totalDrugCost: f.decimal("totalDrugCost"),
          totalBeneficiaries: f.wholeNumber("totalBeneficiaries"),
          ge65SuppressionFlag: flag("ge65SuppressionFlag"),
          ge65TotalClaims: f.wholeNumber("ge65TotalClaims"),
          ge65Total30DayFills: f.decimal("ge65Total30DayFills"),
          ge65TotalDrugCost: f.decimal("ge65TotalDrugCost"),
          ge65TotalDaySupply: f.wholeNumber("ge65TotalDaySupply"),
          ge65BeneficiarySuppressionFlag: flag("ge65BeneficiarySuppressionFlag"),
          ge65TotalBeneficiaries: f.wholeNumber("ge65TotalBeneficiaries"),
        })
        .superRefine((row, ctx) => {
          // A suppressed cell must be empty: a value next to a suppression flag means the columns are shifted.
          if (row.ge65SuppressionFlag) {
            const shown = (
              ["ge65TotalClaims", "ge65Total30DayFills", "ge65TotalDrugCost", "ge65TotalDaySupply"] as const
            ).filter((field) => row[field] !== null);
            for (const field of shown) {
              ctx.addIssue({
                code: "custom",
                message: `${names[field]} has a value although ${names.ge65SuppressionFlag} '${row.ge65SuppressionFlag}' suppresses it`,
              });
            }
          }
          if (row.ge65BeneficiarySuppressionFlag && row.ge65TotalBeneficiaries !== null) {
            ctx.addIssue({
              code: "custom",
              message: `${names.ge65TotalBeneficiaries} has a value although ${names.ge65BeneficiarySuppressionFlag} '${row.ge65BeneficiarySuppressionFlag}' suppresses it`,
            });
          }
        })
        // Written out in full: spreading the row and adding a key is ~40× slower per row on Node 20.
        .transform((row) => ({
          npi: row.npi!,
          year: dataYear!,
          brandName: row.brandName!,
          genericName: row.genericName!,
          prescriberType: row.prescriberType,
          prescriberTypeSource: row.prescriberTypeSource,
          totalClaims: row.totalClaims!,
          total30DayFills: row.total30DayFills,
          totalDaySupply: row.totalDaySupply,
          totalDrugCost: row.totalDrugCost,
          totalBeneficiaries: row.totalBeneficiaries,
          ge65SuppressionFlag: row.ge65SuppressionFlag,
          ge65TotalClaims: row.ge65TotalClaims,
          ge65Total30DayFills: row.ge65Total30DayFills,
          ge65TotalDrugCost: row.ge65TotalDrugCost,
          ge65TotalDaySupply: row.ge65TotalDaySupply,
          ge65BeneficiarySuppressionFlag: row.ge65BeneficiarySuppressionFlag,
          ge65TotalBeneficiaries: row.ge65TotalBeneficiaries,
        }))
    );
  },
  key: (record) => {
    const [npi, brand, generic] = [code(record.npi), text(record.brandName), text(record.genericName)];
    if (npi === null || brand === null || generic === null) return undefined;
    return {
      key: `${npi}|${brand}|${generic}`,
      label: `NPI ${npi} and drug ${brand}${generic === brand ? "" : ` (${generic})`}`,
    };
  },
  stage: (rows) => ({ partD: { table: partDPrescribing, rows } }),
  bulkTables: [partDPrescribing],
  merge: (tx: Db, source: StageSource) =>
    upsertCounting(
      tx,
      { target: "partD", table: partDPrescribing, conflict: ["npi", "year", "brandName", "genericName"] },
      source,
    ),
  // Search ranks prescribers and payees from these totals; they follow the data when the run completes.
  finalize: async (tx: Db) => {
    await refreshRankedTotals(tx, "prescribing");
    return {};
  },
});
