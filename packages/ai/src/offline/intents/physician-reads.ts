// Reading about physicians: search by criteria, top writers of a drug, one physician's profile, call prep, a draft,
// next-best actions. A name counts as a physician only when the message reader says it is one.
import { readNotSeen } from "@pharmacrm/domain";

import type { Focus } from "../intent";
import type { Message } from "../message";
import {
  ALL_ROLES,
  FIELD_ROLES,
  has,
  physicianOf,
  productReadings,
  withReadings,
  type IntentDefinition,
} from "./shared";

const NUMBER_WORDS: Record<string, number> = { three: 3, five: 5, ten: 10, twenty: 20, fifteen: 15 };

const WRITER = /\b(writers?|prescribers?|writing|prescribing|prescribes?|writes|scripts|claims|volume|rx)\b/;
const TOP = /\b(top|biggest|highest|largest|leading|best|heaviest|most)\b/;

/** The drug a message names (brand or generic): the org's product by its name, else the drug as written. */
function drugOf(m: Message): string | null {
  const own = m.products[0];
  if (own) return drugName(own.value, own.span.text);
  const other = m.drugs[0]?.value;
  return other ? other.charAt(0).toUpperCase() + other.slice(1) : null;
}

/**
 * The drug the writers are ranked by: the one named next to "writers" / "prescribers" ("Jardiance prescribers",
 * "writers of Eliquis"), else the first drug named — whichever product the sentence mentions later.
 */
function writtenDrugOf(m: Message): string | null {
  const cue = /\b(writers?|prescribers?|writing|prescribing|scripts|claims)\b/.exec(m.text);
  const all = [
    ...m.products.map((p) => ({ start: p.span.start, end: p.span.end, name: drugName(p.value, p.span.text) })),
    ...m.drugs.map((d) => ({
      start: d.span.start,
      end: d.span.end,
      name: d.value.charAt(0).toUpperCase() + d.value.slice(1),
    })),
  ].sort((a, b) => a.start - b.start);
  if (cue) {
    const cueEnd = cue.index + cue[0].length;
    const next =
      all.find((d) => d.end <= cue.index && cue.index - d.end <= 2) ??
      all.find((d) => d.start >= cueEnd && d.start - cueEnd <= 4);
    if (next) return next.name;
  }
  return all[0]?.name ?? null;
}

const drugName = (product: string, written: string) =>
  written.toLowerCase() === product.toLowerCase() ? product : written.toLowerCase();

export const topWriters: IntentDefinition = {
  name: "physician.top_writers",
  roles: ALL_ROLES,
  examples: [
    "who are my top Eliquis writers?",
    "top 10 prescribers of Xarelto near Boston",
    "who writes the most Farxiga",
  ],
  read(m) {
    const drug = writtenDrugOf(m);
    if (!drug || !has(m.text, TOP) || !has(m.text, WRITER) || m.physicianTitled) return null;
    // Across a region or a team it is an analytics question (the manager's numbers), not a list of writers.
    if (/\b(region|team|district|coverage|reach|called on|decile)\b/.test(m.text)) return null;
    const n = /\b(?:top|best|biggest|leading)\s+(\d{1,2}|three|five|ten|fifteen|twenty)\b/.exec(m.text)?.[1];
    const limit = n ? Math.min(50, /^\d+$/.test(n) ? Number(n) : NUMBER_WORDS[n]!) : 10;
    const place = m.places[0]?.value ?? null;
    const mine = /\bmy\b/.test(m.text) || !place;
    return { score: 0.93, intent: { kind: "topWriters", drug, limit, place, mine } };
  },
};

const SEARCH_VERB =
  /^\s*(please\s+)?(find( me)?|search( for)?|look for|list|show( me)?|get me|pull up|any|are there|which|who (are|is))\b/;
const SEARCH_NOUN =
  /\b(doctors?|docs?|physicians?|hcps?|specialists?|prescribers?|writers?|writes|writing|prescrib\w*|paid by|payments? from|\w+olog(y|ists?)|pediatricians?|internists?|surgeons?|endocrin\w*|gps?|pcps?|(haven'?t|not|never) (i )?(seen|visited|called)|no (calls?|visits?) in)\b/;

export const search: IntentDefinition = {
  name: "physician.search",
  roles: ALL_ROLES,
  examples: ["find cardiologists in Boston", "which of my doctors haven't I seen in 60 days?", "tell me about Boston"],
  read(m, _now, ctx) {
    const physician = physicianOf(m, ctx);
    const verb = has(m.text, SEARCH_VERB);
    const noun = has(m.text, SEARCH_NOUN);
    const place = m.places.length > 0 && !physician;
    if (!verb && !noun && !place && !(m.drugs.length && !physician)) return null;
    const notSeen = readNotSeen(m.original);
    const query = (notSeen ? m.original.replace(notSeen.text, ` not seen in ${notSeen.days} days `) : m.original)
      .replace(
        /^\s*(please\s+)?(can you\s+)?(find( me)?|search( for)?|look for|list|show( me)?|get me|pull up|tell me about|what about)\s+/i,
        "",
      )
      .replace(/\b(which|who) of my (doctors|docs|physicians|hcps|accounts)\b/i, "my doctors")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/[?.!]+$/, "");
    const mine = /\bmy\b/.test(m.text);
    // A place said without "in" ("tell me about Boston") is where, not a name: the search reads "in Boston".
    const placed = m.places.reduce(
      (q, place) =>
        new RegExp(`\\b(in|near|around|at|of)\\s+${place.span.text}\\b`, "i").test(q)
          ? q
          : q.replace(new RegExp(`\\b${place.span.text}\\b`), `in ${place.span.text}`),
      query,
    );
    // A list noun or verb with a physician named is a lookup of that physician, not a search.
    const score = physician && !notSeen ? 0.45 : notSeen ? 0.9 : verb && noun ? 0.75 : noun || place ? 0.7 : 0.6;
    return { score, intent: { kind: "search", query: physician ? query : placed, mine } };
  },
};

const PROFILE_CUE =
  /\b(who is|who's|whos|whats|what's|what is|how (is|are|does|do|much|many)|volume|vs|versus|compare|look like|tell me about|profile|show me|look up|lookup|pull up|info on|what does|what do|does|did|has|is|payments?|paid|prescri\w*|writ(e|es|ing)|last (visit|call|interaction|time)|history|consent|opted|open payments|trend|claims|share|specialty|address|where does)\b/;

const FOCUS: [Focus, RegExp][] = [
  ["payments", /\b(payments?|paid|open payments|industry money|consulting|speaker fees?|meals?)\b/],
  ["prescribing", /\b(prescri\w*|writ(e|es|ing)|claims|rx|scripts|volume|trend|share|decile)\b/],
  [
    "history",
    /\b(last (visit|call|interaction|time|see|saw|seen|met|spoke)|history|visits|calls|seen|met|interactions?)\b/,
  ],
  ["consent", /\b(consent|opted|opt-?in|opt-?out|unsubscribed?|allowed to (email|contact))\b/],
];

export const profile: IntentDefinition = {
  name: "physician.profile",
  roles: ALL_ROLES,
  examples: ["who is Dr Okafor", "what does Dr Chen prescribe?", "does Dr Rossi have consent for email?"],
  read(m, _now, ctx) {
    const physician = physicianOf(m, ctx);
    if (!physician) return null;
    const focus = FOCUS.find(([, p]) => p.test(m.text))?.[0] ?? "overview";
    const bare = physician.npi && m.text.replace(/\D/g, "") === physician.npi;
    const score = has(m.text, PROFILE_CUE) || bare ? 0.8 : 0.55;
    // "Eliquis prescribing trend for Dr X": that drug's claims by year, not the top drugs.
    const drug = focus === "prescribing" ? drugOf(m) : null;
    return { score, intent: { kind: "profile", physician, focus, ...(drug ? { drug } : {}) } };
  },
};

const BRIEF =
  /\b(prep|prepare me|prepare for|brief|briefing|get me ready|ready for|before (my|the|our) (call|visit|meeting|lunch|appointment)|need to know|should i know|going in|pre-?call|call plan for|going to see|heading to|about to see|seeing .* (today|tomorrow|later|this)|meeting (with )?(dr|doctor) .* (in \d+|today|tomorrow|later|this))\b/;

export const brief: IntentDefinition = {
  name: "call.brief",
  roles: ALL_ROLES,
  examples: [
    "prep me for my call with Dr Smith",
    "get me ready for dr smyth",
    "What should I know before my visit with Dr Patel?",
  ],
  read(m, _now, ctx) {
    const physician = physicianOf(m, ctx);
    if (!physician || !has(m.text, BRIEF) || has(m.text, /\b(draft|write|compose|email)\b/)) return null;
    return { score: 0.92, intent: { kind: "brief", physician } };
  },
};

const DRAFT =
  /\b(draft|compose)\b|\b(draft|write|compose|prepare|send)\b.*\b(email|e-mail|message|note|letter|invitation|invite|follow[- ]?up|thank[- ]you)\b|\b(email|e-mail|invite) (dr|doctor|her|him|them)\b/;

function purposeOf(text: string) {
  if (has(text, /\b(invite|invitation|invitations|symposium|webinar|dinner|event|speaker program|lunch and learn)\b/))
    return "invitation" as const;
  if (has(text, /\bsamples?\b/)) return "sample_offer" as const;
  return "follow_up" as const;
}

/** What follows "about / regarding / on the / for the" in a draft request, e.g. "the Eliquis webinar". */
function topicOf(text: string): string | null {
  const match = /\b(?:about|regarding|re:|on the|for the)\s+(.+?)[.?!]*$/i.exec(text);
  return match?.[1]?.trim() || null;
}

export const draft: IntentDefinition = {
  name: "outreach.draft",
  roles: FIELD_ROLES,
  examples: [
    "draft a follow-up email to Dr Smith",
    "invite Dr Kim to the webinar",
    "email dr patel offering samples of Eliquis",
  ],
  read(m, _now, ctx) {
    const physician = physicianOf(m, ctx);
    if (!physician || !has(m.text, DRAFT)) return null;
    if (has(m.text, /\b(log|logged|record)\b.*\b(call|visit|meeting)\b/)) return null;
    const product = m.products[0]?.value ?? null;
    return {
      score: 0.9,
      intent: {
        kind: "draft",
        physician,
        purpose: purposeOf(m.text),
        topic: topicOf(m.original),
        product,
        ...withReadings(productReadings(m).slice(0, 1)),
      },
    };
  },
};

const NBA =
  /\b(next best|nba|what should i do|what'?s next|who should i (call|see|visit|contact|prioriti[sz]e)|where should (i|we|my team|the team) (go|focus|put)|put our effort|priorit\w*|suggest(ions)? (for|on)|any suggestions|my (day|week|plan)|plan my (day|week)|recommend(ations)?|focus on (today|this week)|who'?s worth (visiting|seeing|calling|a visit)|(best |next )(move|step)s?|what now)\b/;

export const nba: IntentDefinition = {
  name: "nba",
  roles: ALL_ROLES,
  examples: ["what should I do next?", "who should I call this week", "next best actions for Dr Smith"],
  read(m, _now, ctx) {
    if (!has(m.text, NBA)) return null;
    return { score: 0.88, intent: { kind: "nba", physician: physicianOf(m, ctx) } };
  },
};
