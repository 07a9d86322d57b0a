// A figure of the analytics model as people read it, for the card, the copilot's answer and exports alike: counts
// with separators, ratios to two decimals, days to one, shares as "18.3 %", dollars to the cent; coded values by name.
// Imports only the channel titles at run time, so the screens can read it (@pharmacrm/domain/figures) without the
// database code.
import { channelName } from "../channels";
import type { CubeName, Format, TimeDimensionName } from "./model";

export type { Format };

const count = new Intl.NumberFormat("en-US");
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function formatFigure(value: number, format: Format | null): string {
  if (format === "ratio") return value.toFixed(2);
  if (format === "percent") return `${(value * 100).toFixed(1)} %`;
  if (format === "usd") return usd.format(value);
  if (format === "days") return value.toFixed(1);
  return count.format(value);
}

/** Periods said in words, resolved against today (periods.ts): the query schema's and the pickers'. */
export const RELATIVE_RANGES = [
  "today",
  "yesterday",
  "this week",
  "last week",
  "this month",
  "last month",
  "this quarter",
  "last quarter",
  "this year",
  "last year",
  "last 7 days",
  "last 30 days",
  "last 90 days",
  "last 12 weeks",
  "last 12 months",
] as const;

/** A figure that may be missing (a rate of nothing): "—". */
export const figureOrDash = (value: number | null, format: Format | null): string =>
  value === null ? "—" : formatFigure(value, format);

/** Each cube's time dimension. */
export const CUBE_TIME: Record<CubeName, TimeDimensionName> = {
  Calls: "Calls.occurredAt",
  PartD: "PartD.year",
  Payments: "Payments.paidOn",
  Tasks: "Tasks.dueDate",
  Coverage: "Coverage.callDate",
  Consent: "Consent.recordedAt",
  Nba: "Nba.decidedAt",
  CallPlans: "CallPlans.cycle",
};

const ACTIONS: Record<string, string> = { call: "Call", email: "Email", sample: "Sample", follow_up: "Follow-up" };

/** A dimension's value as people read it: channels and suggested actions by name ("In person", "Follow-up"). */
export function memberValue(member: string, value: string): string {
  if (member === "Calls.channel" || member === "Consent.channel") return channelName(value);
  if (member === "Nba.action") return ACTIONS[value] ?? value;
  return value;
}

/** What a question that names no period counts, by source: "All recorded calls", "As it stands today". */
export const NO_PERIOD: Record<CubeName, string> = {
  Calls: "All recorded calls",
  PartD: "Every data year loaded",
  Payments: "Every program year loaded",
  Tasks: "All tasks",
  Coverage: "The last 90 days",
  Consent: "As it stands today",
  Nba: "All decisions recorded",
  CallPlans: "Plans running today",
};
