// One search box → structured filters, in the database's own words: "dr smth cardiology boston",
// "heart doctor near 02115 within 10 miles", "writes eliquis with at least 50 claims", "paid by pfizer".
// What is not recognised as a specialty, place, drug, market or manufacturer is the name (up to three words)
// or, when longer, free text for the semantic search.
import type { PhysicianSearchFilters } from "./input";
import { specialtySynonyms } from "./specialty-synonyms";
import { stateCodes, usStates } from "./us-states";
import type { SearchVocabulary } from "./vocabulary";

export type UnderstoodKind =
  | "npi"
  | "name"
  | "specialty"
  | "place"
  | "radius"
  | "drug"
  | "market"
  | "minClaims"
  | "manufacturer"
  | "semantic"
  | "mine"
  | "notSeen";

export interface Understood {
  kind: UnderstoodKind;
  /** The words as the user wrote them. */
  text: string;
  /** What they were read as, for display: "Cardiovascular Disease", "Boston, MA", "within 10 mi". */
  label: string;
}

export type ParsedFilters = Omit<Partial<PhysicianSearchFilters>, "text">;

export interface ParsedSearch {
  filters: ParsedFilters;
  understood: Understood[];
}

const FILLER = new Set(
  "dr dr. doctor doctors physician physicians provider providers find show me list the a an in at of near around who that which with and for named called md m.d. do writers prescribers market doc docs specialist specialists".split(
    " ",
  ),
);
const PLACE_CUE = new Set(["in", "near", "around", "at"]);
const DRUG_CUES = [
  "prescriber of",
  "prescribers of",
  "writer of",
  "writers of",
  "writes",
  "writing",
  "wrote",
  "prescribes",
  "prescribing",
  "prescribed",
  "prescribe",
  "write",
];
const MANUFACTURER_CUES = [
  "received payments from",
  "received payment from",
  "payments from",
  "payment from",
  "paid by",
  "payments by",
  "money from",
  "funded by",
];

const COUNT_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, six: 6 };
const NOT_SEEN =
  /\b(?:(?:that|who|whom)\s+)?(?:i\s+)?(?:have\s*n[o']t|haven['’]?t|not|never)\s+(?:i\s+|we\s+)?(?:been\s+)?(?:seen|visited|called(?:\s+on)?|met|detailed|contacted)(?:\s+(?:them|him|her))?\s+(?:in|for|within)\s+(?:the\s+)?(?:last\s+|past\s+)?(\d{1,4}|a|one|two|three|four|six)\s*(days?|weeks?|wks?|months?|mos?|mths?)\b|\bno\s+(?:calls?|visits?)\s+(?:in|for)\s+(?:the\s+)?(?:last\s+|past\s+)?(\d{1,4}|a|one|two|three|four|six)\s*(days?|weeks?|wks?|months?|mos?|mths?)\b/i;

/** "not seen in 60 days", "haven't I visited in 2 months", "no calls in the last 90 days": the days and the words. */
export function readNotSeen(text: string): { days: number; text: string } | null {
  const m = NOT_SEEN.exec(text);
  if (!m) return null;
  const amount = m[1] ?? m[3]!;
  const unit = (m[2] ?? m[4]!).toLowerCase();
  const n = /^\d+$/.test(amount) ? Number(amount) : (COUNT_WORDS[amount.toLowerCase()] ?? 1);
  const days = Math.min(3650, Math.max(1, n * (unit.startsWith("w") ? 7 : unit.startsWith("m") ? 30 : 1)));
  return { days, text: m[0] };
}

interface Token {
  word: string;
  raw: string;
  used: boolean;
}

export function parseSearchText(text: string, vocabulary: SearchVocabulary): ParsedSearch {
  const filters: ParsedFilters = {};
  const understood: Understood[] = [];
  let rest = ` ${text.replace(/[“”"]/g, " ")} `;
  const take = (pattern: RegExp, handle: (m: RegExpExecArray) => void) => {
    const m = pattern.exec(rest);
    if (!m) return;
    handle(m);
    rest = rest.slice(0, m.index) + " " + rest.slice(m.index + m[0].length);
  };

  // "in my territory", "my doctors": the viewer's own territories (a rep's book), not a place called "my".
  take(
    /\b(?:(?:in|within|from|across)\s+)?my\s+(?:own\s+)?(?:territor(?:y|ies)|area|region|patch|book)\b|\bmy\s+(?:own\s+)?(?:physicians|doctors|docs|hcps|accounts)\b/i,
    (m) => {
      filters.mine = true;
      understood.push({ kind: "mine", text: m[0].trim(), label: "your territories" });
    },
  );
  const notSeen = readNotSeen(rest);
  if (notSeen) {
    rest = rest.replace(notSeen.text, " ");
    filters.notSeenDays = notSeen.days;
    understood.push({ kind: "notSeen", text: notSeen.text.trim(), label: `not seen in ${notSeen.days} days` });
  }
  take(/(?<![\d-])(\d{10})(?![\d-])/, (m) => {
    filters.npi = m[1]!;
    understood.push({ kind: "npi", text: m[1]!, label: `NPI ${m[1]}` });
  });
  take(/\b(?:within|in|inside)\s+(\d{1,3})\s*(?:mi|miles?)\b(?:\s+(?:of|from|around))?/i, (m) => {
    filters.radiusMiles = Number(m[1]);
    understood.push({ kind: "radius", text: m[0].trim(), label: `within ${m[1]} mi` });
  });
  take(/\b(\d{1,3})\s*(?:mi|miles?)\s+(?:of|from|around)\b/i, (m) => {
    filters.radiusMiles = Number(m[1]);
    understood.push({ kind: "radius", text: m[0].trim(), label: `within ${m[1]} mi` });
  });
  take(
    /(?:\b(?:at least|min(?:imum)?|over|more than)\s*|(?:>=?|≥)\s*)(\d{1,7})\s*(?:claims?|rx|scripts|prescriptions)\b|\b(\d{1,7})\s*\+\s*(?:claims?|rx)\b/i,
    (m) => {
      filters.minClaims = Number(m[1] ?? m[2]);
      understood.push({ kind: "minClaims", text: m[0].trim(), label: `≥ ${filters.minClaims} claims` });
    },
  );
  take(/\b(near|around|close to|by)?\s*(?<!\d)(\d{5})(?![\d-])/i, (m) => {
    const zip = m[2]!;
    if (m[1] || filters.radiusMiles !== undefined) {
      filters.near = { zip };
      filters.radiusMiles ??= 25;
      understood.push({ kind: "place", text: m[0].trim(), label: `near ${zip}` });
    } else {
      filters.zip = zip;
      understood.push({ kind: "place", text: zip, label: `ZIP ${zip}` });
    }
  });

  const tokens: Token[] = rest
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => ({ raw, word: raw.toLowerCase().replace(/^[(,;:]+|[),;:!?.]+$/g, ""), used: false }));

  // Cue-led phrases first: "writes <drug or market>", "paid by <manufacturer>".
  const cueEnd = (cues: readonly string[]) => {
    for (let i = 0; i < tokens.length; i++) {
      for (const cue of cues) {
        const words = cue.split(" ");
        if (words.every((w, k) => tokens[i + k]?.word === w && !tokens[i + k]!.used)) {
          mark(tokens, i, words.length);
          return i + words.length;
        }
      }
    }
    return -1;
  };
  const drugAt = cueEnd(DRUG_CUES);
  if (drugAt >= 0) matchDrugOrMarket(tokens, drugAt, vocabulary, filters, understood, true);
  const manufacturerAt = cueEnd(MANUFACTURER_CUES);
  if (manufacturerAt >= 0) matchManufacturer(tokens, manufacturerAt, vocabulary, filters, understood);

  // Specialty terms (lay synonyms and NUCC names), longest phrase first.
  const specialtyNames = new Map<string, string[]>();
  for (const [term, names] of Object.entries(specialtySynonyms)) specialtyNames.set(term, [...names]);
  for (const t of vocabulary.taxonomies) {
    for (const name of [t.classification, t.specialization]) {
      if (!name) continue;
      const key = name.toLowerCase();
      if (!specialtySynonyms[key]) specialtyNames.set(key, [name]);
    }
  }
  for (const [start, length, phrase] of phrases(tokens, 5)) {
    const names = specialtyNames.get(phrase);
    if (!names) continue;
    mark(tokens, start, length);
    // A lay term stays a term (the search expands it); a NUCC name is kept as NUCC writes it.
    filters.specialty = [...new Set([...(filters.specialty ?? []), specialtySynonyms[phrase] ? phrase : names[0]!])];
    understood.push({
      kind: "specialty",
      text: raw(tokens, start, length),
      label: names.length === 1 ? names[0]! : `${phrase} (${names.length} specialties)`,
    });
  }

  // Markets and drugs named without a cue ("eliquis prescribers"), only as whole vocabulary words of ≥ 5 letters.
  for (const [start, length, phrase] of phrases(tokens, 4)) {
    if (phrase.length < 5) continue;
    if (vocabulary.drugs.has(phrase) || vocabulary.markets.some((m) => m.name.toLowerCase() === phrase)) {
      matchDrugOrMarket(tokens, start, vocabulary, filters, understood, false);
      void length;
    }
  }

  matchPlace(tokens, vocabulary, filters, understood);

  const left = tokens.filter((t) => !t.used && !FILLER.has(t.word) && /[a-z]/.test(t.word));
  if (left.length > 0 && left.length <= 3) {
    filters.name = left
      .map((t) => t.word.replace(/[^a-z'’ -]/g, ""))
      .join(" ")
      .trim();
    if (filters.name) understood.push({ kind: "name", text: left.map((t) => t.raw).join(" "), label: filters.name });
    else delete filters.name;
  } else if (left.length > 3) {
    filters.semantic = left.map((t) => t.raw).join(" ");
    understood.push({ kind: "semantic", text: filters.semantic, label: filters.semantic });
  }
  return { filters, understood };
}

/** Unused word runs as [start, length, lower-case phrase], longest first, left to right. */
function* phrases(tokens: Token[], maxLength: number): Generator<[number, number, string]> {
  for (let length = maxLength; length >= 1; length--) {
    for (let start = 0; start + length <= tokens.length; start++) {
      const run = tokens.slice(start, start + length);
      if (run.some((t) => t.used)) continue;
      yield [start, length, run.map((t) => t.word).join(" ")];
    }
  }
}

const mark = (tokens: Token[], start: number, length: number) => {
  for (let i = start; i < start + length; i++) tokens[i]!.used = true;
};
const raw = (tokens: Token[], start: number, length: number) =>
  tokens
    .slice(start, start + length)
    .map((t) => t.raw)
    .join(" ");

function matchDrugOrMarket(
  tokens: Token[],
  start: number,
  vocabulary: SearchVocabulary,
  filters: ParsedFilters,
  understood: Understood[],
  cued: boolean,
) {
  for (let length = Math.min(4, tokens.length - start); length >= 1; length--) {
    const run = tokens.slice(start, start + length);
    if (run.some((t) => t.used)) continue;
    const phrase = run.map((t) => t.word).join(" ");
    const marketTerm = vocabulary.markets.find(
      (m) => m.name.toLowerCase() === phrase || `${m.name.toLowerCase()} market` === phrase,
    );
    if (marketTerm) {
      mark(tokens, start, length);
      filters.marketId = marketTerm.id;
      understood.push({ kind: "market", text: raw(tokens, start, length), label: `${marketTerm.name} market` });
      return;
    }
    const drug = vocabulary.drugs.get(phrase);
    if (drug) {
      mark(tokens, start, length);
      filters.drug = drug.brandNames[0] ?? drug.genericNames[0]!;
      understood.push({ kind: "drug", text: raw(tokens, start, length), label: `writes ${filters.drug}` });
      return;
    }
  }
  // A cue with an unknown drug still says what the person wants: keep the word as the drug to search for.
  const next = tokens[start];
  if (cued && next && !next.used && /^[a-z][a-z0-9-]{2,}$/.test(next.word)) {
    next.used = true;
    filters.drug = next.word;
    understood.push({ kind: "drug", text: next.raw, label: `writes ${next.word}` });
  }
}

function matchManufacturer(
  tokens: Token[],
  start: number,
  vocabulary: SearchVocabulary,
  filters: ParsedFilters,
  understood: Understood[],
) {
  let best = 0;
  for (let length = 1; length <= Math.min(4, tokens.length - start); length++) {
    const phrase = tokens
      .slice(start, start + length)
      .map((t) => t.word)
      .join(" ");
    const wordPrefix = new RegExp(`(^|\\s)${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "i");
    if (vocabulary.manufacturers.some((m) => wordPrefix.test(m))) best = length;
    else break;
  }
  const length = best || (tokens[start] ? 1 : 0);
  if (length === 0) return;
  mark(tokens, start, length);
  filters.manufacturer = tokens
    .slice(start, start + length)
    .map((t) => t.word)
    .join(" ");
  understood.push({ kind: "manufacturer", text: raw(tokens, start, length), label: `paid by ${filters.manufacturer}` });
}

function matchPlace(tokens: Token[], vocabulary: SearchVocabulary, filters: ParsedFilters, understood: Understood[]) {
  // Full state names, then a two-letter code when written in capitals ("Boston MA") or right after a city.
  let cityEnd = -1;
  for (const [start, length, phrase] of phrases(tokens, 3)) {
    const places = vocabulary.places.get(phrase);
    if (!places || filters.city) continue;
    const before = tokens[start - 1];
    const cued = before !== undefined && PLACE_CUE.has(before.word);
    // Without "in"/"near", a word after a name is a city only when something else was already recognised before
    // it, a state follows, or it is a real city (many ZIPs): "john smith" is a person, not Smith, NV.
    const followsOther = tokens.slice(0, start).some((t) => t.used || !FILLER.has(t.word));
    const afterRecognised = tokens.slice(0, start).some((t) => t.used);
    const next = tokens[start + length];
    const nextState = next !== undefined && !next.used ? stateOf(next, true) : undefined;
    const stateFollows = nextState !== undefined && places.some((p) => p.state === nextState);
    const bigCity = places.some((p) => p.zipCount >= 10);
    if (!cued && !(followsOther && (afterRecognised || stateFollows || bigCity))) continue;
    mark(tokens, start, length);
    cityEnd = start + length;
    const stateToken = tokens[cityEnd];
    const state = stateToken && !stateToken.used ? stateOf(stateToken, true) : undefined;
    const inState = state ? places.filter((p) => p.state === state) : places;
    const chosen = inState[0] ?? places[0]!;
    if (state) stateToken!.used = true;
    if (before?.word === "near" || before?.word === "around" || filters.radiusMiles !== undefined) {
      filters.near = { lat: chosen.lat, lng: chosen.lng };
      filters.radiusMiles ??= 25;
      understood.push({
        kind: "place",
        text: raw(tokens, start, length),
        label: `near ${title(chosen.city)}, ${chosen.state}`,
      });
    } else {
      filters.city = chosen.city;
      if (state || inState.length === 1) filters.state = chosen.state;
      understood.push({
        kind: "place",
        text: raw(tokens, start, length),
        label: filters.state ? `${title(chosen.city)}, ${filters.state}` : title(chosen.city),
      });
    }
  }
  for (const [start, length, phrase] of phrases(tokens, 3)) {
    const code = usStates[phrase] ?? (length === 1 ? stateOf(tokens[start]!, false) : undefined);
    if (!code || filters.state) continue;
    mark(tokens, start, length);
    filters.state = code;
    understood.push({ kind: "place", text: raw(tokens, start, length), label: code });
  }
}

function stateOf(token: Token, afterCity: boolean): string | undefined {
  const code = token.word.toUpperCase();
  if (!stateCodes.has(code)) return undefined;
  // "in", "or", "me", "md", "do" are words far more often than states: only capitals count, and MD/DO never.
  if (!afterCity && (token.raw.replace(/[^A-Za-z]/g, "") !== code || code === "MD" || code === "DO")) return undefined;
  return code;
}

const title = (s: string) => s.replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase());
