// The offline engine's reading of a rep's message: which tool the rep wants (intent) and its arguments. Pure and
// deterministic — names are resolved against the database by the tools, not here. Text that matches no intent is
// "unknown", and the engine says so plainly instead of guessing.
import * as chrono from "chrono-node";

import type { OutreachPurpose } from "@pharmacrm/domain";
import type { CallChannel as Channel } from "@pharmacrm/domain/channels";

import { physicianRef, type PhysicianRef } from "./physician-ref";

export type { Channel, OutreachPurpose };

export type Intent =
  | { kind: "search"; query: string }
  | { kind: "profile"; physician: PhysicianRef; focus: "overview" | "prescribing" | "payments" | "history" | "consent" }
  | { kind: "brief"; physician: PhysicianRef }
  | { kind: "draft"; physician: PhysicianRef; purpose: OutreachPurpose; topic: string | null }
  | { kind: "nba"; physician: PhysicianRef | null }
  | { kind: "log"; physician: PhysicianRef; channel: Channel; date: string | null; notes: string | null }
  | { kind: "task"; physician: PhysicianRef | null; title: string; dueDate: string | null }
  | { kind: "help" }
  | { kind: "unknown"; reason: string };

const has = (text: string, pattern: RegExp) => pattern.test(text);

const pad = (n: number) => String(n).padStart(2, "0");

/** The calendar day (YYYY-MM-DD) of a moment, in local time like the dates the rep mentions. */
export const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** A calendar date (YYYY-MM-DD) the message mentions ("yesterday", "next Friday", "on 11/20"), relative to `now`. */
export function mentionedDate(text: string, now: Date, forward: boolean): string | null {
  const [result] = chrono.parse(text, now, { forwardDate: forward });
  if (!result) return null;
  return dayOf(result.start.date());
}

function channelOf(text: string): Channel {
  // In the field a "call" is a visit; only a phone word makes it a phone call.
  if (has(text, /\b(phone|phoned|called|rang)\b/)) return "phone";
  if (has(text, /\b(video|zoom|teams|virtual)\b/)) return "video";
  if (has(text, /\b(emailed|e-mailed|by email)\b/)) return "email";
  return "in_person";
}

function purposeOf(text: string): OutreachPurpose {
  if (has(text, /\b(invite|invitation|invitations|symposium|webinar|dinner|event|speaker program)\b/))
    return "invitation";
  if (has(text, /\bsamples?\b/)) return "sample_offer";
  return "follow_up";
}

/** What follows "about / regarding / on / for the" in a draft request, e.g. "the Eliquis webinar". */
function topicOf(text: string): string | null {
  const match = /\b(?:about|regarding|re:|on the|for the)\s+(.+?)[.?!]*$/i.exec(text);
  return match?.[1]?.trim() || null;
}

/** The notes of a call log: what comes after "discussed", "notes:", "we talked about" … */
function notesOf(original: string): string | null {
  const match = /\b(?:notes?:|discussed|talked about|we covered|re:)\s*(.+)$/i.exec(original);
  const notes = match?.[1]?.trim().replace(/[.]+$/, "");
  return notes ? notes : null;
}

/** A task's title: the request without the "remind me to" / "create a task to" wrapper and the date words. */
function taskTitle(original: string): string {
  const stripped = original
    .replace(
      /^\s*(please\s+)?(remind me to|create a task to|add a task to|make a task to|task:|todo:|to-do:|create a (follow-?up )?task( for me)?( to)?|add a (follow-?up )?task( to)?)\s*/i,
      "",
    )
    .replace(/\s+(by|on|before|next|this|tomorrow|today|in \d+ (days?|weeks?))\b.*$/i, "")
    .trim()
    .replace(/[.?!]+$/, "");
  return stripped.charAt(0).toUpperCase() + stripped.slice(1);
}

const PRONOUN = /\b(her|him|she|he|them|they|(this|that) (doctor|physician|hcp|prescriber))\b/i;
/** True when the message names its physician with a title ("Dr Chen", "doctor smith"), which beats any pronoun. */
const titled = (message: string, ref: PhysicianRef | null) => {
  const first = ref?.name?.split(" ")[0]?.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return first !== undefined && new RegExp(`\\b(dr\\.?|doctor)\\s+${first}\\b`, "i").test(message);
};

/**
 * Reads one message. `now` anchors relative dates (the rep's "today"); `earlier` is the physician the conversation
 * was last about, which "her", "him" or "this doctor" refer to unless the message names someone ("Dr Chen") itself.
 */
export function readIntent(message: string, now: Date = new Date(), earlier: PhysicianRef | null = null): Intent {
  const original = message.trim();
  const text = original.toLowerCase().replace(/\s+/g, " ");
  if (text === "") return { kind: "unknown", reason: "The message is empty." };
  const named = physicianRef(original);
  const physician = earlier && !named?.npi && !titled(original, named) && PRONOUN.test(original) ? earlier : named;

  if (has(text, /^(help|\?|what can you do|what do you do|how do(es)? (this|you) work)\b/)) return { kind: "help" };

  if (
    has(
      text,
      /\b(log|record|logged|save)\b.*\b(call|visit|meeting|detail|interaction)\b|\bi (just )?(met|saw|visited|called|spoke (with|to))\b/,
    )
  ) {
    if (physician) {
      return {
        kind: "log",
        physician,
        channel: channelOf(text),
        date: mentionedDate(original, now, false),
        notes: notesOf(original),
      };
    }
  }

  if (
    has(text, /\b(remind me|create a (follow-?up )?task|add a (follow-?up )?task|make a task|^task:|^todo:|to-do)\b/)
  ) {
    return { kind: "task", physician, title: taskTitle(original), dueDate: mentionedDate(original, now, true) };
  }

  if (
    has(
      text,
      /\b(draft|write|compose|prepare)\b.*\b(email|e-mail|message|note|letter|invitation|invite)\b|\bemail (dr|doctor)\b|\binvite (dr|doctor)\b/,
    )
  ) {
    if (physician) return { kind: "draft", physician, purpose: purposeOf(text), topic: topicOf(original) };
  }

  if (
    has(text, /\b(prep|prepare|brief|briefing|get me ready|ready for|before (my|the) (call|visit|meeting))\b/) &&
    physician
  ) {
    return { kind: "brief", physician };
  }

  if (
    has(
      text,
      /\b(next best|nba|what should i do|who should i (call|see|visit|contact)|where should i (go|focus)|priorit|suggest(ions)? for (today|this week|me)|my (day|week|plan))\b/,
    )
  ) {
    return { kind: "nba", physician };
  }

  if (
    physician &&
    has(
      text,
      /\b(who is|who's|tell me about|profile|show me|look up|lookup|what does|what do|payments?|paid|prescri\w*|writes?|last (visit|call|interaction)|history|consent|opted|open payments)\b/,
    )
  ) {
    const focus = has(text, /\b(payments?|paid|open payments)\b/)
      ? "payments"
      : has(text, /\b(prescri\w*|writes?|claims|rx)\b/)
        ? "prescribing"
        : has(text, /\b(last (visit|call|interaction)|history|visits|calls)\b/)
          ? "history"
          : has(text, /\b(consent|opted|opt-?in|opt-?out)\b/)
            ? "consent"
            : "overview";
    return { kind: "profile", physician, focus };
  }

  if (physician?.npi && text.replace(/\D/g, "") === physician.npi)
    return { kind: "profile", physician, focus: "overview" };

  if (
    has(text, /\b(find|search|look for|list|show( me)?|which|who (are|is)|any|are there)\b/) ||
    // A specialty word ("cardiologists", "pediatrician"), a place, or a drug or payer cue with no physician named.
    has(
      text,
      /\b(near|within|in my territor(y|ies)|doctors?|physicians?|specialists?|prescribers?|writers?|writes|writing|prescrib\w*|paid by|payments? from|\w+olog(y|ists?)|pediatricians?|internists?|surgeons?|endocrin\w*)\b/,
    )
  ) {
    const query = original
      .replace(/^\s*(please\s+)?(find( me)?|search( for)?|look for|list|show( me)?)\s+/i, "")
      .replace(/[?.!]+$/, "");
    return { kind: "search", query };
  }

  if (physician) return { kind: "profile", physician, focus: "overview" };
  return {
    kind: "unknown",
    reason: "I could not tell which physician or task this is about.",
  };
}
