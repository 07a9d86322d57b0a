export * from "./search-physicians";
export { parseSearchText, readNotSeen, type ParsedSearch, type Understood, type UnderstoodKind } from "./parse-query";
export {
  searchVocabulary,
  referenceVocabulary,
  forgetSearchVocabulary,
  orgMarkets,
  type SearchVocabulary,
} from "./vocabulary";
export { nuccNamesOf, specialtySynonyms } from "./specialty-synonyms";
export { RANK_WINDOW, type QueryVector } from "./query-sql";
export * from "./options";
export * from "./search-organizations";
