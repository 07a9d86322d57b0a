// Writes one Part D "by Provider and Drug" file per data year and returns, per HCP, the brands they
// write (heaviest first): Open Payments uses it so manufacturers pay the HCPs who prescribe their drugs.
import { join } from "node:path";

import { createCsvWriter, type CsvWriter } from "../csv/write-csv";
import { PART_D_HEADER, toRow, type PartDColumn, type PartialRecord } from "../layouts";
import { createRandom } from "../random";
import { PART_D_YEARS, type DataYear, type DrugKey } from "./catalog/drugs";
import { STATE_FIPS } from "./catalog/states";
import { type IndividualHcp } from "./individuals";
import { MIN_PUBLISHED_CLAIMS, partDMeasures, prescribingFor, type DrugYear } from "./prescribing";

export const partDFileName = (year: number) => `MUP_DPR_DY${year}_demo.csv`;

export function partDRecord(
  hcp: IndividualHcp,
  prescribing: DrugYear,
  measures: ReturnType<typeof partDMeasures>,
): PartialRecord<PartDColumn> {
  return {
    Prscrbr_NPI: hcp.npi,
    Prscrbr_Last_Org_Name: hcp.name.last,
    Prscrbr_First_Name: hcp.name.first,
    Prscrbr_City: hcp.practice.city,
    Prscrbr_State_Abrvtn: hcp.practice.state,
    Prscrbr_State_FIPS: STATE_FIPS[hcp.practice.state] ?? "",
    Prscrbr_Type: hcp.specialty.partDType,
    // "S": specialty taken from the prescriber's Medicare claims (as opposed to "T", from the NPPES taxonomy).
    Prscrbr_Type_Src: "S",
    Brnd_Name: prescribing.drug.brand,
    Gnrc_Name: prescribing.drug.generic,
    Tot_Clms: measures.claims,
    Tot_30day_Fills: measures.fills,
    Tot_Day_Suply: measures.daySupply,
    Tot_Drug_Cst: measures.cost,
    Tot_Benes: measures.benes,
    GE65_Sprsn_Flag: measures.ge65Flag,
    GE65_Tot_Clms: measures.ge65Claims,
    GE65_Tot_30day_Fills: measures.ge65Fills,
    GE65_Tot_Drug_Cst: measures.ge65Cost,
    GE65_Tot_Day_Suply: measures.ge65DaySupply,
    GE65_Bene_Sprsn_Flag: measures.ge65BeneFlag,
    GE65_Tot_Benes: measures.ge65Benes,
  };
}

export interface PartDResult {
  rowsByYear: Record<DataYear, number>;
  /** Branded drugs each HCP writes (any year), heaviest first. */
  brandsByNpi: Map<string, DrugKey[]>;
}

export async function writePartDFiles(
  dir: string,
  individuals: readonly IndividualHcp[],
  seed: number,
): Promise<PartDResult> {
  const root = createRandom(seed, "part-d");
  const writers = new Map<DataYear, CsvWriter>(
    PART_D_YEARS.map((year) => [
      year,
      createCsvWriter(join(dir, partDFileName(year)), PART_D_HEADER, { quoteAll: false }),
    ]),
  );
  const rowsByYear = { 2021: 0, 2022: 0, 2023: 0 } satisfies Record<DataYear, number>;
  const brandsByNpi = new Map<string, DrugKey[]>();
  for (const hcp of individuals) {
    // One stream per HCP: their prescribing does not shift when the population around them changes.
    const random = root.fork(hcp.npi);
    const brandClaims = new Map<DrugKey, number>();
    for (const prescribing of prescribingFor(random, hcp.specialty)) {
      if (prescribing.claims < MIN_PUBLISHED_CLAIMS) continue;
      const measures = partDMeasures(random, prescribing.drug, prescribing.claims);
      await writers.get(prescribing.year)!.write(toRow(PART_D_HEADER, partDRecord(hcp, prescribing, measures)));
      rowsByYear[prescribing.year]++;
      if (prescribing.drug.manufacturers.length > 0) {
        brandClaims.set(prescribing.drugKey, (brandClaims.get(prescribing.drugKey) ?? 0) + prescribing.claims);
      }
    }
    if (brandClaims.size > 0) {
      brandsByNpi.set(
        hcp.npi,
        [...brandClaims.entries()].sort((a, b) => b[1] - a[1]).map(([key]) => key),
      );
    }
  }
  for (const writer of writers.values()) await writer.close();
  return { rowsByYear, brandsByNpi };
}
