// NUCC Health Care Provider Taxonomy code set: row mapping and an in-memory index for the generator.
import { readCsvObjects } from "@pharmacrm/ingest";

import { NUCC_TAXONOMY_FILE } from "./files";

export interface TaxonomyValues {
  code: string;
  grouping: string;
  classification: string;
  specialization: string | null;
  definition: string | null;
  displayName: string;
  section: string | null;
}

const blankToNull = (value: string | undefined): string | null => (value && value.trim() !== "" ? value.trim() : null);

export function mapNuccRecord(record: Record<string, string>): TaxonomyValues {
  const code = (record["Code"] ?? "").trim();
  const classification = (record["Classification"] ?? "").trim();
  return {
    code,
    grouping: (record["Grouping"] ?? "").trim(),
    classification,
    specialization: blankToNull(record["Specialization"]),
    definition: blankToNull(record["Definition"]),
    // A handful of older codes have no display name; the classification is the natural fallback.
    displayName: blankToNull(record["Display Name"]) ?? classification,
    section: blankToNull(record["Section"]),
  };
}

export async function readNuccTaxonomy(file = NUCC_TAXONOMY_FILE): Promise<Map<string, TaxonomyValues>> {
  const byCode = new Map<string, TaxonomyValues>();
  for await (const record of readCsvObjects(file)) {
    const values = mapNuccRecord(record);
    byCode.set(values.code, values);
  }
  return byCode;
}
