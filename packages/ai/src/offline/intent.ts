// The offline engine's reading of a message: which tool the person wants (intent) and its arguments (slots). Each
// intent is a registry entry (intents/) with the roles it serves, the phrasings it is written for and a reader that
// scores a message; the best score wins, two close ones are asked about, and below the threshold the engine says it
// did not understand and offers what it can do. Pure and deterministic — names are resolved by the tools.
import type { CertifiedQuestion, OutreachPurpose, RelativeRange, Role, SemanticQueryInput } from "@pharmacrm/domain";
import type { CallChannel as Channel, ConsentChannel } from "@pharmacrm/domain/channels";

import { dayOf, type CallFields } from "./extract-call";
import { intentsFor } from "./intents/registry";
import { periodOf } from "./intents/shared";
import { readMessage, type Message } from "./message";
import type { PhysicianRef } from "./physician-ref";
import { EMPTY_VOCABULARY, type IntentVocabulary } from "./vocabulary";

export { dayOf };

export type Focus = "overview" | "prescribing" | "payments" | "history" | "consent";

/** Where a slot's value came from: the words as written (start and end in the corrected message) and what they
 * were read as, said back to the person before a write ("“yest” as Thursday 3 December 2026"). */
export interface SlotReading {
  slot: string;
  written: string;
  start: number;
  end: number;
  value: string;
}

export type Intent = IntentOf & { readings?: readonly SlotReading[] };

type IntentOf =
  | { kind: "search"; query: string; mine: boolean }
  | { kind: "topWriters"; drug: string; limit: number; place: string | null; mine: boolean }
  | { kind: "profile"; physician: PhysicianRef; focus: Focus; drug?: string }
  | { kind: "brief"; physician: PhysicianRef }
  | { kind: "draft"; physician: PhysicianRef; purpose: OutreachPurpose; topic: string | null; product: string | null }
  | { kind: "nba"; physician: PhysicianRef | null }
  /** A manager's team: each rep's biggest gap and the HCPs behind it. */
  | { kind: "teamFocus" }
  /** One rep's numbers beside their team's ("how is Kevin Walsh doing?"). */
  /** `rep` null: the signed-in rep's own ("how am I doing?"). */
  | { kind: "repScorecard"; rep: string | null; period: RelativeRange | null }
  | ({ kind: "log"; physician: PhysicianRef } & CallFields)
  | { kind: "task"; physician: PhysicianRef | null; title: string; dueDate: string | null }
  | { kind: "tasks"; status: "open" | "overdue" }
  | { kind: "completeTask"; words: string }
  | { kind: "rescheduleTask"; words: string; dueDate: string }
  | {
      kind: "calls";
      physician: PhysicianRef | null;
      from: string;
      to: string;
      period: string;
      channel: Channel | null;
      product: string | null;
    }
  | {
      kind: "consent";
      physician: PhysicianRef;
      channel: ConsentChannel;
      product: string | null;
      status: "granted" | "revoked";
      source: string;
    }
  | { kind: "account"; physician: PhysicianRef; tier: string | null; segment: string | null; notes: string | null }
  /** A numbers question: the semantic query read from it, or what the model does not hold yet. */
  | {
      kind: "analytics";
      query: SemanticQueryInput | null;
      missing: string | null;
      /** Why the data cannot say it, when that is the reason (Part D has no monthly figures). */
      why?: string | null;
      period: string | null;
      /** The title of the org's certified question asked, when it was one. */
      certified?: string;
    }
  | { kind: "admin"; screen: "data" | "users" | "audit" | "territories" | "products" | null }
  | { kind: "ask"; question: string }
  | { kind: "help" }
  | { kind: "unknown"; reason: string };

export interface ReadContext {
  role: Role;
  vocabulary: IntentVocabulary;
  /** The physician the conversation was last about: "her", "him", "this doctor" refer to them. */
  earlier: PhysicianRef | null;
  /** The person's previous message: "same thing but for this month" asks it again. */
  previous?: string;
  /** The org's certified questions, answered as certified when asked in their own words. */
  certified?: readonly CertifiedQuestion[];
}

/** A reading of the message by one registry entry: higher is surer (0–1). */
export interface Candidate {
  score: number;
  intent: Intent;
}

/** Scores below this are not understood; two readings within CLOSE of each other are asked about. */
export const THRESHOLD = 0.5;
const CLOSE = 0.04;

// A message that goes on from the previous question rather than asking a new one.
const FOLLOW_ON =
  /^\s*(same|and\b|what about|how about|(the )?(day|week|wk|month|quarter|year|period|one) (before|prior)|before that)/i;

const MONTH =
  /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b/;

const toDate = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y!, m! - 1, d!);
};

/**
 * The previous calls question over another period: the one named ("and last month?"), or the one just before
 * ("and the week before that?": a calendar month or quarter steps back by one, any other period by its length).
 */
function callsInAnotherPeriod(message: Message, before: Extract<Intent, { kind: "calls" }>, now: Date): Intent | null {
  const product = message.products[0]?.value;
  if (product && !periodOf(message.text, now)) return { ...before, product, readings: undefined };
  // A month said alone ("what about October?") is that month.
  const month = MONTH.exec(message.text)?.[0];
  const named = periodOf(message.text, now) ?? (month ? periodOf(`in ${month}`, now) : null);
  if (named) return { ...before, from: named.from, to: named.to, period: named.label, readings: undefined };
  if (!/\b(before|prior|previous|earlier)\b/.test(message.text)) return null;
  const from = toDate(before.from);
  const to = toDate(before.to);
  const monthStart = from.getDate() === 1;
  const monthEnd = new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1).getDate() === 1;
  const months = (to.getFullYear() - from.getFullYear()) * 12 + to.getMonth() - from.getMonth() + 1;
  const [start, end] =
    monthStart && monthEnd && (months === 1 || months === 3)
      ? [new Date(from.getFullYear(), from.getMonth() - months, 1), new Date(from.getFullYear(), from.getMonth(), 0)]
      : (() => {
          const days = Math.round((to.getTime() - from.getTime()) / 86_400_000) + 1;
          const day = (n: number) => new Date(from.getFullYear(), from.getMonth(), from.getDate() + n);
          return [day(-days), day(-1)];
        })();
  const [startDay, endDay] = [dayOf(start!), dayOf(end!)];
  return {
    ...before,
    from: startDay,
    to: endDay,
    period: `the period before (${startDay} to ${endDay})`,
    readings: undefined,
  };
}

const DEFAULT_CONTEXT: ReadContext = { role: "rep", vocabulary: EMPTY_VOCABULARY, earlier: null };

export function readIntent(
  message: string,
  now: Date = new Date(),
  earlier: PhysicianRef | null = null,
  context: Omit<ReadContext, "earlier"> = DEFAULT_CONTEXT,
): Intent {
  if (message.trim() === "") return { kind: "unknown", reason: "The message is empty." };
  if (message.length > 2000)
    return { kind: "unknown", reason: "The message is too long for me to read (2,000 characters at most)." };
  // "same thing but for this month", "same for farxiga", "and the week before?": the previous question again.
  if (context.previous && FOLLOW_ON.test(message)) {
    // Not as the certified question: what is said beside it ("same for Boston") is not in the certified query.
    const before = readIntent(context.previous, now, earlier, {
      ...context,
      previous: undefined,
      certified: undefined,
    });
    if (before.kind === "analytics") return before;
    const moved =
      before.kind === "calls" ? callsInAnotherPeriod(readMessage(message, context.vocabulary), before, now) : null;
    if (moved) return moved;
    const now_ = readMessage(message, context.vocabulary);
    const then = readMessage(context.previous, context.vocabulary);
    const swapped = now_.products[0] ?? now_.drugs[0];
    const old = then.products[0] ?? then.drugs[0];
    if (swapped && old) {
      const again = then.original.slice(0, old.span.start) + swapped.span.text + then.original.slice(old.span.end);
      return readIntent(again, now, earlier, { ...context, previous: undefined });
    }
  }
  const read = readMessage(message, context.vocabulary);
  const ctx = { ...context, earlier };
  const candidates = intentsFor(context.role)
    .map((def) => def.read(read, now, ctx))
    .filter((c): c is Candidate => c !== null)
    .sort((a, b) => b.score - a.score);
  const [best, second] = candidates;
  if (!best || best.score < THRESHOLD)
    return {
      kind: "unknown",
      reason: best ? "I am not sure what you want me to do." : "I could not tell what this is about.",
    };
  if (second && second.intent.kind !== best.intent.kind && best.score - second.score < CLOSE && best.score < 0.9) {
    return {
      kind: "ask",
      question: `Do you want me to ${describe(best.intent)} or to ${describe(second.intent)}? Say it again in a few more words.`,
    };
  }
  return best.intent;
}

/** What an intent does, in a few words, for a question back to the person. */
export function describe(intent: Intent): string {
  switch (intent.kind) {
    case "search":
      return "search for physicians";
    case "topWriters":
      return "rank the top writers of a drug";
    case "profile":
      return "look up a physician";
    case "brief":
      return "prepare a call";
    case "draft":
      return "draft an email";
    case "nba":
      return "suggest next-best actions";
    case "log":
      return "log a call";
    case "task":
      return "create a task";
    case "tasks":
      return "list your tasks";
    case "completeTask":
      return "complete a task";
    case "rescheduleTask":
      return "reschedule a task";
    case "calls":
      return "list your calls";
    case "consent":
      return "record consent";
    case "account":
      return "update an account";
    case "analytics":
      return "answer an analytics question";
    case "teamFocus":
      return "show where your team should focus";
    case "repScorecard":
      return "show a rep's scorecard";
    case "admin":
      return "open an admin screen";
    default:
      return "help";
  }
}
