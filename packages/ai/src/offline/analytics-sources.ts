// Analytics questions about the sources beside calls: Medicare Part D (claims, share, writers — by data year, for the
// HCPs aligned to the asker's territories), Open Payments and tasks. Each reader returns null when the question is
// not about its source, a query of that source's members, or what it cannot answer and why.
import type { DimensionName, MeasureName, SemanticQueryInput } from "@pharmacrm/domain";

import { attributeFilters } from "./analytics-targets";
import {
  breakdowns,
  dimensionPatterns,
  HCP_BREAKDOWNS,
  HCP_RANKING,
  placeAndProductFilters,
  queryOf,
  ranking,
  readingOf,
  type AnalyticsReading,
} from "./analytics-words";
import { periodOf } from "./intents/shared";
import type { Message } from "./message";
import type { IntentVocabulary } from "./vocabulary";

// Part D: the words that name its measures, most specific first; each phrase read is blanked before the next, so
// "market claims" is not also "claims".
const PART_D_WORDS: [RegExp, MeasureName][] = [
  [/\bnew (?:\w+ ){0,2}(writers?|prescribers?)\b|\bstarted (writing|prescribing)\b/, "PartD.newWriters"],
  [/\b(market|mkt) (shar\w*|shr)\b|\bshare\b|\bshr\b/, "PartD.share"],
  [
    /\b(market|mkt|class) (claims|volume|size|trx|total)\b|\b(whole|entire|total) (market|class)\b|\bhow big is the \w+ (market|class)\b/,
    "PartD.marketClaims",
  ],
  [/\b(claims?|scripts?|prescriptions?|trx|rx|prescribing)\b/, "PartD.claims"],
];
// "how many docs write Eliquis", "number of prescribers", "fewest writers": a count of writers.
const WRITER_COUNT =
  /\b(how many|number of|count of|#)\s+(?:\w+\s+){0,4}?(writers?|prescribers?|(hcps|docs|doctors|physicians|providers)\b.*\b(wr(ote|ite|ites|iting)|prescrib\w*))\b/;
const WRITERS = /\b(writers?|prescribers?)\b/;
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
    rest = rest.replace(new RegExp(pattern.source, "g"), " ");
  }
  // "market claims … for the whole class" names the market's claims once, not the brand's beside them.
  if (named.includes("PartD.marketClaims") && !/\b(and|vs\.?|versus)\b|&|,/.test(text))
    return named.filter((name) => name !== "PartD.claims");
  // "Part D by territory" names the source: its claims.
  if (named.length === 0 && /\bpart d\b/.test(text)) named.push("PartD.claims");
  const ranked = HCP_RANKING.test(text);
  if (WRITER_COUNT.test(rest) || (WRITERS.test(rest) && !ranked)) named.push("PartD.writers");
  else if (WRITERS.test(rest) && ranked && !named.includes("PartD.claims")) named.push("PartD.claims");
  return [...new Set(named)];
}

/** The HCP's decile by Part D market volume, not the decile the org sets on the account. */
const VOLUME = "(?:part d|volume|claims?|rx|trx|prescribing|scripts?|market)";
export const VOLUME_DECILE = new RegExp(`\\b${VOLUME} deciles?\\b`);
const VOLUME_DECILE_VALUES = new RegExp(
  `\\b${VOLUME} deciles? (10|[1-9])(?:\\s*(?:-|–|to|through|thru)\\s*(10|[1-9]))?\\b`,
);

/** "in volume deciles 8-10", "volume decile 10", "top rx decile": a condition on the Part D decile. */
function volumeDecileFilter(text: string): NonNullable<SemanticQueryInput["filters"]>[number] | null {
  const said = VOLUME_DECILE_VALUES.exec(text);
  const [from, to] = said
    ? [Number(said[1]), Number(said[2] ?? said[1])]
    : new RegExp(`\\btop ${VOLUME} decile\\b`).test(text)
      ? [10, 10]
      : [0, -1];
  if (from > to) return null;
  const values = Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  return { member: "PartD.decile", operator: "equals", values };
}

// Part D breaks down by the HCP, their place and territory, and the product (its market).
const PART_D_BREAKDOWNS = new Set<DimensionName>([...HCP_BREAKDOWNS, "Products.name"]);

const YEARLY =
  "CMS publishes Part D once a year, by calendar year, about two years behind — ask for the latest year, a year such as 2023, or a trend by year";

/** A Part D question read as the Part D cube, or what Part D cannot answer. */
export function readPartD(m: Message, now: Date, vocabulary: IntentVocabulary): AnalyticsReading | null {
  const text = m.text;
  // Loading or fixing the Part D data is admin work on the Data screen, not a number.
  if (/\b(import|load|upload|ingest\w*|file|refresh(ed)?|mapp(ing|ed)|ndcs?)\b|\bdata (is )?out\b/.test(text))
    return null;
  // "claims by volume decile": the decile is a breakdown, not the claims asked for.
  const volumeDecile = VOLUME_DECILE.test(text);
  const measures = partDMeasures(text.replace(new RegExp(VOLUME_DECILE.source, "g"), " "));
  if (measures.length === 0) return null;
  if (PAYMENT_WORDS.test(text)) return COMBINED;
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
  const volumeFilter = volumeDecileFilter(text);
  if (volumeDecile && !volumeFilter) dimensions.push("PartD.decile");
  for (const [pattern, name] of dimensionPatterns) {
    if (volumeDecile && name === "Hcps.decile") continue;
    if (PART_D_BREAKDOWNS.has(name) && pattern.test(text) && !dimensions.includes(name) && dimensions.length < 2)
      dimensions.push(name);
  }
  // The account's tier, decile or segment ("among my decile 8-10 docs"), besides a Part D decile said with its words.
  const attributes = attributeFilters(
    text.replace(new RegExp(VOLUME_DECILE_VALUES.source, "g"), " ").replace(new RegExp(VOLUME_DECILE.source, "g"), " "),
    vocabulary.segments,
  ).filter((f) => !dimensions.includes(f.member));
  const filters = [
    ...placeAndProductFilters(m, vocabulary, dimensions),
    ...attributes,
    ...(volumeFilter ? [volumeFilter] : []),
  ];
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

/** Dimensions each source can be broken down by, among those said the common way ("by territory"). */
const BREAKDOWNS: Record<"Payments" | "Tasks", ReadonlySet<DimensionName>> = {
  Payments: HCP_BREAKDOWNS,
  Tasks: new Set(["Reps.name", "Territories.name", "Regions.name", "Hcps.specialty", "Hcps.tier", "Hcps.segment"]),
};

// "payments to our top prescribers" ranks by Part D, then sums payments: two sources the model does not join yet.
const COMBINED: AnalyticsReading = {
  kind: "unsupported",
  what: "Open Payments combined with Part D prescribing (payments to the top prescribers)",
};

const PAYMENT_WORDS =
  /\b(open payments|payments?|paid|spend|spent|transfers? of value|honorari\w*|speaker (fees?|programs?)|consulting fees?|industry money|sunshine act)\b/;

/** Open Payments: amounts, counts, manufacturers and HCPs paid, for the HCPs aligned to the asker's territories. */
export function readPayments(m: Message, now: Date, vocabulary: IntentVocabulary): AnalyticsReading | null {
  const text = m.text;
  if (!PAYMENT_WORDS.test(text)) return null;
  // Loading the data is admin work; a physician's own payments ("his open payments") are their profile; physicians
  // paid by a named manufacturer are a search.
  if (/\b(import|load|upload|file|refresh(ed)?|ingest\w*)\b/.test(text)) return null;
  if (/\b(his|her|he|she|their|them)\b/.test(text) || m.physicianTitled) return null;
  if (/\b(paid by|payments? from|money from|received (\w+ )?from)\b/.test(text)) return null;
  if (
    /^\s*(please\s+)?(list|find|search( for)?|show me( the)?|who are)\b/.test(text) &&
    !/\b(total|sum|how much|by)\b/.test(text)
  )
    return null;
  if (/\b(prescribers?|writers?|claims|trx|scripts)\b/.test(text)) return COMBINED;
  if (/\b(by|per|each|which) (reps?|channels?)\b/.test(text) || m.products.length > 0)
    return {
      kind: "unsupported",
      what: m.products.length ? "Open Payments for one product" : "Open Payments by rep or channel",
      why: "payments are reported per HCP and manufacturer — ask by manufacturer, nature of payment, HCP, territory or region",
    };
  const measures: MeasureName[] = [];
  if (/\b(how many|number of|count of)\s+(\w+\s+)?payments?\b/.test(text)) measures.push("Payments.count");
  if (/\b(how many|number of)\s+(\w+\s+)?(manufacturers|companies|pharma companies)\b/.test(text))
    measures.push("Payments.manufacturers");
  if (/\bhow many (of my )?(hcps|doctors|docs|physicians|providers)\b/.test(text)) measures.push("Payments.recipients");
  if (measures.length === 0) measures.push("Payments.amount");
  const first: DimensionName[] = [];
  if (/\b(by|per|each|which|top|what) (manufacturers?|compan(y|ies)|pharma|payers?|sponsors?)\b/.test(text))
    first.push("Payments.manufacturer");
  if (/\b(by|per) (nature|type|category|kind)\b|\b(nature|type|kind)s? of payments?\b/.test(text))
    first.push("Payments.nature");
  if (!measures.includes("Payments.recipients") && HCP_RANKING.test(text)) first.push("Hcps.name");
  const dimensions = breakdowns(text, BREAKDOWNS.Payments, first);
  return readingOf(m, now, "Payments.paidOn", {
    measures,
    dimensions,
    filters: placeAndProductFilters(m, vocabulary, dimensions),
  });
}

/** Tasks: open, overdue and completed, within the asker's scope; a period is the due date. */
export function readTasks(m: Message, now: Date, vocabulary: IntentVocabulary): AnalyticsReading | null {
  const text = m.text;
  if (!/\b(tasks?|to-?dos?)\b/.test(text)) return null;
  const measures: MeasureName[] = [];
  if (/\b(open|outstanding|pending|incomplete)\b/.test(text)) measures.push("Tasks.open");
  if (/\b(overdue|late|past due)\b/.test(text)) measures.push("Tasks.overdue");
  if (/\b(completed?|done|closed|finished)\b/.test(text)) measures.push("Tasks.completed");
  if (measures.length === 0) measures.push("Tasks.open");
  const dimensions = breakdowns(text, BREAKDOWNS.Tasks);
  // "how many overdue tasks does each rep have", "who has the most overdue tasks": by rep.
  if (
    !dimensions.includes("Reps.name") &&
    m.people.length === 0 &&
    (/\beach (rep|person|team member)\b/.test(text) || /\bwho\b.*\b(most|least|fewest)\b/.test(text))
  )
    dimensions.unshift("Reps.name");
  const filters = placeAndProductFilters(m, vocabulary, dimensions).filter((f) => f.member !== "Products.name");
  if (m.people.length)
    filters.unshift({ member: "Reps.name", operator: "equals", values: m.people.map((p) => p.value) });
  return readingOf(m, now, "Tasks.dueDate", { measures, dimensions, filters });
}
