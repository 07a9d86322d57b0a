// Analytics questions about the org's target HCPs and the reps' decisions: coverage (targets reached, not reached,
// days since the last call), consent coverage by channel, and next-best-action acceptance. Each reader returns null
// when the question is not about its cube, a query of the cube's members, or what it cannot answer and why.
import type { DimensionName, MeasureName, SemanticQueryInput } from "@pharmacrm/domain";

import {
  breakdowns,
  HCP_BREAKDOWNS,
  placeAndProductFilters,
  readingOf,
  type AnalyticsReading,
} from "./analytics-words";
import type { Message } from "./message";
import type { IntentVocabulary } from "./vocabulary";

type Filters = NonNullable<SemanticQueryInput["filters"]>;

const BREAKDOWNS: Record<"Coverage" | "Consent" | "Nba", ReadonlySet<DimensionName>> = {
  Coverage: new Set([...HCP_BREAKDOWNS, "Reps.name"]),
  Consent: new Set([...HCP_BREAKDOWNS, "Consent.channel"]),
  Nba: new Set([...HCP_BREAKDOWNS, "Reps.name"]),
};

const NUMBER = "(10|[1-9])";
/** "tier A", "tier a and b" (the org's tiers are letters), "decile 10", "deciles 8-10", "top decile", "d9 and d10". */
export function attributeFilters(text: string, segments: readonly string[]): Filters {
  const filters: Filters = [];
  const tiers = /\btiers? ([a-d])\b((?:\s*(?:,|and|&|or|\/)\s*[a-d]\b)*)/.exec(text);
  if (tiers) {
    const values = [tiers[1]!, ...(tiers[2]?.match(/\b[a-d]\b/g) ?? [])].map((v) => v.toUpperCase());
    filters.push({ member: "Hcps.tier", operator: "equals", values: [...new Set(values)] });
  }
  const span = new RegExp(`\\bdeciles? ${NUMBER}\\s*(?:-|–|to|through|thru)\\s*${NUMBER}\\b`).exec(text);
  const list = new RegExp(`\\b(?:deciles? |d)${NUMBER}((?:\\s*(?:,|and|&|or|\\/)\\s*d?${NUMBER}\\b)*)`).exec(text);
  const deciles = span
    ? Array.from({ length: Math.max(0, Number(span[2]) - Number(span[1]) + 1) }, (_, i) => String(Number(span[1]) + i))
    : list
      ? [list[1]!, ...(list[2]?.match(/\d+/g) ?? [])]
      : /\btop[- ]decile\b/.test(text)
        ? ["10"]
        : /\btop (two|2) deciles\b/.test(text)
          ? ["9", "10"]
          : /\btop (three|3) deciles\b/.test(text)
            ? ["8", "9", "10"]
            : [];
  if (deciles.length) filters.push({ member: "Hcps.decile", operator: "equals", values: [...new Set(deciles)] });
  // The org's segments: by name beside the word "segment", or a name no everyday word shares ("loyalists").
  const named = segments.filter((segment) => {
    const words = segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[- ]/g, "[- ]");
    return (
      new RegExp(`\\b${words} segment\\b|\\bsegment (is )?${words}\\b`).test(text) ||
      ((segment.includes(" ") || segment.length >= 8) && new RegExp(`\\b${words}s?\\b`).test(text))
    );
  });
  if (named.length) filters.push({ member: "Hcps.segment", operator: "equals", values: named });
  return filters;
}

/** Places and people said: a territory or region, a city (not a territory), a colleague. */
export function whereAndWho(
  m: Message,
  vocabulary: IntentVocabulary,
  dimensions: DimensionName[],
  reps: boolean,
): Filters {
  const filters: Filters = placeAndProductFilters(m, vocabulary, dimensions).filter(
    (f) => f.member !== "Products.name",
  );
  const areas = new Set(m.areas.map((a) => a.value));
  // A city said as a place ("in Cambridge"), not a word that happens to be a place's name.
  const cities = m.places
    .filter(
      (p) => !areas.has(p.value) && new RegExp(`\\b(in|from|at|around|near) ${p.span.text}\\b`, "i").test(m.original),
    )
    .map((p) => p.value);
  if (cities.length && !dimensions.includes("Hcps.city"))
    filters.push({ member: "Hcps.city", operator: "equals", values: cities });
  if (reps && m.people.length)
    filters.unshift({ member: "Reps.name", operator: "equals", values: m.people.map((p) => p.value) });
  return filters;
}

// "which of my … docs", "list the … hcps", "show me my uncovered targets": a list of HCPs.
const HCP_LIST =
  /\b(which|list|show( me)?|who are|name|names of)\b(?:\s+\S+){0,8}?\s+(hcps?|docs?|doctors?|physicians?|targets?|accounts?|providers?)\b|\bwho\b.*\b(haven'?t|not|never|nobody)\b/;
const NOT_REACHED =
  /\b(haven'?t|have not|hasn'?t|not|never|nobody|no one|none)\b(?:\s+\S+){0,4}?\s+(seen|called|visited|reached|covered|contacted)\b|\b(uncovered|unseen|unreached|not reach(ed)?|missed)\b/;
const DAYS_SINCE =
  /\bdays? since\b|\bhow long\b.*\bsince\b|\bsince (i|we|they|my|our|the)( \w+)? last\b|\b(gone|been) the longest\b|\blongest (since|without)\b|\brecency\b/;
const COVERAGE =
  /\b(cov(erage|rage|erge|g)?|covered|uncovered|targets?|target (list|hcps?|docs?))\b|\bhow many (of )?(my |our |the )?(targets|target hcps|accounts)\b/;
// "what % of my decile 10 docs have I called": the share reached.
const SHARE_REACHED =
  /(%|\bpercent(age)?\b|\bproportion\b|\bshare of\b|\bhow many of\b).*\b(called|seen|visited|reached|contacted|covered)\b/;
const COUNTED = /\b(how many|number of|vs\.?|versus)\b/;
// Another company's reps or figures: the CRM holds the org's own.
const OTHER_COMPANY =
  /\b(competitors?'?s?|competition|other compan\w*|their reps|pfizer|merck|bms|bristol|astrazeneca|novartis|lilly|sanofi|gsk|janssen|boehringer|novo)\b/;
const TARGET_COUNT = /\b(how many|number of)\b(?:\s+\S+){0,4}?\s+(targets?|target hcps|accounts)\b/;
const TARGETS_REACHED =
  /\b(how many|number of)\b(?:\s+\S+){0,4}?\s+(targets?|target hcps|accounts) (did|have|has|were|was|are|not|that|who)\b/;

/** What coverage cannot answer, and why; null when it can. */
function coverageRefusal(m: Message): AnalyticsReading | null {
  if (m.products.length)
    return {
      kind: "unsupported",
      what: "coverage for one product",
      why: "targets are the org's accounts, not a product's — ask by tier, decile, segment, territory or rep",
    };
  if (/\b(forecast|predict|project(ed|ion)?)\b/.test(m.text))
    return { kind: "unsupported", what: "a coverage forecast" };
  if (OTHER_COMPANY.test(m.text))
    return { kind: "unsupported", what: "another company's figures", why: "the CRM holds your org's own calls only" };
  const tier = /\btiers? ([0-9])\b/.exec(m.text);
  if (tier)
    return {
      kind: "unsupported",
      what: `tier ${tier[1]}`,
      why: "the accounts' tiers are letters, A to D — ask for tier A",
    };
  return null;
}

/** Coverage of the target HCPs: the share reached in a period, those not reached, the days since the last call. */
export function readCoverage(m: Message, now: Date, vocabulary: IntentVocabulary): AnalyticsReading | null {
  const text = m.text;
  const attributes = attributeFilters(text, vocabulary.segments);
  const notReached = NOT_REACHED.test(text);
  const daysSince = DAYS_SINCE.test(text);
  const shareReached = SHARE_REACHED.test(text);
  const counted = COUNTED.test(text);
  // "which of my docs haven't I seen in 60 days" is the physician search's; a tier, decile or segment, a count, or
  // the words target and coverage make it coverage.
  if (!COVERAGE.test(text) && !daysSince && !shareReached && !(notReached && (attributes.length || counted)))
    return null;
  // "change the due date of the target spreadsheet task": a task, not the target list.
  if (/\b(tasks?|to-?dos?)\b|\btargets? (spreadsheet|sheet|file|date|deadline|document|doc)\b/.test(text)) return null;
  // "calls to my tier A targets": calls, not coverage, unless coverage itself is said.
  if (
    /\b(calls|visits|samples?|details?|frequency|interactions)\b/.test(text) &&
    !/%|\b(cov(erage|rage|erge|g)?|covered|uncovered|percent(age)?)\b/.test(text) &&
    !notReached &&
    !daysSince
  )
    return null;
  const refusal = coverageRefusal(m);
  if (refusal) return refusal;
  const measures: MeasureName[] = [];
  if (daysSince) measures.push("Coverage.daysSinceLastCall");
  const both = /\b(and|vs\.?|versus)\b/.test(text);
  if (
    ((TARGET_COUNT.test(text) && !TARGETS_REACHED.test(text)) || /\btargets?\b(?:\s+\S+){1,3}? have\b/.test(text)) &&
    (!notReached || both)
  )
    measures.push("Coverage.hcps");
  const reachWords = /\b(reach(ed)?|called|seen|visited|contacted)\b/.test(
    text.replace(new RegExp(NOT_REACHED.source, "g"), " "),
  );
  if (reachWords && counted && !shareReached) measures.push("Coverage.reached");
  if (notReached) measures.push("Coverage.notReached");
  if (measures.length === 0) measures.push("Coverage.rate");
  const list = HCP_LIST.test(text) && (notReached || daysSince) && !/\bhow many\b/.test(text);
  const dimensions = breakdowns(text, BREAKDOWNS.Coverage, list ? ["Hcps.name"] : [], attributes);
  const filters = [...whereAndWho(m, vocabulary, dimensions, true), ...attributes];
  const worst = /\bworst first\b|\b(lowest|least|worst|bottom)\b/.test(text);
  const order = worst ? "asc" : daysSince && list ? "desc" : undefined;
  return readingOf(m, now, "Coverage.callDate", { measures: [...new Set(measures)], dimensions, filters, order });
}

const CONSENT =
  /\b(cons[ne]n?t\w*|consnet|opt(ed|s)?[- ]?(ins?|outs?)|opt[- ]?in rate|unsubscrib\w*|permission to (email|call|text))\b/;
const CONSENT_CHANNELS: [RegExp, string][] = [
  [/\b(e-?mails?)\b/, "email"],
  [/\b(in[- ]person|face to face|f2f)\b/, "in_person"],
  [/\b(phone|telephone|calls?)\b/, "phone"],
  [/\b(sms|texts?|texting)\b/, "sms"],
  [/\bfax(es)?\b/, "fax"],
];
const RATE = /%|\b(percent(age)?|rate|coverage|share)\b/;

/** Consent coverage: HCPs opted in or out per channel (as of the period's end), opt-ins and opt-outs recorded. */
export function readConsent(m: Message, now: Date, vocabulary: IntentVocabulary): AnalyticsReading | null {
  const text = m.text;
  // A physician's own consent ("has she opted in to emails?", "Dr Shah's consent") is their profile.
  if (!CONSENT.test(text) || m.physicianTitled || /\b(he|she|his|her|him|he's|she's)\b/.test(text)) return null;
  if (/\b(by|per|each|which) (reps?|representatives?)\b/.test(text))
    return {
      kind: "unsupported",
      what: "consent by rep",
      why: "consent is the HCP's, not a rep's — ask by channel, territory, region, tier or decile",
    };
  if (m.products.length)
    return {
      kind: "unsupported",
      what: "consent for one product",
      why: "consent coverage counts all-products consent — ask by channel, territory or region",
    };
  // Events ("new opt-ins", "opt-outs did I get last month", "revoked … last quarter") or the state ("opted in").
  const events =
    /\b(new|got|get|gained|captured|recorded|grants?|revocations?|revoked|unsubscribes|unsubscribed)\b/.test(text) ||
    /\bopt[- ]?(ins|outs)\b/.test(text);
  const outWords = /\bopt(ed|s)?[- ]?outs?\b|\brevo\w*|\bunsubscrib\w*|\bwithdr[ae]w\w*/.test(text);
  const inWords = /\bopt(ed|s)?[- ]?ins?\b|\bgrants?\b|\bgiven\b|\bconsented\b/.test(text) || !outWords;
  const status = /\bstatus(es)?\b|\bbreakdown\b/.test(text);
  const measures: MeasureName[] = [];
  if (events && !RATE.test(text)) {
    if (/\bopt(ed|s)?[- ]?ins?\b|\bgrants?\b/.test(text) || !outWords) measures.push("Consent.grants");
    if (outWords) measures.push("Consent.revocations");
  } else if (RATE.test(text)) {
    measures.push("Consent.rate");
  } else {
    if (inWords || status) measures.push("Consent.optedIn");
    if (outWords || status) measures.push("Consent.optedOut");
  }
  const channels = CONSENT_CHANNELS.filter(([pattern]) => pattern.test(text.replace(/\bconsent\w*/g, " "))).map(
    ([, value]) => value,
  );
  const list = HCP_LIST.test(text) && !/\bhow many\b/.test(text) && !RATE.test(text);
  const first: DimensionName[] = [];
  if ((/\bchannels?\b/.test(text) || status) && !channels.length) first.push("Consent.channel");
  if (list && !/\b(which|what) (channel|territory|region|tier|decile|segment|state|city)/.test(text))
    first.push("Hcps.name");
  const attributes = attributeFilters(text, vocabulary.segments);
  const dimensions = breakdowns(text, BREAKDOWNS.Consent, first, attributes);
  const filters: Filters = [...whereAndWho(m, vocabulary, dimensions, false), ...attributes];
  if (channels.length && !dimensions.includes("Consent.channel"))
    filters.unshift({ member: "Consent.channel", operator: "equals", values: channels });
  return readingOf(m, now, "Consent.recordedAt", { measures, dimensions, filters });
}

const NBA = /\b(nba|next[- ]best[- ]actions?|suggest(ed|ions?)|recommend(ed|ations?)|next best)\b/;
const NBA_ACTIONS: [RegExp, string][] = [
  [/\bfollow[- ]?ups?\b/, "follow_up"],
  [/\bsamples?\b/, "sample"],
  [/\be-?mails?\b/, "email"],
  [/\bcalls?\b/, "call"],
];
const DISMISSES = /\b(dismis+\w*|ignor\w*|reject\w*)\b/;

/** Next-best-action decisions: how many were accepted or dismissed, the rates, the reasons given. */
export function readNba(m: Message, now: Date, vocabulary: IntentVocabulary): AnalyticsReading | null {
  const text = m.text;
  const decided = /\b(accept\w*|decid\w*|decisions?|take rate|acted on)\b/.test(text) || DISMISSES.test(text);
  if (!(NBA.test(text) || /\b(accept(ance)?|dismiss(al)?) rate\b|\bdismissals?\b/.test(text)) || !decided) return null;
  const rate = /%|\b(rate|percent(age)?|how often|share)\b/.test(text);
  const accepts = /\baccept\w*|\btake rate\b|\bacted on\b/.test(text);
  const dismisses = DISMISSES.test(text);
  const reasons = /\breasons?\b|\bwhy\b/.test(text) && dismisses;
  const measures: MeasureName[] = [];
  if (reasons) measures.push("Nba.dismissed");
  else if (rate) {
    if (accepts || !dismisses) measures.push("Nba.acceptanceRate");
    if (dismisses) measures.push("Nba.dismissalRate");
  } else {
    if (accepts) measures.push("Nba.accepted");
    if (dismisses) measures.push("Nba.dismissed");
    if (!measures.length) measures.push("Nba.decisions");
  }
  const first: DimensionName[] = [];
  if (reasons) first.push("Nba.reason");
  if (/\b(by|per|each) (action|action type|type|kind)( of (suggestion|action))?\b/.test(text)) first.push("Nba.action");
  const attributes = attributeFilters(text, vocabulary.segments);
  const dimensions = breakdowns(text, BREAKDOWNS.Nba, first, attributes);
  const filters: Filters = [...whereAndWho(m, vocabulary, dimensions, true), ...attributes];
  const action = NBA_ACTIONS.find(([pattern]) => pattern.test(text.replace(NBA, " ")));
  if (action && !dimensions.includes("Nba.action"))
    filters.push({ member: "Nba.action", operator: "equals", values: [action[1]] });
  return readingOf(m, now, "Nba.decidedAt", {
    measures,
    dimensions,
    filters,
    ...(reasons && /\b(most common|top|main|biggest)\b/.test(text) ? { order: "desc" as const } : {}),
  });
}
