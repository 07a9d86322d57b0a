// A call the rep describes, field by field, in their own words: "log a call with Dr Jacobi today, discussed Eliquis,
// left 2 samples" → channel, when, products discussed, samples (of the product discussed), notes, and a follow-up
// (what and when) from its own clause. What cannot be decided ("left 2 samples" after two products) is asked.

import type { CallChannel } from "@pharmacrm/domain/channels";

import { parseDates, sayDate } from "./dates";
import type { Message } from "./message";
import type { IntentVocabulary } from "./vocabulary";

export interface CallFields {
  channel: CallChannel;
  /** YYYY-MM-DD, or an ISO date-time when the rep gave a time; null = today. */
  occurredAt: string | null;
  products: string[];
  samples: { product: string; quantity: number }[];
  notes: string | null;
  followUp: string | null;
  followUpDate: string | null;
}

/** A date read from the words between start and end (in the message), said back as `value`. */
export interface DateReading {
  slot: "occurredAt" | "followUpDate";
  start: number;
  end: number;
  value: string;
}

export type CallReading = { kind: "call"; call: CallFields; dates: DateReading[] } | { kind: "ask"; question: string };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const pad = (n: number) => String(n).padStart(2, "0");
export const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  two: 2,
  couple: 2,
  pair: 2,
  three: 3,
  few: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};
const QUANTITY = `(\\d{1,3}|a couple of|a couple|a pair of|a few|${Object.keys(NUMBER_WORDS).join("|")})`;
const quantityOf = (words: string) => {
  const n = Number(words);
  return Number.isInteger(n) ? n : (NUMBER_WORDS[words.replace(/^a (couple|pair|few)( of)?$/, "$1")] ?? 1);
};

const FOLLOW_UP =
  /(?:^|[\s,;.(—–-])(follow(?:ing|ed)?[\s-]?up|f\/u|fu:|circle back|check back|check in again|touch base|reach out again|next steps?:?|remind me to|need to|i'll|i will|will (?:drop|bring|send|stop by|come|swing)|to send|promised to|come back|asked (?:me|us) to|send (?:her|him|them)|get back to (?:her|him|them))\b/i;

/** The follow-up clause: from its cue (after the command words) to the end of the sentence. */
function followUpClause(text: string, after: number): { start: number; end: number } | null {
  const pattern = new RegExp(FOLLOW_UP.source, "gi");
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) && m.index + m[0].length - m[1]!.length < after);
  if (!m) return null;
  const start = m.index + m[0].length - m[1]!.length;
  const stop = /[.;!?](\s|$)/.exec(text.slice(start));
  return { start, end: stop ? start + stop.index : text.length };
}

const PHONE = /\b(phone|phoned|telephone|called|rang|over the phone|by phone|cold call|ph\.? call)\b/i;
const VIDEO = /\b(video|zoom|teams|virtual(ly)?|webex|facetime|remote(ly)?|google meet)\b/i;
const EMAIL =
  /\b(emailed|e-mailed|by e-?mail|via e-?mail|over e-?mail|e-?mail exchange|replied by email|log(ged)? an? e-?mail|sent (dr\.? |doctor )?[\w'-]+ an? e-?mail|an e-?mail (w\/|with|to))\b/i;

function channelOf(text: string): CallChannel {
  if (VIDEO.test(text)) return "video";
  if (EMAIL.test(text)) return "email";
  // In the field a "call" is a visit; only a phone word makes it a phone call.
  if (PHONE.test(text)) return "phone";
  return "in_person";
}

/** The call's moment: a day (or a date-time when a time was said), never later than now. */
function whenOf(
  text: string,
  now: Date,
): { at: string | null; said: string | null; spans: { index: number; text: string }[] } {
  const [first] = parseDates(text, now, false);
  if (!first) return { at: null, said: null, spans: [] };
  let date = first.start.date();
  // "on Tuesday" for a call is the last Tuesday, not the next one.
  while (date.getTime() > now.getTime() + 60_000 && first.start.isCertain("weekday") && !first.start.isCertain("day"))
    date = new Date(date.getTime() - 7 * 86_400_000);
  // A time still ahead today ("this morning, 15 …" read as 3 pm) says only the day.
  const timed = first.start.isCertain("hour") && date.getTime() <= now.getTime() + 60_000;
  const at = timed ? date.toISOString() : dayOf(date);
  return { at, said: sayDate(date, timed), spans: [{ index: first.index, text: first.text }] };
}

function samplesOf(
  text: string,
  products: readonly string[],
  vocabulary: IntentVocabulary,
): { samples: { product: string; quantity: number }[]; unnamed: number[] } {
  const productWord = (words: string | undefined) =>
    words ? vocabulary.products.find((p) => p.terms.some((t) => words.toLowerCase().includes(t)))?.name : undefined;
  const samples: { product: string; quantity: number }[] = [];
  const unnamed: number[] = [];
  // Samples with no product named are of the product discussed — of the one sampleable product when several were.
  const sampleable = products.filter((name) => vocabulary.products.find((p) => p.name === name)?.sampleable);
  const onlySampleable = products.length === 1 ? products[0] : sampleable.length === 1 ? sampleable[0] : undefined;
  if (/\bno samples?\b|\bdid(n't| not) (leave|drop|give) (any )?samples?\b/i.test(text)) return { samples, unnamed };
  const terms = vocabulary.products.flatMap((p) => p.terms).join("|") || "(?!)";
  const pattern = new RegExp(
    `\\b${QUANTITY}\\s+(?:(?:boxes|box|packs?|units?|cartons?|starter packs?|trial packs?)\\s+(?:of\\s+)?)?((?:${terms})\\s+)?(?:samples?|samps?\\b\\.?|starter packs?|trial packs?)(?:\\s+(?:of|for)\\s+(${terms}))?|\\bsamples?\\s*(?:of|for)?\\s*(${terms})?\\s*[:x×]\\s*(\\d{1,3})\\b|\\b(?:left|dropped|gave|handed|provided|delivered)\\s+(?:off\\s+)?(?:(?:him|her|them|the office|the clinic)\\s+)?(${terms})\\s+samples?\\s*(?:x|×)?\\s*(\\d{1,3})?`,
    "gi",
  );
  for (const m of text.matchAll(pattern)) {
    const quantity = m[1] ? quantityOf(m[1].toLowerCase()) : m[5] ? Number(m[5]) : m[7] ? Number(m[7]) : 1;
    const named = productWord(m[2] ?? m[3] ?? m[4] ?? m[6]);
    const product = named ?? onlySampleable;
    if (!product) {
      unnamed.push(quantity);
      continue;
    }
    const existing = samples.find((s) => s.product === product);
    if (existing) existing.quantity += quantity;
    else samples.push({ product, quantity });
  }
  // "asked for more samples, left 4", "the sample closet, restocked 10": a count after a past drop, samples named.
  if (samples.length === 0 && unnamed.length === 0 && /\bsamp(le)?s?\b/i.test(text)) {
    const counted = new RegExp(
      `\\b(?:left|dropped(?: off)?|gave|handed(?: over)?|restocked|stocked|replenished|provided)\\s+(?:(?:him|her|them)\\s+)?${QUANTITY}\\b(?!\\s*(?:min|mins|minutes|pm|am|days?|weeks?|pts|patients))`,
      "i",
    ).exec(text);
    if (counted) {
      const quantity = quantityOf(counted[1]!.toLowerCase());
      const product = onlySampleable;
      if (product) samples.push({ product, quantity });
      else unnamed.push(quantity);
    }
  }
  if (
    samples.length === 0 &&
    unnamed.length === 0 &&
    /\b(left|dropped( off)?|gave|handed)\b[^.;]*\bsamples?\b/i.test(text)
  ) {
    const product = onlySampleable;
    if (product) samples.push({ product, quantity: 1 });
    else unnamed.push(1);
  }
  return { samples, unnamed };
}

const LEAD =
  /^(?:[\s,;:.\-–—]+|and\b|then\b|where\b|notes?:|today\b|just\b|in person\b|by phone\b|over the phone\b|on the phone\b|via video\b|over zoom\b|on zoom\b|on teams\b|by video\b|virtually\b)+/i;

/** The rep's words about the call: the message without the command, the physician, the date and the follow-up. */
function notesOf(
  original: string,
  headEnd: number,
  remove: { index: number; text: string }[],
  productTerms: string,
): string | null {
  let rest = original.slice(headEnd);
  // The date goes, with the "on" / "at" that led it ("on 11/18").
  for (const span of remove) rest = rest.replace(new RegExp(`(?:\\b(?:on|at|in)\\s+)?${escape(span.text)}`, "i"), " ");
  rest = rest.replace(/\s+/g, " ").replace(LEAD, "").trim();
  // "about Farxiga, he asked …": the product is recorded; the rep's own words follow.
  if (productTerms)
    rest = rest.replace(
      new RegExp(
        `^(?:about|re:?|regarding|on|for)\\s+(?:(?:${productTerms})(?:\\s*(?:,|and|&)\\s*)?)+[,;:.\\-–—]\\s*`,
        "i",
      ),
      "",
    );
  rest = rest
    .replace(/(\s*[,;]\s*){2,}/g, ", ")
    .replace(LEAD, "")
    .replace(/[\s,;:\-–—]+$/, "")
    .replace(/\.+$/, "")
    .trim();
  return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : null;
}

/** Where the physician is named: the name (or NPI) itself, or the verb phrase when a pronoun stands for them. */
function physicianSpan(message: Message): { start: number; end: number } {
  const ref = message.physician;
  const text = message.original;
  const key = ref?.npi ?? ref?.name;
  if (key) {
    const at = text.toLowerCase().indexOf(key.toLowerCase());
    if (at >= 0) {
      const end = at + key.length;
      const title = /(?:\b(?:dr\.?|doctor)\s+)$/i.exec(text.slice(0, at))?.[0].length ?? 0;
      return { start: at - title, end: end + (/^['’]s?\b/.exec(text.slice(end))?.[0].length ?? 0) };
    }
  }
  const verb =
    /\b(log(ged)?( that)?( i)?( (saw|met|visited|called|phoned|emailed))?|record(ed)?|save|met|saw|visited|called|phoned|emailed|spoke (with|to))\b( (with|w\/))?( (him|her|them))?/i.exec(
      text,
    );
  return verb ? { start: verb.index, end: verb.index + verb[0].length } : { start: 0, end: 0 };
}

const headEndOf = (message: Message) => physicianSpan(message).end;

// What comes before the physician when it is more than the command: "lunch n learn @ beacon hill cardiology w …".
const COMMAND_WORDS =
  /\b(ok|so|just|log(ged)?|record(ed)?|save|that|i|a|an|my|our|the|quick|phone call|video call|video visit|teams call|zoom|call|visit|meeting|mtg|chat|detail|in[- ]person|in[- ]office|phone|email|e-mail|saw|met|visited|phoned|emailed|spoke|with|w\/|w|to|had|today|yesterday|this|morning|afternoon|aft)\b/gi;

function leadingWords(message: Message): string {
  const { start } = physicianSpan(message);
  const prefix = message.original.slice(0, start);
  if (
    prefix
      .replace(COMMAND_WORDS, " ")
      .replace(/[^\p{L}\d]+/gu, " ")
      .trim()
      .split(" ")
      .filter(Boolean).length < 2
  )
    return "";
  return prefix
    .replace(/^\s*(log(ged)?|record(ed)?|save)\s+(a|an|my)?\s*/i, "")
    .replace(/\s*(with|w\/?|to|for|and)\s*$/i, "")
    .trim();
}

export function readCall(message: Message, now: Date, vocabulary: IntentVocabulary): CallReading {
  const text = message.original;
  const clause = followUpClause(text, headEndOf(message));
  const body = clause ? `${text.slice(0, clause.start)} ${text.slice(clause.end)}` : text;
  const followText = clause ? text.slice(clause.start, clause.end) : null;

  const when = whenOf(body, now);
  const products = message.products.map((m) => m.value);
  const { samples, unnamed } = samplesOf(text, products, vocabulary);
  if (unnamed.length > 0) {
    const names = vocabulary.products.filter((p) => p.sampleable).map((p) => p.name);
    return {
      kind: "ask",
      question:
        products.length > 1
          ? `Which product were the ${unnamed.join(" and ")} sample${unnamed[0] === 1 ? "" : "s"} of: ${products.join(" or ")}? Say it again with the product, e.g. “left 2 ${products[0]} samples”.`
          : `Which product were the samples of${names.length ? ` (${names.join(", ")})` : ""}? Say it again with the product, e.g. “left 2 ${names[0] ?? "Eliquis"} samples”.`,
    };
  }
  const notSampleable = samples.find((s) => !vocabulary.products.find((p) => p.name === s.product)?.sampleable);
  if (notSampleable)
    return {
      kind: "ask",
      question: `${notSampleable.product} is not a sampleable product, so samples of it cannot be recorded. Say the call again without them, or with the product the samples were of.`,
    };

  const dates: DateReading[] = [];
  const said = when.spans[0];
  if (said && when.said) {
    // The date was found in the message without its follow-up clause: back to the message's own positions.
    const start = clause && said.index > clause.start ? said.index - 1 + clause.end - clause.start : said.index;
    dates.push({ slot: "occurredAt", start, end: start + said.text.length, value: when.said });
  }
  let followUp: string | null = null;
  let followUpDate: string | null = null;
  if (followText) {
    const [due] = parseDates(followText, now, true);
    if (due) {
      followUpDate = dayOf(due.start.date());
      const start = clause!.start + due.index;
      dates.push({ slot: "followUpDate", start, end: start + due.text.length, value: sayDate(due.start.date()) });
    }
    const what = (due ? followText.replace(due.text, " ") : followText)
      // "will drop 8 off" keeps its verb; "follow up …", "remind me to …" lose the cue.
      .replace(/^\s*(will|i'll|i will)\s+/i, "")
      .replace(FOLLOW_UP, " ")
      .replace(/\s+/g, " ")
      .replace(/^(?:[\s,;:\-–—]|with|on|about|re|by|and|to|in)+\b/i, "")
      .replace(/^[\s,;:\-–—]+|[\s,;:.\-–—]+$/g, "")
      .replace(/\s+(by|on|before|until|till|due|at|in)$/i, "")
      .trim();
    followUp = what ? `Follow up: ${what}` : "Follow up";
  }

  const productTerms = vocabulary.products.flatMap((p) => p.terms).join("|");
  const rest = notesOf(body, Math.min(headEndOf(message), body.length), when.spans, productTerms);
  const lead = leadingWords(message);
  const joined = [lead, rest].filter(Boolean).join(" ");
  const notes = joined ? joined.charAt(0).toUpperCase() + joined.slice(1) : null;
  return {
    kind: "call",
    call: { channel: channelOf(body), occurredAt: when.at, products, samples, notes, followUp, followUpDate },
    dates,
  };
}
