// Questions the copilot recognises and routes honestly: team and market analytics (answered by the analytics
// layer, not yet here), admin work that lives on the admin screens, and help.
import { CALL_PLAN_WORDS } from "../analytics-call-plans";
import { readAnalytics } from "../analytics-query";
import { certifiedAsked } from "../certified";
import type { Intent } from "../intent";
import { ALL_ROLES, has, periodOf, type IntentDefinition } from "./shared";

// Words that make a question an analytics one whatever else it names.
const STRONG =
  /\b(per rep|calls?\s*\/\s*rep|by rep|each rep|which reps?|reps|market share|share|coverage|reach(ed)?|frequency|attainment|call plan|quota|kpis?|%|percent(age)?|new[- ]to[- ]brand|nbrx|trx|nrx|how many (hcps|physicians|doctors|prescribers)|how did (we|i|the team|my team) do|how (is|are|'s) .+ (doing|trending|tracking)|hows? .+ (doing|trending|tracking)|q[1-4]\b|trending|leaderboard|dashboard|call rate|\w+ rate)\b/;
const ANALYTICS =
  /\b(per rep|by rep|each rep|reps?'? (activity|performance|numbers)|by territory|per territory|which territory|which rep|market share|share of|share trend|\bshare\b|trend|reach|frequency|coverage|attainment|kpis?|dashboard|leaderboard|ranking|rank (my|the) (reps|territories)|my team|the team|team'?s|my region|the region|region'?s|per region|average|avg|total (calls|samples)|how many (samples|calls did (my|the) team)|compare|vs\.? last|versus|year over year|yoy|qoq|month over month|conversion|accept(ance|ed) rate|dismiss(al|ed) rate|new writers|nrx|trx|growth|performing|performance|how (is|are) .+ doing|doing (this|last) (week|month|quarter))\b/;

export const analytics: IntentDefinition = {
  name: "analytics",
  roles: ALL_ROLES,
  examples: [
    "calls per rep in my region last quarter",
    "how is Kevin Walsh doing?",
    "Eliquis market share trend for the Northeast",
  ],
  read(m, now, ctx) {
    const certified = certifiedAsked(m.raw, ctx.certified ?? []);
    if (certified)
      return {
        score: 0.99,
        intent: { kind: "analytics", query: certified.query, missing: null, period: null, certified: certified.title },
      };
    // Asking for something to be done ("draft an email to Kevin about logging calls") is not a numbers question.
    if (
      /^\s*(please\s+)?(draft|write|compose|clone|copy|duplicate|e-?mail(?!\s+(opt\w*|consent\w*|suggest\w*|recommend\w*|rates?|opens?|clicks?|coverage|permission)\b)|send|log|record|remind|create|add|schedule|book)\b/.test(
        m.text,
      )
    )
      return null;
    // "explain how Part D deciles are computed", "what is a call plan?" ask what a figure or a word means, not for
    // the figure.
    if (
      /^\s*(please\s+)?(explain|define)\b|\bhow (is|are) .+ (computed|calculated|defined|worked out|derived)\b|^\s*what('?s| is| are) (an?|the meaning of) [\w -]{1,30}\??\s*$|\bwhat (does|do) .+ mean\b/.test(
        m.text,
      )
    )
      return null;
    // "who should I call this week" asks for next-best actions, not a count.
    if (/\b(should|shall) i\b/.test(m.text)) return null;
    const colleague =
      m.people.length > 0 &&
      (/\b(doing|performance|performing|numbers|activity|calls|visits|stats|results|compare|vs|scorecard|summary)\b/.test(
        m.text,
      ) ||
        m.text.split(/\s+/).length <= 4);
    const area =
      m.places.length + m.drugs.length + m.products.length > 0 &&
      /\b(share|trend|growth|volume|trx|nrx)\b/.test(m.text);
    const reading = readAnalytics(m, now, ctx.vocabulary);
    const said = reading.kind === "query" ? reading.said : null;
    // Part D or Open Payments measures read ("eliquis mkt shr", "payments by manufacturer"), tasks counted or broken
    // down ("overdue tasks by rep" — a list of my tasks is the tasks screen's), or what a source cannot say: numbers.
    const cube = reading.kind === "query" ? reading.query.measures[0]!.split(".")[0] : null;
    const targets = cube === "Coverage" || cube === "Consent" || cube === "Nba" || cube === "CallPlans";
    const otherSource =
      targets ||
      cube === "PartD" ||
      cube === "Payments" ||
      (cube === "Tasks" && (!!said?.breakdown || /\b(how many|number of|count|total)\b/.test(m.text))) ||
      (reading.kind === "unsupported" && !!reading.why);
    // A measure with a breakdown or a time grain ("samples by product", "weekly call volume") is a numbers question.
    const grouped = !!said?.measure && said.breakdown;
    // A measure counted over a period ("eliquis samples last month", "how many times did I detail Farxiga"), or
    // counted at all ("number of samples I gave out"): numbers too, though a rep's own call list answers some.
    const counted =
      !!said?.measure && (said.period || /\b(how many|how much|number of|total|count of|tally|times)\b/.test(m.text));
    const strong =
      grouped || has(m.text, STRONG) || (m.areas.length > 0 && /\btrend|share|doing|performance\b/.test(m.text));
    if (!colleague && !strong && !has(m.text, ANALYTICS) && !area && !counted && !otherSource) return null;
    // A physician's own prescribing trend is a profile question.
    if (m.physicianTitled && !colleague) return null;
    return {
      // A product's top writers in the rep's own patch are a list of physicians (physician.top_writers) unless a
      // region or team is said; analytics takes them then.
      // Targets not seen by tier or decile are coverage's (the physician search knows neither).
      score: targets
        ? 0.95
        : otherSource && reading.kind === "query" && reading.query.dimensions?.includes("Hcps.name")
          ? 0.9
          : colleague || strong
            ? 0.96
            : counted || otherSource
              ? 0.86
              : 0.82,
      intent:
        reading.kind === "query"
          ? { kind: "analytics", query: reading.query, missing: null, period: reading.period }
          : { kind: "analytics", query: null, missing: reading.what, why: reading.why ?? null, period: null },
    };
  },
};

// "where should my team focus", "which reps need help", and a manager's own "where should I focus today": the team.
const TEAM =
  /\b(my team|the team|our team|team'?s|my reps|the reps|which reps?|who on (my|the) team|reps? (need|needs))\b/;
const FOCUS =
  /\b(focus|attention|help|coach\w*|priorit\w*|gaps?|struggling|behind|worr(y|ied)|concern\w*|effort|suggestions?)\b/;
const MY_DAY =
  /\b(where should (i|we) (focus|put)|what should i (do|prioriti[sz]e|focus on)|what'?s next|plan my (day|week)|where do i start|put our effort)\b/;

export const teamFocus: IntentDefinition = {
  name: "team.focus",
  roles: ["manager", "admin"],
  examples: ["where should my team focus this week?", "which reps need my help?", "where should I focus today?"],
  read(m) {
    // A physician named ("what should I do with Dr Shah") is that physician's next-best actions.
    if (m.physicianTitled || m.people.length > 0) return null;
    // "which rep is furthest behind on their call plan" is a figure: call-plan attainment by rep.
    if (CALL_PLAN_WORDS.test(m.text)) return null;
    const team = has(m.text, TEAM) && has(m.text, FOCUS);
    if (!team && !has(m.text, MY_DAY)) return null;
    // Above the analytics reading of "which reps …" (a count by rep): help, focus and gaps ask for the team view.
    return { score: team ? 0.97 : 0.92, intent: { kind: "teamFocus" } };
  },
};

// "how is Kevin Walsh doing?", "Sofia's scorecard", "how's kevin performing": one colleague's numbers, no measure,
// breakdown or period of their own (those are an analytics question about that rep).
const HOW_IS =
  /\b(doing|performing|performance|scorecard|score card|report card|numbers|stats|kpis?|tracking|getting on|shaping up)\b/;
const OWN_QUESTION =
  /\b(calls?|visits?|samples?|details?|reach|frequency|share|claims|trx|tasks?|coverage|consent|payments?|by|per|vs\.?|versus|compare\w*|trend\w*)\b/;

export const repScorecard: IntentDefinition = {
  name: "rep.scorecard",
  roles: ["manager", "admin"],
  examples: ["how is Kevin Walsh doing?", "Sofia Alvarez's scorecard"],
  read(m, now) {
    if (m.people.length !== 1 || m.physicianTitled) return null;
    if (!has(m.text, HOW_IS) || has(m.text, OWN_QUESTION)) return null;
    // A period the model names in words ("this quarter"); dates of its own ("in September") stay an analytics question.
    const period = periodOf(m.text, now);
    if (period && !period.words) return null;
    // Above the analytics reading of a colleague's numbers (0.96).
    return {
      score: 0.97,
      intent: { kind: "repScorecard", rep: titleCase(m.people[0]!.value), period: period?.words ?? null },
    };
  },
};

// A rep's own: "how am I doing this month?", "my scorecard for last quarter", "how are my numbers".
const MINE =
  /\bhow am i (doing|performing|tracking|getting on)\b|\bmy (scorecard|score card|report card|numbers|stats|kpis?|performance)\b|\bhow (are|is) my (numbers|stats|kpis?|performance)\b/;

export const myScorecard: IntentDefinition = {
  name: "rep.scorecard.mine",
  roles: ["rep"],
  examples: ["how am I doing this quarter?", "my scorecard"],
  read(m, now) {
    if (m.people.length > 0 || m.physicianTitled || !has(m.text, MINE) || has(m.text, OWN_QUESTION)) return null;
    const period = periodOf(m.text, now);
    if (period && !period.words) return null;
    return { score: 0.97, intent: { kind: "repScorecard", rep: null, period: period?.words ?? null } };
  },
};

const titleCase = (name: string) => name.replace(/(^|[\s'-])\p{L}/gu, (c) => c.toUpperCase());

type Screen = Extract<Intent, { kind: "admin" }>["screen"];

const SCREENS: [Screen, RegExp][] = [
  [
    "data",
    /\b(import|imports|load|upload|ingest\w*|nppes|part d (file|data|load)|open payments (file|data|load)|reference data|data (load|refresh)|nucc|taxonomy file|weekly file|cms file|data screen)\b/,
  ],
  ["audit", /\b(audit|who changed|who edited|who deleted|change log|activity log|trail)\b/],
  ["users", /\b(new user|add (a )?(new )?user|users? (list|access|roles?))\b/],
  [
    "territories",
    /\b(territor(y|ies) (alignment|setup|map)|zip (alignment|codes?)|zips?\b.*\b(assigned|territor\w*)|align(ment)?|realign|(new|create|add|rename|delete|split|merge)\b.*\bterritor(y|ies)|territory to)\b/,
  ],
  [
    "users",
    /\b(users?|accounts? for|roles?|permissions?|access|admin rights|password|deactivate|disable|invite a|add a (new )?(rep|user|manager)|onboard|offboard|mfa|second factor|sign-?in)\b/,
  ],
  [
    "products",
    /\b(add|set up|create|edit|remove|rename)\b.*\b(products?|markets?)\b|\b(products? (list|catalog|setup|record)|add a product|markets? (list|setup|definition)|approved claims|claims library|banned phrases|key messages|ndcs?|strength)\b/,
  ],
];

export const adminScreen: IntentDefinition = {
  name: "admin.screen",
  roles: ["admin"],
  examples: ["load the new NPPES weekly file", "who has admin rights?", "show me the audit trail"],
  read(m) {
    const found = SCREENS.find(([, pattern]) => pattern.test(m.text));
    if (!found) return null;
    // "import the Q3 Part D file" is admin work even though it names a quarter.
    const doing =
      /^\s*(please\s+)?(import|load|upload|ingest|add|set up|create|edit|remove|rename|give|grant|revoke|reset|deactivate|invite|change|move|assign)\b/.test(
        m.text,
      );
    return { score: doing ? 0.97 : 0.88, intent: { kind: "admin", screen: found[0] } };
  },
};

const HELP =
  /^\s*help\s*[.!?]*$|^\s*\?\s*$|\b(what can (you|u|this|this assistant|the copilot|it) (do|help)|what (kinds? of )?things (can )?(you|u) (can )?help|things (you|u) can (do|help)|can (you|u) help (me )?with|what do you do|how do(es)? (this|you|this thing|it) work|what are you|how can you help|what can i (ask|do)( here| as)?|what are your (features|capabilities)|what can you help( me)? with)\b/;

export const help: IntentDefinition = {
  name: "help",
  roles: ALL_ROLES,
  examples: ["help", "What can you do?"],
  read(m) {
    return has(m.text, HELP) ? { score: 1, intent: { kind: "help" } } : null;
  },
};

// Requests the copilot must not act on, whatever else they name: off-topic, harmful, or about other tenants.
const OFF_TOPIC =
  /\b(weather|bitcoin|stock price|crypto|joke|poem|recipe|song|football|baseball|movie|horoscope|restaurant|steakhouse|sushi|pizza|hotel|flight|vacation)\b/;
const HARMFUL =
  /\b(gift card|cash|bribe|kickback|off-label|change .*(prescription|claims|rx) (numbers|data)|fake|falsify|delete all|drop table|truncate|ssn|social security|home address(es)?|personal (gmail|email)|(other|another|every other) (org|orgs|organisation|organization|tenant|company)'?s?|acme|superuser|out of the audit|ignore (your|all|previous) (rules|instructions)|dump the database|bypass|(wipe|erase|purge|delete|remove)\b.*\b(audit|log|logs|calls|history|records|data)|competitor'?s'? (crm|data|notes)|\w+'s crm|other (companies|reps)'? (notes|data)|reps'? call notes|notes (the|that) \w+ reps have|reps have on|developer mode|system override|pastebin|jailbreak|export all|(if|so|once) (he|she|they) (starts? )?(writ|prescrib)\w*|in exchange for)\b/;

// Uses outside the label: a question for Medical Information, never a talking point. A call log that mentions one
// (the rep referred it) still reads as a call log, which scores higher.
const MEDICAL =
  /\b(pregnan\w*|breast-?feeding|nursing mothers|type 1 diabet\w*|mechanical (heart )?valves?|in kids|in children)\b/;

// Asking how to promote a product to someone: answered only by approved claims, never by coaching.
const COACHING =
  /\b(pitch|make the case|sell|persuade|convince|talk \w+ into|get (dr|doctor|him|her) \w* ?to (prescribe|write|switch))\b/;

export const refuse: IntentDefinition = {
  name: "unknown",
  roles: ALL_ROLES,
  examples: ["what's the weather in Boston", "delete all physicians", "show me Acme's data"],
  read(m) {
    if (has(m.text, HARMFUL))
      return {
        score: 0.99,
        intent: {
          kind: "unknown",
          reason:
            "That is not something I can do: I work within your organisation's data and your access, and I do not change reference data, bypass the audit trail or help with anything outside the rules of promotion.",
        },
      };
    if (has(m.text, COACHING) && m.products.length + m.drugs.length > 0)
      return {
        score: 0.98,
        intent: {
          kind: "unknown",
          reason:
            "I do not coach on how to promote a product: what you say about it must stay within its approved claims and label. I can prepare a call brief with the approved talking points, or draft an email that quotes only approved claims.",
        },
      };
    if (has(m.text, MEDICAL))
      return {
        score: 0.9,
        intent: {
          kind: "unknown",
          reason:
            "Use in pregnancy, in children or in other situations outside the label is a medical information question: refer it to Medical Information, and say only what the label and approved claims say.",
        },
      };
    if (has(m.text, OFF_TOPIC))
      return {
        score: 0.99,
        intent: { kind: "unknown", reason: "That is outside what I work on: your CRM and the CMS reference data." },
      };
    return null;
  },
};
