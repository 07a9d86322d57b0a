// The words every analytics reader shares: how a breakdown is said ("by territory", "which rep"), time grains,
// rankings ("top 5", "bottom three"), the places and products named as filters, the breakdowns said, and the reading
// (query, period, what was said) built from them.
import type { DimensionName, MeasureName, SemanticQueryInput } from "@pharmacrm/domain";

import { periodOf } from "./intents/shared";
import type { Message } from "./message";
import { specialtiesOf } from "./specialty-words";
import type { IntentVocabulary } from "./vocabulary";

type Filters = NonNullable<SemanticQueryInput["filters"]>;

export type AnalyticsReading =
  | {
      kind: "query";
      query: SemanticQueryInput;
      period: string | null;
      /** What made it a numbers question: a measure said, a breakdown or time grain, a period. */
      said: { measure: boolean; breakdown: boolean; period: boolean };
    }
  | { kind: "unsupported"; what: string; why?: string };

/** The words that name each dimension, singular or plural. */
export const DIMENSION_WORDS: [string, DimensionName][] = [
  ["reps?|representatives?|team members?|people|sales ?reps?", "Reps.name"],
  ["territor(?:y|ies)|terrs?", "Territories.name"],
  ["regions?|districts?", "Regions.name"],
  ["channels?|call types?|types? of calls?", "Calls.channel"],
  ["products?|brands?", "Products.name"],
  ["specialt(?:y|ies)|specialit(?:y|ies)", "Hcps.specialty"],
  ["states?", "Hcps.state"],
  ["cit(?:y|ies)", "Hcps.city"],
  ["(?:hcp )?tiers?", "Hcps.tier"],
  ["segments?", "Hcps.segment"],
  ["deciles?", "Hcps.decile"],
];
// A dimension is a breakdown when it follows by/per/each/which/top N…, or leads "leaderboard", "mix", "breakdown".
export const dimensionPatterns = DIMENSION_WORDS.map(
  ([words, name]) =>
    [
      new RegExp(
        `\\b(?:by|per|each|every|which|what|across|for each|for every|top|bottom|best|worst|most|fewest|rank(?:ed|ing)?(?: (?:my|the|our))?|compare(?: (?:my|the|our))?)\\s+(?:\\d+\\s+|three\\s+|five\\s+|ten\\s+)?(?:of (?:my|the|our)\\s+)?(?:hcp\\s+)?(?:${words})\\b|\\b(?:${words})\\s+(?:leaderboard|mix|breakdown|split|ranking|ranked)\\b`,
      ),
      name,
    ] as const,
);

/** The breakdowns every source of HCP figures has: the HCP's territory, region, specialty, place and the org's attributes. */
export const HCP_BREAKDOWNS: ReadonlySet<DimensionName> = new Set<DimensionName>([
  "Territories.name",
  "Regions.name",
  "Hcps.specialty",
  "Hcps.state",
  "Hcps.city",
  "Hcps.tier",
  "Hcps.segment",
  "Hcps.decile",
]);

/** "by region and channel", "by chanel & rep": every dimension of the clause after "by", when it lists several. */
export function andedDimensions(text: string): DimensionName[] {
  const clause =
    /\b(?:by|per)\s+([a-z ,&/]+?)(?=\s+(?:in|for|this|last|over|during|since|from|qtd|ytd|mtd|wtd|q[1-4])\b|[?.!]|$)/.exec(
      text,
    )?.[1];
  if (!clause || !/\b(and|&)\b|,|\//.test(clause)) return [];
  return clause.split(/\s*(?:\band\b|&|,|\/)\s*/).flatMap((part) => {
    const hit = DIMENSION_WORDS.find(([words]) => new RegExp(`^(?:hcp\\s+)?(?:${words})$`).test(part.trim()));
    return hit ? [hit[1]] : [];
  });
}

export const GRAIN: [RegExp, "week" | "month" | "quarter" | "day" | "year"][] = [
  [/\b(by|per|each) day\b|\bdaily\b|\bday by day\b/, "day"],
  [/\b(by|per|each) (week|wk)\b|\bweekly\b|\bweek by week\b|\bweek over week\b|\bwow\b/, "week"],
  [/\b(by|per|each) quarter\b|\bquarterly\b|\bqoq\b|\bquarter by quarter\b/, "quarter"],
  [/\b(by|per|each) year\b|\byearly\b|\bannual(ly)?\b|\byear by year\b/, "year"],
  [
    /\b(by|per|each) month\b|\bmonthly\b|\bmonth by month\b|\bmonth over month\b|\bmom\b|\btrend(s|ed|ing)?\b|\bover time\b/,
    "month",
  ],
];

const NUMBER_WORDS: Record<string, number> = { three: 3, five: 5, ten: 10, twenty: 20 };

// "top prescribers", "which doctors wrote the most": HCPs ranked by claims.
export const HCP_RANKING =
  /\b(top|best|biggest|highest|heaviest|leading|largest|lowest|smallest|bottom|which|who|what)\b(?:\s+\S+){0,4}?\s+(hcps?|doctors?|docs?|physicians?|prescribers?|writers?|providers?)\b|\b(by|per) (hcp|doctor|physician|prescriber|npi)\b/;

/** The query with only the parts that were read. */
export function queryOf(parts: {
  measures: MeasureName[];
  dimensions: DimensionName[];
  timeDimensions: NonNullable<SemanticQueryInput["timeDimensions"]>;
  filters: NonNullable<SemanticQueryInput["filters"]>;
  order: NonNullable<SemanticQueryInput["order"]>;
  limit: number | undefined;
}): SemanticQueryInput {
  const { measures, dimensions, timeDimensions, filters, order, limit } = parts;
  return {
    measures,
    ...(dimensions.length ? { dimensions } : {}),
    ...(timeDimensions.length ? { timeDimensions } : {}),
    ...(filters.length ? { filters } : {}),
    ...(order.length ? { order } : {}),
    ...(limit ? { limit } : {}),
  };
}

/** A territory or region named ("in the Northeast"), the products and specialties named unless they are the breakdown. */
export function placeAndProductFilters(m: Message, vocabulary: IntentVocabulary, dimensions: readonly DimensionName[]) {
  // Two territories said ("boston and new york") are one condition holding either, not two that no call meets.
  const filters: NonNullable<SemanticQueryInput["filters"]> = [];
  for (const area of m.areas) {
    const member = vocabulary.regions.includes(area.value) ? "Regions.name" : "Territories.name";
    const same = filters.find((f) => f.member === member);
    if (same) same.values = [...new Set([...(same.values ?? []), area.value])];
    else filters.push({ member, operator: "equals", values: [area.value] });
  }
  if (m.products.length && !dimensions.includes("Products.name"))
    filters.push({ member: "Products.name", operator: "equals", values: [...new Set(m.products.map((p) => p.value))] });
  const specialties = specialtiesOf(m.text);
  if (specialties.length && !dimensions.includes("Hcps.specialty"))
    filters.push({ member: "Hcps.specialty", operator: "equals", values: specialties });
  return filters;
}

/** "top 5", "bottom three", "least": how many rows and which way; "top" alone is ten. */
export function ranking(text: string, measure: MeasureName) {
  const top = /\b(top|best|highest|most)\s+(\d{1,3}|three|five|ten|twenty)\b/.exec(text);
  // "at least once" is not a ranking.
  const bottom = /\b(bottom|worst|lowest|(?<!\bat )least|fewest)\s*(\d{1,3}|three|five|ten|twenty)?\b/.exec(text);
  // "my 5 lowest", "the 10 biggest": the number may come first.
  const before =
    /\b(\d{1,3}|three|five|ten|twenty)\s+(top|best|highest|biggest|largest|lowest|bottom|worst|smallest)\b/.exec(text);
  const n = top?.[2] ?? bottom?.[2] ?? before?.[1];
  const limit = n
    ? Math.min(1000, /^\d+$/.test(n) ? Number(n) : NUMBER_WORDS[n]!)
    : top || /\btop\b/.test(text)
      ? 10
      : undefined;
  const ascending = bottom || /^(lowest|bottom|worst|smallest)$/.test(before?.[2] ?? "");
  const order: NonNullable<SemanticQueryInput["order"]> = ascending ? [[measure, "asc"]] : [];
  return { limit, order };
}

/** The breakdowns said ("by rep", "by channel and region"), leaving out what is already a filter ("which tier A …"). */
export function breakdowns(
  text: string,
  allowed: ReadonlySet<DimensionName>,
  first: DimensionName[] = [],
  filtered: Filters = [],
): DimensionName[] {
  const dimensions = [...first];
  const said = [
    ...dimensionPatterns.filter(([pattern]) => pattern.test(text)).map(([, name]) => name),
    ...andedDimensions(text),
  ];
  for (const word of said) {
    // "by channel" is the consent channel where consent is asked about.
    const name = word === "Calls.channel" && allowed.has("Consent.channel") ? "Consent.channel" : word;
    if (allowed.has(name) && !dimensions.includes(name) && !filtered.some((f) => f.member === name))
      if (dimensions.length < 3) dimensions.push(name);
  }
  return dimensions;
}

/** A reading of a dated cube: its time grain and period as said, the ranking, and the query built from them. */
export function readingOf(
  m: Message,
  now: Date,
  time: NonNullable<SemanticQueryInput["timeDimensions"]>[number]["dimension"],
  parts: { measures: MeasureName[]; dimensions: DimensionName[]; filters: Filters; order?: "asc" | "desc" },
): AnalyticsReading {
  const grain = GRAIN.find(([pattern]) => pattern.test(m.text))?.[1];
  const period = periodOf(m.text, now);
  const timeDimensions: NonNullable<SemanticQueryInput["timeDimensions"]> =
    grain || period
      ? [
          {
            dimension: time,
            ...(grain ? { granularity: grain } : {}),
            ...(period ? { dateRange: period.words ?? ([period.from, period.to] as [string, string]) } : {}),
          },
        ]
      : [];
  // "top decile" names HCPs, not a ranking.
  const ranked = ranking(m.text.replace(/\btop[- ]((two|three|2|3) )?deciles?\b/g, " "), parts.measures[0]!);
  const order = parts.order ? [[parts.measures[0]!, parts.order] as [MeasureName, "asc" | "desc"]] : ranked.order;
  return {
    kind: "query",
    query: queryOf({ ...parts, timeDimensions, order, limit: ranked.limit }),
    period: period?.label ?? null,
    said: { measure: true, breakdown: parts.dimensions.length > 0 || !!grain, period: !!period },
  };
}
