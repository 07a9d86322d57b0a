// An analytics question read as a semantic query: the measures named ("calls", "samples", "reach"), what to break
// them down by ("per rep", "which territory", "by month"), filters from the org's own words (a colleague, a
// territory or region, a product, a channel) and the period ("last quarter"). Part D words ("claims", "share",
// "writers") read the Part D cube, by data year. Only members of the model come out; what the model does not hold
// yet (payments, coverage, tasks) — or what Part D cannot say (last month's scripts, NRx) — is said, never guessed.
import type { DimensionName, MeasureName, SemanticQueryInput } from "@pharmacrm/domain";

import { periodOf } from "./intents/shared";
import type { Message } from "./message";
import type { IntentVocabulary } from "./vocabulary";

export type AnalyticsReading =
  | {
      kind: "query";
      query: SemanticQueryInput;
      period: string | null;
      /** What made it a numbers question: a measure said, a breakdown or time grain, a period. */
      said: { measure: boolean; breakdown: boolean; period: boolean };
    }
  | { kind: "unsupported"; what: string; why?: string };

// Measures the model does not have yet, named so the answer can say which.
const NOT_YET: [RegExp, string][] = [
  [
    /\b(nbrx|nrx|new[- ]to[- ]brand|new prescriptions|new scripts)\b/,
    "new prescriptions (NRx): public Medicare Part D has each year's total claims only — ask for claims or new writers",
  ],
  [/\b(payments?|open payments|spend|paid)\b/, "Open Payments"],
  [/\b(coverage|covered|call plan|attainment|quota|target list)\b/, "coverage and call-plan attainment"],
  [/\b(tasks?|overdue|to-?dos?)\b/, "tasks"],
  [/\b(consent\w*|opt(ed)?[- ]?in|opt(ed)?[- ]?out|unsubscrib\w*)\b/, "consent coverage"],
  [/\b(accept(ed|ance)?|dismiss(ed|al)?) rate|\bnba\b|\bnext[- ]best/, "next-best-action decisions"],
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

/** The words that name each dimension, singular or plural. */
const DIMENSION_WORDS: [string, DimensionName][] = [
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
const dimensionPatterns = DIMENSION_WORDS.map(
  ([words, name]) =>
    [
      new RegExp(
        `\\b(?:by|per|each|every|which|what|across|for each|for every|top|bottom|best|worst|most|fewest|rank(?:ed|ing)?(?: (?:my|the|our))?|compare(?: (?:my|the|our))?)\\s+(?:\\d+\\s+|three\\s+|five\\s+|ten\\s+)?(?:of (?:my|the|our)\\s+)?(?:hcp\\s+)?(?:${words})\\b|\\b(?:${words})\\s+(?:leaderboard|mix|breakdown|split|ranking|ranked)\\b`,
      ),
      name,
    ] as const,
);

const GRAIN: [RegExp, "week" | "month" | "quarter" | "day" | "year"][] = [
  [/\b(by|per|each) day\b|\bdaily\b|\bday by day\b/, "day"],
  [/\b(by|per|each) (week|wk)\b|\bweekly\b|\bweek by week\b|\bweek over week\b|\bwow\b/, "week"],
  [/\b(by|per|each) quarter\b|\bquarterly\b|\bqoq\b|\bquarter by quarter\b/, "quarter"],
  [/\b(by|per|each) year\b|\byearly\b|\bannual(ly)?\b|\byear by year\b/, "year"],
  [
    /\b(by|per|each) month\b|\bmonthly\b|\bmonth by month\b|\bmonth over month\b|\bmom\b|\btrend(s|ed|ing)?\b|\bover time\b/,
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

// Part D: the words that name its measures, most specific first; each phrase read is blanked before the next, so
// "market claims" is not also "claims".
const PART_D_WORDS: [RegExp, MeasureName][] = [
  [/\bnew (?:\w+ ){0,2}(writers?|prescribers?)\b|\bstarted (writing|prescribing)\b/g, "PartD.newWriters"],
  [/\b(market|mkt) (shar\w*|shr)\b|\bshare\b|\bshr\b/g, "PartD.share"],
  [
    /\b(market|mkt|class) (claims|volume|size|trx|total)\b|\b(whole|entire|total) (market|class)\b|\bhow big is the \w+ (market|class)\b/g,
    "PartD.marketClaims",
  ],
  [/\b(part d|claims?|scripts?|prescriptions?|trx|rx|prescribing)\b/g, "PartD.claims"],
];
// "how many docs write Eliquis", "number of prescribers", "fewest writers": a count of writers.
const WRITER_COUNT =
  /\b(how many|number of|count of|#)\s+(?:\w+\s+){0,4}?(writers?|prescribers?|(hcps|docs|doctors|physicians|providers)\b.*\b(wr(ote|ite|ites|iting)|prescrib\w*))\b/;
const WRITERS = /\b(writers?|prescribers?)\b/;
// "top prescribers", "which doctors wrote the most": HCPs ranked by claims.
const HCP_RANKING =
  /\b(top|best|biggest|highest|heaviest|leading|largest|lowest|smallest|bottom|which|who|what)\b(?:\s+\S+){0,4}?\s+(hcps?|doctors?|docs?|physicians?|prescribers?|writers?|providers?)\b|\b(by|per) (hcp|doctor|physician|prescriber|npi)\b/;
// A period shorter than a year, said in a way the period reader may not take ("rolling 90 day", "this yr").
const SUB_YEAR =
  /\b(rolling|trailing)\b|\b\d+[- ]?(day|days|d|wk|wks|week|weeks|mo|month|months)\b|\b(this|last|past|prior) (yr|wk|mo|mth|qtr)\b|\b(ytd|qtd|mtd|wtd|q[1-4])\b/;
// "2021 to 2023", "2022-2023": whole years.
const YEAR_SPAN = /\b(20\d\d)\s*(?:-|–|to|through|thru|and|vs\.?)\s*(20\d\d)\b/;

/** The Part D measures a question names, in the order read. */
function partDMeasures(text: string): MeasureName[] {
  let rest = text;
  const named: MeasureName[] = [];
  for (const [pattern, name] of PART_D_WORDS) {
    if (!pattern.test(rest)) continue;
    named.push(name);
    rest = rest.replace(pattern, " ");
  }
  const ranked = HCP_RANKING.test(text);
  if (WRITER_COUNT.test(rest) || (WRITERS.test(rest) && !ranked)) named.push("PartD.writers");
  else if (WRITERS.test(rest) && ranked && !named.includes("PartD.claims")) named.push("PartD.claims");
  return [...new Set(named)];
}

const PART_D_ONLY = new Set<DimensionName>([
  "Territories.name",
  "Regions.name",
  "Products.name",
  "Hcps.specialty",
  "Hcps.state",
  "Hcps.city",
  "Hcps.tier",
  "Hcps.segment",
  "Hcps.decile",
]);

const YEARLY =
  "CMS publishes Part D once a year, by calendar year, about two years behind — ask for the latest year, a year such as 2023, or a trend by year";

/** A Part D question read as the Part D cube, or what Part D cannot answer. */
function readPartD(m: Message, now: Date, vocabulary: IntentVocabulary): AnalyticsReading | null {
  const text = m.text;
  // Loading or fixing the Part D data is admin work on the Data screen, not a number.
  if (/\b(import|load|upload|ingest\w*|file|refresh(ed)?|mapp(ing|ed)|ndcs?)\b|\bdata (is )?out\b/.test(text))
    return null;
  const measures = partDMeasures(text);
  if (measures.length === 0) return null;
  // One brand against another ("Eliquis vs Xarelto share") is a comparison the model does not hold yet.
  if (m.drugs.length > 0 || (/\b(vs\.?|versus|against|compared (to|with))\b/.test(text) && m.products.length !== 1))
    return { kind: "unsupported", what: "one brand's Part D figures against another's" };
  if (/\b(by|per|each|which|top|best) (reps?|representatives?|channels?)\b/.test(text))
    return {
      kind: "unsupported",
      what: "Medicare Part D by rep or channel",
      why: "prescriptions are the HCP's, not a rep's or a call's — ask by territory, region or HCP",
    };
  const span = YEAR_SPAN.exec(text);
  const period = span
    ? { from: `${span[1]}-01-01`, to: `${span[2]}-12-31`, label: `${span[1]}–${span[2]}`, words: undefined }
    : periodOf(text, now);
  const wholeYears = period && period.from.endsWith("-01-01") && period.to.endsWith("-12-31");
  if (!wholeYears && SUB_YEAR.test(text))
    return { kind: "unsupported", what: "Medicare Part D for less than a calendar year", why: YEARLY };
  if (period && !wholeYears)
    return { kind: "unsupported", what: `Medicare Part D for ${period.label.replace(/ \(.*\)$/, "")}`, why: YEARLY };
  if (/\b(by|per|each) (week|wk|month|quarter|day)\b|\b(weekly|monthly|quarterly|daily)\b/.test(text))
    return { kind: "unsupported", what: "Medicare Part D by week, month or quarter", why: YEARLY };

  const measure = measures[0]!;
  const dimensions: DimensionName[] = [];
  if (!measures.includes("PartD.writers") && !measures.includes("PartD.newWriters") && HCP_RANKING.test(text))
    dimensions.push("Hcps.name");
  for (const [pattern, name] of dimensionPatterns) {
    if (PART_D_ONLY.has(name) && pattern.test(text) && !dimensions.includes(name) && dimensions.length < 2)
      dimensions.push(name);
  }
  const filters = placeAndProductFilters(m, vocabulary, dimensions);
  const trend =
    /\btrend(s|ed|ing)?\b|\bover time\b|\b(by|per|each) (year|yr)\b|\byearly\b|\byear over year\b|\byoy\b/.test(text);
  const timeDimensions: NonNullable<SemanticQueryInput["timeDimensions"]> =
    trend || wholeYears
      ? [
          {
            dimension: "PartD.year",
            ...(trend ? { granularity: "year" as const } : {}),
            ...(wholeYears ? { dateRange: period.words ?? ([period.from, period.to] as [string, string]) } : {}),
          },
        ]
      : [];
  const { limit, order } = ranking(text, measure);
  return {
    kind: "query",
    query: queryOf({ measures, dimensions, timeDimensions, filters, order, limit }),
    period: wholeYears ? period.label : null,
    said: { measure: true, breakdown: dimensions.length > 0 || trend, period: !!period },
  };
}

/** The query with only the parts that were read. */
function queryOf(parts: {
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

/** A territory or region named ("in the Northeast"), and the products named unless they are the breakdown. */
function placeAndProductFilters(m: Message, vocabulary: IntentVocabulary, dimensions: readonly DimensionName[]) {
  const filters: NonNullable<SemanticQueryInput["filters"]> = m.areas.map((area) => ({
    member: vocabulary.regions.includes(area.value) ? "Regions.name" : "Territories.name",
    operator: "equals",
    values: [area.value],
  }));
  if (m.products.length && !dimensions.includes("Products.name"))
    filters.push({ member: "Products.name", operator: "equals", values: [...new Set(m.products.map((p) => p.value))] });
  return filters;
}

/** "top 5", "bottom three", "least": how many rows and which way; "top" alone is ten. */
function ranking(text: string, measure: MeasureName) {
  const top = /\b(top|best|highest|most)\s+(\d{1,3}|three|five|ten|twenty)\b/.exec(text);
  const bottom = /\b(bottom|worst|lowest|least|fewest)\s*(\d{1,3}|three|five|ten|twenty)?\b/.exec(text);
  const n = top?.[2] ?? bottom?.[2];
  const limit = n
    ? Math.min(1000, /^\d+$/.test(n) ? Number(n) : NUMBER_WORDS[n]!)
    : top || /\btop\b/.test(text)
      ? 10
      : undefined;
  const order: NonNullable<SemanticQueryInput["order"]> = bottom ? [[measure, "asc"]] : [];
  return { limit, order };
}

/** "how is Kevin Walsh doing", "where should my team focus": a scorecard of the call measures. */
const SCORECARD =
  /\b(doing|performing|performance|scorecard|score card|numbers|stats|summary|how did|tracking|kpis?|report card)\b/;

export function readAnalytics(m: Message, now: Date, vocabulary: IntentVocabulary): AnalyticsReading {
  const text = m.text;
  // What the model does not hold comes first: "call plan attainment" is not a count of calls.
  const missing = NOT_YET.find(([pattern]) => pattern.test(text));
  if (missing) return { kind: "unsupported", what: missing[1] };
  const partD = readPartD(m, now, vocabulary);
  if (partD) return partD;
  const scorecard = SCORECARD.test(text);
  // "call frequency" says "call" without asking for calls: what is left once frequency is read.
  const rest = text.replace(new RegExp(FREQUENCY.source, "g"), " ");
  const named = MEASURE_WORDS.filter(([pattern, name]) =>
    name === "Calls.frequency" ? pattern.test(text) : pattern.test(rest),
  ).map(([, name]) => name);

  const dimensions: DimensionName[] = [];
  for (const [pattern, name] of dimensionPatterns) {
    if (pattern.test(text) && !dimensions.includes(name) && dimensions.length < 2) dimensions.push(name);
  }
  // "by region and channel", "by chanel & rep": every dimension of the clause after "by".
  const clause =
    /\b(?:by|per)\s+([a-z ,&/]+?)(?=\s+(?:in|for|this|last|over|during|since|from|qtd|ytd|mtd|wtd|q[1-4])\b|[?.!]|$)/.exec(
      text,
    )?.[1];
  if (clause && /\b(and|&)\b|,|\//.test(clause)) {
    for (const part of clause.split(/\s*(?:\band\b|&|,|\/)\s*/)) {
      const hit = DIMENSION_WORDS.find(([words]) => new RegExp(`^(?:hcp\\s+)?(?:${words})$`).test(part.trim()));
      if (hit && !dimensions.includes(hit[1]) && dimensions.length < 3) dimensions.push(hit[1]);
    }
  }
  // "who on my team logged the most calls", "rep leaderboard": ranked by rep.
  if (
    !dimensions.includes("Reps.name") &&
    m.people.length === 0 &&
    (/\bwho\b.*\b(most|least|fewest|highest|lowest|top|best|worst)\b/.test(text) || /\bleaderboard\b/.test(text))
  )
    dimensions.unshift("Reps.name");

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
