// The words the offline engine reads a message with, from the database the search reads: the org's products (brand
// and generic), Part D drug names, places, the org's people, territories and regions. A word becomes a physician
// only when it is none of these (or follows "Dr"). Loaded per turn (copilot/intent-vocabulary.ts); tests build one.

export interface ProductTerm {
  /** The org's product name, as the tools take it ("Eliquis"). */
  name: string;
  /** Lower-case words that stand for it: brand and generic ("eliquis", "apixaban"). */
  terms: readonly string[];
  sampleable: boolean;
}

/** A set of lower-case keys (a Set, or a Map's keys). */
export interface Lexicon {
  has(key: string): boolean;
}

export interface IntentVocabulary {
  products: readonly ProductTerm[];
  /** Part D brand and generic names, lower case. */
  drugs: Lexicon;
  /** Competitor brands of the org's markets, lower case: known drugs worth correcting typos towards. */
  marketDrugs: readonly string[];
  /** City names, lower case. */
  places: Lexicon;
  /** The org's people (reps, managers, admins), full names in lower case. */
  people: readonly string[];
  /** Territory and region names, lower case. */
  areas: readonly string[];
  /** The region names among them. */
  regions: readonly string[];
  /** The segments the org set on its accounts ("loyalist", "competitor loyal"), lower case. */
  segments: readonly string[];
}

export const EMPTY_VOCABULARY: IntentVocabulary = {
  products: [],
  drugs: new Set(),
  marketDrugs: [],
  places: new Set(),
  people: [],
  areas: [],
  regions: [],
  segments: [],
};
