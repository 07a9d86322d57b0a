// An analytics question read as a semantic query: the measures named ("calls", "samples", "reach"), what to break
// them down by ("per rep", "which territory", "by month"), filters from the org's own words (a colleague, a
// territory or region, a product, a channel) and the period ("last quarter"). Only members of the model come out;
// what the model does not hold yet (share, Part D, payments, coverage) is said, never guessed.
import type { DimensionName, MeasureName, SemanticQueryInput } from "@pharmacrm/domain";

import { periodOf } from "./intents/shared";
import type { Message } from "./message";
import type { IntentVocabulary } from "./vocabulary";

export type AnalyticsReading =
  { kind: "query"; query: SemanticQueryInput; period: string | null } | { kind: "unsupported"; what: string };

// Measures the model does not have yet, named so the answer can say which.
const NOT_YET: [RegExp, string][] = [
  [
    /\b(market share|share|nbrx|trx|nrx|new[- ]to[- ]brand|new writers?|claims|prescri\w*|scripts|writers?)\b/,
    "Part D prescribing and share",
  ],
  [/\b(payments?|open payments|spend)\b/, "Open Payments"],
  [/\b(coverage|covered|call plan|attainment|quota|target list)\b/, "coverage and call-plan attainment"],
  [/\b(tasks?|overdue|to-?dos?)\b/, "tasks"],
  [/\b(consent|opt[- ]?in|opt[- ]?out)\b/, "consent coverage"],
  [/\b(accept(ed|ance)?|dismiss(ed|al)?) rate|\bnba\b/, "next-best-action decisions"],
];

const MEASURE_WORDS: [RegExp, MeasureName][] = [
  [/\bsamples?\b|\bdrops\b/, "Calls.samples"],
  [/\bdetail(s|ing)?\b|\bproducts? discussed\b/, "Calls.details"],
  [
    /\breach(ed)?\b|\b(hcps|doctors|physicians|docs) (seen|reached|visited|called on)\b|\bunique (hcps|doctors|physicians)\b|\bhow many (hcps|doctors|physicians|docs)\b/,
    "Calls.reach",
  ],
  [/\bfrequency\b|\bcalls? per (hcp|doctor|physician|doc)\b|\bper hcp\b/, "Calls.frequency"],
  [/\b(calls?|visits?|interactions?|activity|touchpoints?|meetings?)\b/, "Calls.count"],
];

const BY_WORDS: [RegExp, DimensionName][] = [
  [/\b(reps?|representatives?|person|people|team members?|who)\b/, "Reps.name"],
  [/\bterritor(y|ies)\b/, "Territories.name"],
  [/\b(regions?|districts?)\b/, "Regions.name"],
  [/\b(channels?|call types?|type of call)\b/, "Calls.channel"],
  [/\b(products?|brands?)\b/, "Products.name"],
  [/\bspecialt(y|ies)\b|\bspeciality\b/, "Hcps.specialty"],
  [/\bstates?\b/, "Hcps.state"],
  [/\bcit(y|ies)\b/, "Hcps.city"],
  [/\btiers?\b/, "Hcps.tier"],
  [/\bsegments?\b/, "Hcps.segment"],
  [/\bdeciles?\b/, "Hcps.decile"],
];

const GRAIN: [RegExp, "week" | "month" | "quarter" | "day"][] = [
  [/\b(by|per|each) (day)\b|\bdaily\b/, "day"],
  [/\b(by|per|each) (week|wk)\b|\bweekly\b|\bweek by week\b|\bweek over week\b/, "week"],
  [/\b(by|per|each) quarter\b|\bquarterly\b|\bqoq\b/, "quarter"],
  [
    /\b(by|per|each) month\b|\bmonthly\b|\bmonth by month\b|\bmonth over month\b|\btrend(s|ing)?\b|\bover time\b/,
    "month",
  ],
];

const CHANNELS: [RegExp, string][] = [
  [/\b(phone|telephone)\b/, "phone"],
  [/\b(video|zoom|teams|virtual)\b/, "video"],
  [/\b(in[- ]person|face to face|f2f|field)\b/, "in_person"],
  [/\bemails?\b/, "email"],
];

const NUMBER_WORDS: Record<string, number> = { three: 3, five: 5, ten: 10, twenty: 20 };

/** "how is Kevin Walsh doing", "where should my team focus": a scorecard of the call measures. */
const SCORECARD = /\b(doing|performing|performance|scorecard|numbers|stats|how did|tracking|kpis?)\b/;

export function readAnalytics(m: Message, now: Date, vocabulary: IntentVocabulary): AnalyticsReading {
  const text = m.text;
  const named = MEASURE_WORDS.filter(([pattern]) => pattern.test(text)).map(([, name]) => name);
  const scorecard = SCORECARD.test(text);
  if (named.length === 0 || (named.length === 1 && named[0] === "Calls.count" && !/\bcalls?|visits?\b/.test(text))) {
    const missing = NOT_YET.find(([pattern]) => pattern.test(text));
    if (missing && !scorecard) return { kind: "unsupported", what: missing[1] };
  }
  const measures: MeasureName[] = scorecard
    ? ["Calls.count", "Calls.reach", "Calls.frequency", "Calls.samples"]
    : named.length
      ? [...new Set(named)]
      : [];
  if (measures.length === 0) {
    const missing = NOT_YET.find(([pattern]) => pattern.test(text));
    return { kind: "unsupported", what: missing?.[1] ?? "that measure" };
  }

  // What to break the figures down by: after "per", "by", "each", or "which … had the most".
  const dimensions: DimensionName[] = [];
  const breakdown = /\b(?:per|by|each|every|which|what|across|for each|rank(?:ing)?|leaderboard|compare)\b(.*)$/.exec(
    text,
  )?.[1];
  for (const [pattern, name] of BY_WORDS) {
    if (breakdown && pattern.test(breakdown) && !dimensions.includes(name) && dimensions.length < 2) {
      // "calls per rep in my region": "region" here is the scope, not a breakdown.
      if (
        name === "Regions.name" &&
        /\b(my|our|the|this) (region|district)\b/.test(text) &&
        !/\b(per|by|each|which) (region|district)/.test(text)
      )
        continue;
      if (
        name === "Territories.name" &&
        /\b(my|our) territor(y|ies)\b/.test(text) &&
        !/\b(per|by|each|which) territor/.test(text)
      )
        continue;
      if (name === "Reps.name" && m.people.length > 0 && !/\b(per|by|each|which|every) rep/.test(text)) continue;
      dimensions.push(name);
    }
  }
  if (/\bleaderboard|rank (my|the) reps|each rep|my reps\b/.test(text) && !dimensions.includes("Reps.name"))
    dimensions.unshift("Reps.name");

  const filters: NonNullable<SemanticQueryInput["filters"]> = [];
  if (m.people.length) filters.push({ member: "Reps.name", operator: "equals", values: m.people.map((p) => p.value) });
  for (const area of m.areas) {
    const member = vocabulary.regions.includes(area.value) ? "Regions.name" : "Territories.name";
    filters.push({ member, operator: "equals", values: [area.value] });
  }
  if (m.products.length && !dimensions.includes("Products.name"))
    filters.push({ member: "Products.name", operator: "equals", values: [...new Set(m.products.map((p) => p.value))] });
  const channel = CHANNELS.find(([pattern]) => pattern.test(text));
  if (channel && !dimensions.includes("Calls.channel"))
    filters.push({ member: "Calls.channel", operator: "equals", values: [channel[1]] });

  const grain = GRAIN.find(([pattern]) => pattern.test(text))?.[1];
  const period = periodOf(text, now);
  // A trend with no period: the last twelve months; a scorecard: the last 90 days.
  const fallback = grain ? "last 12 months" : scorecard ? "last 90 days" : null;
  const dateRange = period ? ([period.from, period.to] as [string, string]) : fallback;
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

  const top = /\b(top|best|highest|most)\s+(\d{1,3}|three|five|ten|twenty)\b/.exec(text);
  const bottom = /\b(bottom|worst|lowest|least|fewest)\s*(\d{1,3}|three|five|ten|twenty)?\b/.exec(text);
  const n = top?.[2] ?? bottom?.[2];
  const limit = n ? Math.min(1000, /^\d+$/.test(n) ? Number(n) : NUMBER_WORDS[n]!) : top ? 10 : undefined;
  const order: NonNullable<SemanticQueryInput["order"]> = bottom ? [[measures[0]!, "asc"]] : [];

  return {
    kind: "query",
    query: {
      measures,
      ...(dimensions.length ? { dimensions } : {}),
      ...(timeDimensions.length ? { timeDimensions } : {}),
      ...(filters.length ? { filters } : {}),
      ...(order.length ? { order } : {}),
      ...(limit ? { limit } : {}),
    },
    period: period ? period.label : fallback && `the ${fallback}`,
  };
}
