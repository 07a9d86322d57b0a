// An analytics question read as a semantic query: the measures named ("calls", "samples", "reach"), what to break
// them down by ("per rep", "which territory", "by month"), filters from the org's own words (a colleague, a
// territory or region, a product, a channel) and the period ("last quarter"). Part D, Open Payments and tasks
// (analytics-sources.ts), coverage, consent and next-best-action decisions (analytics-targets.ts) are read by their
// own readers, and so are call plans (analytics-call-plans.ts). Only members of the model come out; what the model
// does not hold (satisfaction scores) — or what a source cannot say (last month's scripts, NRx) — is said, never
// guessed.
import type { DimensionName, MeasureName, SemanticQueryInput } from "@pharmacrm/domain";

import { readCallPlans } from "./analytics-call-plans";
import { readPartD, readPayments, readTasks, VOLUME_DECILE } from "./analytics-sources";
import { readConsent, readCoverage, readNba } from "./analytics-targets";
import {
  andedDimensions,
  dimensionPatterns,
  GRAIN,
  HCP_RANKING,
  placeAndProductFilters,
  queryOf,
  ranking,
  type AnalyticsReading,
} from "./analytics-words";
import { periodOf } from "./intents/shared";
import type { Message } from "./message";
import { specialtiesAsHcps } from "./specialty-words";
import type { IntentVocabulary } from "./vocabulary";

// Measures the model does not have yet, named so the answer can say which (and why, when the data cannot say it).
const NOT_YET: [RegExp, string, string?][] = [
  [
    /\b(nbrx|nrx|new[- ]to[- ]brand|new prescriptions|new scripts)\b/,
    "new prescriptions (NRx)",
    "public Medicare Part D publishes each year's total claims only — ask for claims, or new writers",
  ],
  [/\b(satisfaction|nps|net promoter|csat)\b/, "satisfaction scores", "the CRM keeps no survey results"],
  [
    /\bcall (duration|length)\b|\b(duration|length) of (the |my |our )?(calls?|visits?|meetings?)\b|\bhow long (were|was|did|do) (the |my |our )?(calls?|visits?|meetings?)\b|\bminutes\b/,
    "call duration",
    "calls are logged with a date and time, not a length",
  ],
  [/\b(revenue|roi|profits?)\b/, "sales revenue", "the CRM holds calls and public CMS data, not sales figures"],
];

// "call frequency", "calls per HCP", "average calls": frequency, whose words also say "call".
const FREQUENCY =
  /\b(call )?(frequency|freq)\b|\b(average|avg|mean)?\s*(number of )?calls? per (hcp|doctor|physician|doc|provider)\b|\b(average|avg) (number of )?calls\b/;

const MEASURE_WORDS: [RegExp, MeasureName][] = [
  [/\bsamp(le)?s?\b|\bsample (drops|units)\b|\bdrops\b|\bdropped\b|\bgave out\b/, "Calls.samples"],
  [/\bdetail(s|ed|ing)?\b|\bproducts? (discussed|discussions?)\b|\bdiscuss(ed|ions?)\b/, "Calls.details"],
  [
    /\breach(ed)?\b|\b(distinct|unique|different|individual) (hcps?|doctors?|physicians?|docs?|providers?)\b|\b(hcps|doctors|physicians|docs|providers) (seen|reached|visited|called( on)?)\b|\bhow many (hcps|doctors|physicians|docs|providers)\b/,
    "Calls.reach",
  ],
  [FREQUENCY, "Calls.frequency"],
  [/\b(calls?|visits?|interactions?|activity|touchpoints?|meetings?|call (volume|count)|volume)\b/, "Calls.count"],
];

const CHANNELS: [RegExp, string][] = [
  [/\b(phone|telephone)\b/, "phone"],
  [/\b(video|zoom|teams|virtual)\b/, "video"],
  [/\b(in[- ]person|face to face|f2f|field)\b/, "in_person"],
  [/\bemails?\b/, "email"],
];

/** "how is Kevin Walsh doing", "where should my team focus": a scorecard of the call measures. */
const SCORECARD =
  /\b(doing|performing|performance|scorecard|score card|numbers|stats|summary|how did|tracking|kpis?|report card)\b/;

export function readAnalytics(m: Message, now: Date, vocabulary: IntentVocabulary): AnalyticsReading {
  const text = m.text;
  // What the model does not hold comes first: "revenue vs plan" is not a count of calls.
  const missing = NOT_YET.find(([pattern]) => pattern.test(text));
  if (missing) return { kind: "unsupported", what: missing[1], ...(missing[2] ? { why: missing[2] } : {}) };
  // The Part D decile breaks down Part D only: calls or coverage by it would be another decile under its name.
  if (VOLUME_DECILE.test(text))
    return (
      readPartD(m, now, vocabulary) ?? {
        kind: "unsupported",
        what: "that by Part D decile",
        why: "the Part D decile breaks down Part D prescribing only — for calls or coverage, ask by decile (the one set on the account)",
      }
    );
  const other =
    readCallPlans(m, now, vocabulary) ??
    readConsent(m, now, vocabulary) ??
    readNba(m, now, vocabulary) ??
    readCoverage(m, now, vocabulary) ??
    readPartD(m, now, vocabulary) ??
    readPayments(m, now, vocabulary) ??
    readTasks(m, now, vocabulary);
  if (other) return other;
  const scorecard = SCORECARD.test(text);
  // A specialty is a kind of HCP ("how many endos did I see" counts HCPs reached).
  const plain = specialtiesAsHcps(text);
  // "call frequency" says "call" without asking for calls: what is left once frequency is read.
  const rest = plain.replace(new RegExp(FREQUENCY.source, "g"), " ");
  const named = MEASURE_WORDS.filter(([pattern, name]) =>
    name === "Calls.frequency" ? pattern.test(plain) : pattern.test(rest),
  ).map(([, name]) => name);

  const dimensions: DimensionName[] = [];
  for (const [pattern, name] of dimensionPatterns) {
    if (pattern.test(text) && !dimensions.includes(name) && dimensions.length < 2) dimensions.push(name);
  }
  for (const name of andedDimensions(text))
    if (!dimensions.includes(name) && dimensions.length < 3) dimensions.push(name);
  // "who on my team logged the most calls", "rep leaderboard": ranked by rep.
  if (
    !dimensions.includes("Reps.name") &&
    m.people.length === 0 &&
    (/\bwho\b.*\b(most|least|fewest|highest|lowest|top|best|worst)\b/.test(text) || /\bleaderboard\b/.test(text))
  )
    dimensions.unshift("Reps.name");
  // "top cardiology docs by calls", "which hcps did I see the most": ranked by HCP.
  if (dimensions.length === 0 && HCP_RANKING.test(plain) && /\b(top|most|least|fewest|bottom)\b/.test(text))
    dimensions.push("Hcps.name");

  const measures: MeasureName[] = scorecard
    ? ["Calls.count", "Calls.reach", "Calls.frequency", "Calls.samples"]
    : named.length
      ? [...new Set(named)]
      : dimensions.length
        ? ["Calls.count"]
        : [];
  if (measures.length === 0) return { kind: "unsupported", what: "that measure" };

  const filters = placeAndProductFilters(m, vocabulary, dimensions);
  if (m.people.length)
    filters.unshift({ member: "Reps.name", operator: "equals", values: m.people.map((p) => p.value) });
  const channel = CHANNELS.find(([pattern]) => pattern.test(text));
  if (channel && !dimensions.includes("Calls.channel"))
    filters.push({ member: "Calls.channel", operator: "equals", values: [channel[1]] });

  const grain = GRAIN.find(([pattern]) => pattern.test(text))?.[1];
  const period = periodOf(text, now);
  // A trend with no period: the last twelve months; a scorecard: the last 90 days.
  const fallback = grain ? "last 12 months" : scorecard ? "last 90 days" : null;
  // Said in words the model resolves ("last quarter"): kept as words, so a pinned question moves with the calendar.
  const dateRange = period ? (period.words ?? ([period.from, period.to] as [string, string])) : fallback;
  const timeDimensions: NonNullable<SemanticQueryInput["timeDimensions"]> =
    dateRange || grain
      ? [
          {
            dimension: "Calls.occurredAt",
            ...(grain ? { granularity: grain } : {}),
            ...(dateRange ? { dateRange } : {}),
          },
        ]
      : [];

  const { limit, order } = ranking(text, measures[0]!);

  return {
    kind: "query",
    query: queryOf({ measures, dimensions, timeDimensions, filters, order, limit }),
    period: period ? period.label : fallback && `the ${fallback}`,
    said: { measure: named.length > 0 || scorecard, breakdown: dimensions.length > 0 || !!grain, period: !!period },
  };
}
