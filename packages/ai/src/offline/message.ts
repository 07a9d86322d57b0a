// One message as the intent layer reads it: typos near known words corrected ("eliqus", "yesteday"), then the
// org's products, other drugs, places and the org's people found with the words they came from (spans), and the
// physician the message names — a word that is a product, place or colleague is not a physician unless "Dr" says so.
import { physicianRef, type PhysicianRef } from "./physician-ref";
import { SPECIALTY_WORDS } from "./specialty-words";
import type { IntentVocabulary } from "./vocabulary";

export interface Span {
  start: number;
  end: number;
  /** The words as written (after typo correction). */
  text: string;
}

export interface Mention<T> {
  value: T;
  span: Span;
}

export interface Message {
  /** As written. */
  raw: string;
  /** As written, typos corrected. */
  original: string;
  /** Lower case, single spaces. */
  text: string;
  /** The org's products, in the order first mentioned. */
  products: Mention<string>[];
  /** Drugs that are not the org's products (lower case), e.g. "xarelto". */
  drugs: Mention<string>[];
  places: Mention<string>[];
  people: Mention<string>[];
  /** The org's territories and regions ("Northeast"). */
  areas: Mention<string>[];
  physician: PhysicianRef | null;
  /** True when the physician came after "Dr" or "Doctor" (or is an NPI). */
  physicianTitled: boolean;
  /** The words read as other words ("yest" → "yesterday"), for saying back what was written. */
  fixes: readonly Fix[];
}

/** The words of `original` between start and end as the person wrote them (before typo correction). */
export function asWritten(message: Pick<Message, "original" | "fixes">, start: number, end: number): string {
  let out = "";
  let at = start;
  for (const fix of message.fixes) {
    if (fix.end <= start || fix.start >= end) continue;
    out += message.original.slice(at, Math.max(at, fix.start)) + fix.written;
    at = fix.end;
  }
  return out + message.original.slice(at, Math.max(at, end));
}

// Words reps mistype that decide an intent or a date; corrected only towards words of the same first letter.
const CUE_WORDS = `yesterday today tomorrow monday tuesday wednesday thursday friday saturday sunday samples sample
  discussed consent prescribing prescribe payments overdue reschedule tasks follow physicians doctors week month
  quarter morning afternoon invitation email calls details detailed territory territories frequency channel
  channels region regions specialty specialties interactions visits decile deciles volume segment segments number
  unique video quarterly january february march april august september october november december attainment
  planned cycle`.split(/\s+/);
// Real words a letter or two from a cue word, left alone.
const KEEP = new Set([
  "simple",
  "sampler",
  "follows",
  "fellow",
  "tomorrows",
  "patients",
  "patient",
  "payment",
  "prescriber",
  "prescribers",
  "prescribed",
  "prescribes",
  "samplers",
  "quarterly",
  "monthly",
  "weekly",
  "consents",
]);

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped at `max + 1`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known word a typed word is a typo of: same first letter, 1 edit (5–7 letters) or 2 (8 or more). */
function corrected(word: string, known: readonly string[]): string | null {
  if (word.length < 5 || KEEP.has(word)) return null;
  // A singular or plural of a known word is that word, not a typo ("doctor", "payment").
  if (known.includes(`${word}s`) || known.includes(word.replace(/s$/, ""))) return null;
  const max = word.length >= 9 ? 2 : 1;
  let best: { word: string; distance: number } | null = null;
  for (const candidate of known) {
    if (candidate === word) return null;
    if (candidate[0] !== word[0] || candidate.length < 4) continue;
    const distance = editDistance(word, candidate, max);
    if (distance <= max && (!best || distance < best.distance)) best = { word: candidate, distance };
  }
  return best?.word ?? null;
}

/** A colleague's first name typed one letter short or off ("kevn" → "kevin"). */
function correctedName(word: string, names: readonly string[]): string | null {
  if (names.includes(word)) return null;
  return names.find((n) => n[0] === word[0] && editDistance(word, n, 1) <= 1) ?? null;
}

// Short forms of days that a date parser misses ("yest", "tmrw", "tues").
const SHORT_FORMS: Record<string, string> = {
  yest: "yesterday",
  yday: "yesterday",
  tmrw: "tomorrow",
  tmr: "tomorrow",
  tmw: "tomorrow",
  tues: "tuesday",
  tue: "tuesday",
  weds: "wednesday",
  thurs: "thursday",
  thur: "thursday",
  thu: "thursday",
  wks: "weeks",
  wk: "week",
  wek: "week",
  cals: "calls",
  lsat: "last",
  teir: "tier",
  tem: "team",
  hw: "how",
  freq: "frequency",
  qtr: "quarter",
};

/** A word the person wrote that was read as another: where it sits in the corrected text, and as written. */
interface Fix {
  start: number;
  end: number;
  written: string;
}

function correctTypos(message: string, vocabulary: IntentVocabulary): { text: string; fixes: Fix[] } {
  const known = [
    ...CUE_WORDS,
    ...SPECIALTY_WORDS,
    ...vocabulary.products.flatMap((p) => p.terms),
    ...vocabulary.marketDrugs,
    ...vocabulary.areas.filter((a) => !a.includes(" ")),
  ];
  const firstNames = vocabulary.people.map((p) => p.split(" ")[0]!).filter((n) => n.length >= 5);
  const fixes: Fix[] = [];
  let shift = 0;
  // "this weak", "last weak": the week, typed as a real word.
  const text = message
    .replace(/\b(this|last|next|per|a) weak\b/gi, "$1 week")
    .replace(/[A-Za-z][A-Za-z'’]*/g, (word, index: number) => {
      const lower = word.toLowerCase();
      // A capitalised word the vocabulary does not hold may be a name: left as written unless it is a drug typo.
      const fix =
        SHORT_FORMS[lower] ?? corrected(lower, known) ?? (lower.length >= 4 ? correctedName(lower, firstNames) : null);
      if (!fix) return word;
      const out = word[0] === word[0]!.toUpperCase() ? fix[0]!.toUpperCase() + fix.slice(1) : fix;
      fixes.push({ start: index + shift, end: index + shift + out.length, written: word });
      shift += out.length - word.length;
      return out;
    });
  return { text, fixes };
}

// Months and days are when, not who: a physician only after "Dr" ("what about November?").
const CALENDAR_WORDS =
  /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every whole-word occurrence of a term (case-insensitive), plural "s" allowed. */
function find(text: string, term: string): Span[] {
  const spans: Span[] = [];
  const pattern = new RegExp(`(?<![\\p{L}\\d])${escape(term)}s?(?![\\p{L}\\d])`, "giu");
  for (const m of text.matchAll(pattern)) spans.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return spans;
}

function mentions<T>(text: string, entries: readonly [T, string][]): Mention<T>[] {
  const found: Mention<T>[] = [];
  for (const [value, term] of entries) {
    for (const span of find(text, term)) {
      if (found.some((m) => m.span.start < span.end && span.start < m.span.end)) continue;
      found.push({ value, span });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** Words of the message that are known things (1 to 3 words long), as lower-case candidates. */
function phrases(text: string): { phrase: string; span: Span }[] {
  const words = [...text.matchAll(/[\p{L}][\p{L}'’.-]*/gu)];
  const out: { phrase: string; span: Span }[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = 3; n >= 1; n--) {
      const slice = words.slice(i, i + n);
      if (slice.length < n) continue;
      const start = slice[0]!.index;
      const last = slice.at(-1)!;
      const end = last.index + last[0].replace(/[.]+$/, "").length;
      out.push({
        phrase: text.slice(start, end).toLowerCase().replace(/\s+/g, " "),
        span: { start, end, text: text.slice(start, end) },
      });
    }
  }
  return out;
}

export function readMessage(raw: string, vocabulary: IntentVocabulary): Message {
  const { text: original, fixes } = correctTypos(raw.trim().replace(/\s+/g, " "), vocabulary);
  const text = original.toLowerCase();
  const products = mentions(
    original,
    vocabulary.products.flatMap((p) => p.terms.map((t) => [p.name, t] as [string, string])),
  );
  const taken = (span: Span) => products.some((p) => p.span.start < span.end && span.start < p.span.end);
  const drugs: Mention<string>[] = [];
  const places: Mention<string>[] = [];
  for (const { phrase, span } of phrases(original)) {
    if (taken(span)) continue;
    const overlaps = (list: Mention<string>[]) => list.some((m) => m.span.start < span.end && span.start < m.span.end);
    if (phrase.length >= 4 && vocabulary.drugs.has(phrase) && !overlaps(drugs)) drugs.push({ value: phrase, span });
    else if (vocabulary.places.has(phrase) && !overlaps(places)) places.push({ value: phrase, span });
  }
  const people = mentions(
    original,
    vocabulary.people.flatMap((name) => {
      const parts = name.split(" ");
      // A colleague by full name, or by first name (not a one-letter word).
      return [
        [name, name] as [string, string],
        ...(parts[0]!.length > 2 ? [[name, parts[0]!] as [string, string]] : []),
      ];
    }),
  );
  // A drug ends a name ("Dr Barrows Eliquis trend"); a place does not ("Dr Joana Abernathy", Abernathy TX).
  const knownWord = (w: string) => vocabulary.drugs.has(w) || vocabulary.products.some((p) => p.terms.includes(w));
  const ref = physicianRef(original, knownWord, /\b(saw|met|visited|phoned|emailed)\b/i.test(original));
  const titled =
    ref?.npi !== undefined ||
    (ref?.name !== undefined &&
      new RegExp(`\\b(dr\\.?|doctor)\\s+${escape(ref.name.split(" ")[0]!)}`, "i").test(original));
  const known = (name: string) => {
    const lower = name.toLowerCase();
    return (
      CALENDAR_WORDS.test(lower) ||
      vocabulary.places.has(lower) ||
      vocabulary.drugs.has(lower) ||
      vocabulary.areas.includes(lower) ||
      vocabulary.products.some((p) => p.terms.includes(lower)) ||
      vocabulary.people.some((p) => p === lower || p.split(" ")[0] === lower)
    );
  };
  const physician = ref && (titled || !known(ref.name ?? "")) ? ref : null;
  const areas = mentions(
    original,
    vocabulary.areas.flatMap((a) => [a, ...initialsOf(a)].map((term) => [a, term] as [string, string])),
  );
  return {
    raw: raw.trim().replace(/\s+/g, " "),
    original,
    text,
    areas,
    products: dedupe(products),
    drugs,
    places,
    people,
    physician,
    physicianTitled: physician !== null && titled,
    fixes,
  };
}

// Two letters that are words before they are places.
const WORDS_NOT_PLACES = new Set("am an as at be by do go he in is it me my no of on or so to up us we".split(" "));

/** "LA", "SF", "NY" or "NYC": a territory or region of two or more words said by its initials. */
function initialsOf(area: string): string[] {
  const words = area.split(" ");
  const initials = words.map((w) => w[0]).join("");
  if (words.length < 2 || WORDS_NOT_PLACES.has(initials)) return [];
  return initials === "ny" ? ["ny", "nyc"] : [initials];
}

const dedupe = (list: Mention<string>[]) => list.filter((m, i) => list.findIndex((o) => o.value === m.value) === i);
