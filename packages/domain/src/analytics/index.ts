export { compile } from "./compile";
export {
  CUBES,
  DIMENSIONS,
  MEASURES,
  TIME_DIMENSIONS,
  memberOf,
  type CubeName,
  type DimensionName,
  type MeasureName,
} from "./model";
export { resolveRange } from "./periods";
export {
  FILTER_OPERATORS,
  GRANULARITIES,
  MAX_ROWS,
  RELATIVE_RANGES,
  cubeOf,
  semanticQuery,
  type Filter,
  type RelativeRange,
  type SemanticQuery,
  type SemanticQueryInput,
} from "./query";
export { runAnalytics, type AnalyticsResult, type ResultColumn } from "./run";
export type { Forecast } from "./forecast";
export {
  MAX_PINS,
  listPins,
  movePin,
  movePinInput,
  pinIdInput,
  pinInput,
  pinQuestion,
  unpinQuestion,
  type Pin,
  type SavedQuestion,
} from "./pins";
export {
  certifiedQuestions,
  certifyInput,
  certifyQuestion,
  listSharedQuestions,
  shareInput,
  shareQuestion,
  type CertifiedQuestion,
  type SharedQuestion,
} from "./shared-questions";
export { teamFocus, type RepFocus, type TeamFocus } from "./team-focus";
export { repScorecard, type RepScorecard, type ScorecardLine, type ShareLine } from "./scorecard";
