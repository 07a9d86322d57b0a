// What a call brief is made of. Plain JSON (dates as YYYY-MM-DD), so the copilot can hand it to a model and the
// chat can render it as a card. Every figure names where it came from.
import type { NbaSuggestion } from "../nba/score";

export interface FigureSource {
  /** The table the figure was read from, e.g. "part_d_prescribing", "open_payment", "interaction". */
  table: string;
  /** The period it covers: a Part D data year ("2023"), an Open Payments program year, or a date range. */
  period: string | null;
  /** The loaded file's release label, when the figure comes from public reference data and it is known. */
  release: string | null;
}

export interface BriefHcp {
  npi: string;
  name: string;
  credential: string | null;
  specialty: string | null;
  city: string | null;
  state: string | null;
  /** The HCP 360 page. */
  link: string;
}

export type BriefChangeKind = "part_d_release" | "payment" | "task" | "consent" | "interaction";

export interface BriefChange {
  kind: BriefChangeKind;
  text: string;
  source: FigureSource;
}

export interface BriefMarketTrend {
  market: string;
  year: number;
  marketClaims: number;
  ownClaims: number;
  /** Own ÷ market claims (0–1); null without market claims. */
  share: number | null;
  /** Against the previous data year (0.1 = +10 %); null without a base year. */
  marketClaimsChange: number | null;
  shareChangePoints: number | null;
  text: string;
  source: FigureSource;
}

export interface BriefPayments {
  /** All Open Payments general payments on record. */
  total: number;
  records: number;
  latestYear: number | null;
  latestYearAmount: number;
  topManufacturers: { manufacturer: string; amount: number; records: number }[];
  source: FigureSource;
}

export interface BriefConsent {
  channel: string;
  /** Null: covers all of the org's products. */
  product: string | null;
  status: "granted" | "revoked";
  recordedAt: string;
  source: FigureSource;
}

export interface BriefTask {
  id: string;
  title: string;
  dueDate: string | null;
  overdue: boolean;
  source: FigureSource;
}

export interface BriefNote {
  date: string;
  channel: string;
  by: string;
  notes: string | null;
  followUp: string | null;
  source: FigureSource;
}

export interface CallBrief {
  status: "ok";
  /** The day the brief was prepared for (YYYY-MM-DD). */
  asOf: string;
  hcp: BriefHcp;
  /** The viewer's own last interaction with this HCP; changes are counted from it. Null: none on record. */
  lastInteraction: BriefNote | null;
  changes: BriefChange[];
  prescribing: BriefMarketTrend[];
  payments: BriefPayments;
  consent: BriefConsent[];
  openTasks: BriefTask[];
  /** The latest notes the viewer may see, anyone's, newest first. */
  lastNotes: BriefNote[];
  talkingPoints: { text: string; source: FigureSource }[];
  nextActions: NbaSuggestion[];
}
