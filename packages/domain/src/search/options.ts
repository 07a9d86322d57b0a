// Choices for the search page's filters, from the same vocabulary the text parser uses.
import type { Db } from "@pharmacrm/db";

import { specialtySynonyms } from "./specialty-synonyms";
import { searchVocabulary } from "./vocabulary";

export async function searchOptions(db: Db, orgId: string) {
  const vocabulary = await searchVocabulary(db, orgId);
  const nucc = vocabulary.taxonomies.flatMap((t) => [t.classification, t.specialization ?? ""]).filter(Boolean);
  return {
    /** NUCC classification and specialization names, then the lay terms people type. */
    specialties: [...new Set(nucc)].sort((a, b) => a.localeCompare(b)),
    layTerms: Object.keys(specialtySynonyms).sort(),
    markets: vocabulary.markets.map(({ id, name }) => ({ id, name })),
    manufacturers: vocabulary.manufacturers,
    hasPrescribingData: vocabulary.latestPartDYear !== null,
    partDYear: vocabulary.latestPartDYear,
  };
}
