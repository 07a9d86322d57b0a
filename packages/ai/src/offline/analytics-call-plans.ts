// Analytics questions about call plans: attainment (planned calls made ÷ planned), planned, made and remaining calls,
// plan coverage, the plans' targets — by rep, territory, region, plan, HCP or the HCP's attributes, for the plans
// running today or those overlapping a period. Returns null when the question is not about call plans, and says what
// it cannot answer (a product's plan, a sales quota, a forecast) rather than guess.
import type { DimensionName, MeasureName } from "@pharmacrm/domain";

import { attributeFilters, whereAndWho } from "./analytics-targets";
import { breakdowns, dimensionPatterns, HCP_BREAKDOWNS, readingOf, type AnalyticsReading } from "./analytics-words";
import type { Message } from "./message";
import type { IntentVocabulary } from "./vocabulary";

const ALLOWED: ReadonlySet<DimensionName> = new Set([...HCP_BREAKDOWNS, "Reps.name", "CallPlans.plan", "Hcps.name"]);

// Calls "left" or "remaining" only exist against a plan.
const LEFT = "(?:left|remaining|to go|still to (?:do|make))";
/** Words that make a question one about call plans. */
export const CALL_PLAN_WORDS = new RegExp(
  [
    "\\b(?:call|cycle|visit)[- ]?(?:plans?|pln)\\b",
    "\\b(?:attainment|attn)\\b",
    "\\bcp (?:attn|attainment|targets?|coverage|progress)\\b",
    // "daniel kim's plan", not "today's plan".
    "\\b(?!(?:to|yester)day|tomorrow|week|month)\\w+'s (?:call |cycle )?plan\\b",
    "\\bon[- ]plan\\b",
    "\\bplanned (?:vs\\.?|versus|and|against) (?:made|actual|done|calls made)\\b",
    "\\bplanned calls?\\b|\\bcalls? planned\\b",
    "\\bplan targets?\\b|\\btargets? on (?:the |my |our |their )?plans?\\b",
    "\\b(?:of|vs\\.?|versus|against|to|behind|ahead of|on|off) (?:my |the |our |their |his |her )?(?:call )?plan\\b",
    "\\bplan (?:completion|progress|attainment|coverage)\\b",
    `\\b(?:calls?|visits?) ${LEFT}\\b`,
  ].join("|"),
);
const QUOTA = /\b(quotas?|revenue|sales|dollars?|\$|bonus|incentive comp\w*)\b/;
const REMAINING = new RegExp(
  `\\b${LEFT}\\b|\\bcalls? to do\\b|\\bstill (?:have )?(?:to (?:do|make)|owe[sd]?|needs?|outstanding)\\b|\\bshort of\\b`,
);
const PLANNED = /\bplanned\b|\bcalls? planned\b|\bhow many calls (are|were|did|do) (we |i |they |you )?plan/;
const MADE = /\b(made|done|completed|logged)\b/;
const COVERAGE =
  /\bcov(erage|ered)\b|\b(targets?|hcps|docs|doctors) (reached|seen|called)\b|\b(share|proportion|percent(age)?|%|how many) of (the |my |our )?(targets|docs|doctors|hcps|physicians)\b.*\b(seen|called|visited|reached|in front of|at least once)\b/;
const TARGET_COUNT =
  /\b(how many|number of|count of|#|total)\s+(plan )?(targets?|hcps|docs|doctors|physicians|accounts)\b|\bplan targets\b/;
const ATTAINMENT =
  /\b(attainment|attn)\b|%|\bpercent(age)?\b|\bon (track|pace)\b|\bbehind\b|\bahead\b|\bhow (far along|am i|are we|is|are)\b|\btracking\b/;
// "which targets have calls left", "top 5 docs with the most calls left": by HCP.
const HCP_LIST =
  /\b(which|list|show( me)?|who are|names? of|top( \d+)?)\b(?:\s+\S+){0,6}?\s+(hcps?|docs?|doctors?|physicians?|targets?|accounts?|providers?)\b/;
const WORST = /\b(lowest|(?<!\bat )least|worst|bottom|behind|lagging|struggling)\b/;
const BOTH = /\b(and|vs\.?|versus)\b|,/;

function refusal(m: Message): AnalyticsReading | null {
  const text = m.text;
  if (QUOTA.test(text))
    return {
      kind: "unsupported",
      what: "sales or quota attainment",
      why: "call plans hold planned calls per HCP, not sales targets — ask for call-plan attainment",
    };
  if (/\b(forecast|predict|project(ed|ion)?)\b/.test(text))
    return {
      kind: "unsupported",
      what: "a call-plan forecast",
      why: "ask for attainment so far, or for remaining calls",
    };
  // A breakdown call plans do not have: by product, channel, drug.
  const other = dimensionPatterns.find(([pattern, name]) => pattern.test(text) && !ALLOWED.has(name));
  if (m.products.length || m.drugs.length || other)
    return {
      kind: "unsupported",
      what: `call-plan attainment ${other?.[1] === "Calls.channel" ? "by channel" : "for a product"}`,
      why: "a call plan sets calls per HCP in a territory, not per product or channel — ask by rep, territory, tier or plan",
    };
  return null;
}

function measuresOf(text: string): MeasureName[] {
  const remaining = REMAINING.test(text);
  const said: [boolean, MeasureName][] = [
    [
      ATTAINMENT.test(text) && !(remaining && /\bbehind\b/.test(text) && !/\battainment\b/.test(text)),
      "CallPlans.attainment",
    ],
    // "how many planned calls does Sofia still have to do" asks what remains, not what was planned.
    [PLANNED.test(text) && (!remaining || BOTH.test(text)), "CallPlans.planned"],
    [MADE.test(text), "CallPlans.made"],
    [remaining, "CallPlans.remaining"],
    [COVERAGE.test(text), "CallPlans.coverage"],
    [TARGET_COUNT.test(text) && !COVERAGE.test(text), "CallPlans.targets"],
  ];
  const measures = said.filter(([yes]) => yes).map(([, name]) => name);
  return measures.length ? measures : ["CallPlans.attainment"];
}

export function readCallPlans(m: Message, now: Date, vocabulary: IntentVocabulary): AnalyticsReading | null {
  const text = m.text;
  // "change the due date of the call plan task": a task, not the plan's figures.
  if (!CALL_PLAN_WORDS.test(text) || /\b(tasks?|to-?dos?)\b/.test(text)) return null;
  const refused = refusal(m);
  if (refused) return refused;
  const measures = measuresOf(text);
  const attributes = attributeFilters(text, vocabulary.segments);
  const first: DimensionName[] = [];
  if (
    m.people.length === 0 &&
    (/\bwho\b/.test(text) || /\b(each|every) (rep|person|team member)\b|\b(my|our|the) reps\b/.test(text))
  )
    first.push("Reps.name");
  if (HCP_LIST.test(text) && !/\bhow many\b/.test(text)) first.push("Hcps.name");
  if (/\b(by|per|each|every|for each) (call |cycle )?(plan|cycle)\b/.test(text)) first.push("CallPlans.plan");
  const dimensions = breakdowns(text, ALLOWED, first, attributes);
  const filters = [...whereAndWho(m, vocabulary, dimensions, true), ...attributes];
  const worst = WORST.test(text) && measures[0] !== "CallPlans.remaining";
  return readingOf(m, now, "CallPlans.cycle", { measures, dimensions, filters, order: worst ? "asc" : undefined });
}
