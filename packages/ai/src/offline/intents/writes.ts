// Writes from chat, each read field by field from the person's words; every one becomes a tool call that waits for
// the person's approval: log a call, create / complete / reschedule a task, record consent, update an account.
import type { ConsentChannel } from "@pharmacrm/domain/channels";

import { parseDates, sayDate } from "../dates";
import { dayOf, readCall } from "../extract-call";
import type { Candidate } from "../intent";
import type { Message } from "../message";
import {
  FIELD_ROLES,
  has,
  physicianOf,
  productReadings,
  readingOf,
  withReadings,
  type IntentDefinition,
} from "./shared";

const LOG_VERB =
  /\b(log|record|save) (that|it|this)\b|\b(log|logged|record|recorded|save|enter|add)\b.*\b(call|visit|meeting|mtg|detail|interaction|lunch|in-?service|touchpoint|conversation|email|e-mail|zoom|chat)\b|^\s*log\s*:/;
const MET =
  /\b(saw|met|visited|phoned|emailed|e-mailed|spoke (with|to)|stopped (by|in)|dropped (by|in on)|popped in|swung by|sent (dr|doctor|her|him) [\w'-]+ an? e-?mail|caught up with|got off (a|the) [\w -]*(call|phone) with|finished (a|the) [\w -]*with|had (a|an|my) [\w -]*?(call|visit|meeting|mtg|lunch|zoom|chat|detail|coffee|lunch-and-learn) (with|w\/|w|at))\b|^\s*(just\s+)?called\b|\bi (just )?called\b/;
// "zoom with dr patel yesterday, went over …": a meeting word, a physician, and what happened or when.
const MEETING =
  /\b(call|visit|meeting|mtg|lunch|zoom|teams call|video call|phone call|phone|chat|convo|detail|lunch-and-learn|lunch n learn|in-service|coffee|drop-?in|in[- ]person|in[- ]office|f2f|face to face|got in to see|finally saw|got out of)\b/;
const HAPPENED =
  /\b(follow[- ]?up|f\/u|re|today|yesterday|this (morning|afternoon|aft)|last (monday|tuesday|wednesday|thursday|friday|week)|on (monday|tuesday|wednesday|thursday|friday|\d{1,2}\/\d{1,2})|\d{1,2}\/\d{1,2}|discussed|talked|went over|went through|presented|covered|reviewed|left|dropped|gave|asked|said|wants|liked|prefers|is open|she's|he's|shes|hes|sent|samples?|started|skeptical|restocked|\d+ min|min)\b/;
// A draft or a task that mentions a call ("compose a follow up re our call", "create a task to book lunch").
const NOT_A_CALL =
  /\bconsent\b|\bopt(ed)?[- ]?(in|out)\b|\baccount notes?\b|^\s*(e-?mail|send|invite)\s+(her|him|them|dr)\b|\b(draft|compose|write)\b.*\b(email|e-mail|message|note|letter|follow[- ]?up)\b|^\s*(please\s+)?(create|add|make|new|set)\b.*\b(task|reminder|to-?do)\b/;
// Asking for a brief, or a visit still to come ("I've got a visit with Dr X on Monday"), is not a call to log.
const FUTURE_OR_BRIEF =
  /\b(brief|briefing|prep me|prepare me|pull together|get me ready|i'?ve got a (visit|call|meeting)|i have a (visit|call|meeting)|i'?m (seeing|meeting|visiting)|going to (see|visit|meet))\b/;
const NOT_A_LOG =
  /^\s*(how many|show|list|what|which|when|who|does|do|did|is|are|can|could|should|prep|prepare|brief)\b|\b(before|prep|prepare|ready for)\b.*\b(call|visit|meeting)\b|\?\s*$/;

export const logCall: IntentDefinition = {
  name: "call.log",
  roles: FIELD_ROLES,
  examples: [
    "log a call with Dr Jacobi today, discussed Eliquis, left 2 samples",
    "I called Dr Chen yesterday",
    "log a phone call with Dr Caleb Jacobs yesterday about Farxiga, he asked for the formulary update; follow up next Tuesday",
  ],
  read(m, now, ctx) {
    const physician = physicianOf(m, ctx);
    const verb = has(m.text, LOG_VERB) || has(m.text, MET) || has(m.text, /\bgot in to see\b|\bfinally saw\b/);
    const described = physician !== null && has(m.text, MEETING) && has(m.text, HAPPENED);
    if ((!verb && !described) || has(m.text, NOT_A_LOG) || has(m.text, NOT_A_CALL)) return null;
    if (has(m.text, FUTURE_OR_BRIEF) && !has(m.text, LOG_VERB)) return null;
    if (!physician)
      return {
        score: 0.6,
        intent: {
          kind: "ask",
          question:
            "Which physician was the call with? Say it again with their name, e.g. “log a call with Dr Smith today”.",
        },
      };
    const reading = readCall(m, now, ctx.vocabulary);
    if (reading.kind === "ask") return { score: 0.95, intent: { kind: "ask", question: reading.question } };
    const readings = reading.dates.map((d) => readingOf(m, d.slot, d.start, d.end, d.value));
    return {
      score: 0.95,
      intent: {
        kind: "log",
        physician,
        ...reading.call,
        ...withReadings([...readings, ...productReadings(m, "products")]),
      },
    };
  },
};

const TASK =
  /\b(remind me|create (a )?(follow-?up )?task|add (a )?(follow-?up )?task|new (task|todo|to-do|reminder)|make a task|set a reminder|add (a |it to my )?to-?do)\b|^\s*(task|todo|to-do)\s*:/;

/** A task's title: the request without the "remind me to" / "create a task to" wrapper and the date words. */
function taskTitle(original: string, dateText: string | null): string {
  let stripped = original.replace(
    /^\s*(please\s+)?(remind me (to|about)|create (a )?(follow-?up )?task( for me)?( to)?|add (a )?(follow-?up )?task( to)?|new (task|todo|to-do|reminder)[\s:–—-]*|make a task to|set a reminder to|task:|todo:|to-do:|add (a )?to-?do:?( to)?)[\s:–—-]*/i,
    "",
  );
  if (dateText) stripped = stripped.replace(dateText, " ");
  stripped = stripped
    .replace(/[\s,;]+(?:(?:by|on|before|due|for)\s*)?$/i, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.?!,]+$/, "");
  return stripped.charAt(0).toUpperCase() + stripped.slice(1);
}

export const createTask: IntentDefinition = {
  name: "task.create",
  roles: ["rep", "manager", "admin"],
  examples: ["remind me to send Dr Smith the study by Friday", "add a task to order brochures"],
  read(m, now, ctx) {
    if (!has(m.text, TASK)) return null;
    const [due] = parseDates(m.original, now, true);
    // Said as a command ("create a task to review Q4 call plans"), it is one whatever the task is about.
    const commanded = /^\s*(please\s+)?(remind me|create|add|new|make a task|set a reminder|task|todo|to-do)\b/.test(
      m.text,
    );
    return {
      score: commanded ? 0.97 : 0.9,
      intent: {
        kind: "task",
        physician: physicianOf(m, ctx),
        title: taskTitle(m.original, due?.text ?? null),
        dueDate: due ? dayOf(due.start.date()) : null,
        ...withReadings(
          due ? [readingOf(m, "dueDate", due.index, due.index + due.text.length, sayDate(due.start.date()))] : [],
        ),
      },
    };
  },
};

/** The words naming a task: the message without the verb and filler ("mark the formulary task done" → "formulary"). */
function taskWords(m: Message, dateText: string | null): string {
  let t = m.text;
  if (dateText) t = t.replace(dateText.toLowerCase(), " ");
  return t
    .replace(
      /\b(please|can you|could you|mark|set|tick|check|off|complete|completed|close|finish|finished|did|done|as|is|the|my|a|task|tasks|to-?do|reminder|about|for|with|it|move|push|reschedule|postpone|defer|bump|change|due date|of|to|until|till|i|i've|have|has|been|that|this|one|and|please)\b/g,
      " ",
    )
    .replace(/[^\p{L}\d' -]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const COMPLETE =
  /\b(mark|tick|check|close|complete|finish)\b.*\b(task|to-?do|reminder|done|complete|off)\b|\b(task|to-?do)\b.*\b(is )?(done|complete|finished)\b|^\s*done (with|w\/?)\b|\b(finished|did|completed|done with) the\b.*\b(task|to-?do|reminder)\b/;

export const completeTask: IntentDefinition = {
  name: "task.complete",
  roles: ["rep", "manager", "admin"],
  examples: ["mark the formulary task as done", "I finished the brochure to-do, close it"],
  read(m) {
    if (!has(m.text, COMPLETE) || has(m.text, /\b(log|logged)\b.*\b(call|visit)\b/)) return null;
    return {
      score: /\b(task|to-?do|reminder)\b/.test(m.text) ? 0.97 : 0.92,
      intent: { kind: "completeTask", words: taskWords(m, null) },
    };
  },
};

const RESCHEDULE =
  /\b(bump|push|move|postpone|shift)\s+(it|that|this)\s+(to|until|till|back to)\b|\b(move|push|reschedule|postpone|defer|bump|change the due date of|delay)\b.*\b(task|to-?do|reminder|due)\b|\b(task|to-?do|reminder)\b.*\b(to|until|till)\b.*/;

export const rescheduleTask: IntentDefinition = {
  name: "task.reschedule",
  roles: ["rep", "manager", "admin"],
  examples: ["move the formulary task to next Friday", "push my brochure reminder to Dec 15"],
  read(m, now) {
    if (!has(m.text, RESCHEDULE) || has(m.text, TASK)) return null;
    // "can't do it tmrw, bump it to tues": the new date is the last one said.
    const due = parseDates(m.original, now, true).at(-1);
    if (!due)
      return {
        score: 0.7,
        intent: { kind: "ask", question: "To which date should I move it? Say it again with the new date." },
      };
    return {
      score: 0.92,
      intent: {
        kind: "rescheduleTask",
        words: taskWords(m, due.text),
        dueDate: dayOf(due.start.date()),
        ...withReadings([readingOf(m, "dueDate", due.index, due.index + due.text.length, sayDate(due.start.date()))]),
      },
    };
  },
};

const CONSENT_WORD =
  /\b((says|said) (it'?s )?ok(ay)? to (email|e-mail|call|text|fax|visit)|consent(ed|s)?|ok'?e?d (texts?|emails?|e-?mails?|calls?|faxes)|stop (getting|receiving) (emails?|e-?mails?|calls?|texts?|faxes)|stop (texting|emailing|e-?mailing|calling|faxing)|opt(ed|ing)?[- ]?(in|out)(s)?|unsubscrib\w*|agreed to (receive|get) (emails?|calls?|texts?)|(does ?n[o']t|do not|no longer) want(s)? (any )?(more )?(emails?|calls?|visits?|texts?|faxes)|stop (texting|faxing|emailing|calling)|permission)\b/;
const CONSENT_QUESTION = /^\s*(does|do|did|is|has|have|can i|may i|am i|what|any|check|show)\b|\?\s*$/;

function consentChannel(text: string): ConsentChannel {
  if (/\b(phone|call(s|ing)?)\b/.test(text) && !/\be-?mails?\b/.test(text)) return "phone";
  if (/\b(text|texts|texting|sms)\b/.test(text)) return "sms";
  if (/\b(fax|faxes|faxing)\b/.test(text)) return "fax";
  if (/\bfax(es|ing)?\b/.test(text)) return "fax";
  if (/\b(in[- ]person|visits?|face to face)\b/.test(text) && !/\be-?mails?\b/.test(text)) return "in_person";
  return "email";
}

function consentSource(text: string): string {
  if (/\bsigned\b|\bform\b(?!.*\bweb)/.test(text) && !/\bweb ?form|online form\b/.test(text)) return "Signed form";
  if (/\bweb ?form|online form|website\b/.test(text)) return "Web form";
  if (/\b(replied|reply|email reply|by email)\b/.test(text)) return "Email reply";
  return "Verbal, recorded by the rep";
}

export const recordConsent: IntentDefinition = {
  name: "consent.record",
  roles: FIELD_ROLES,
  examples: [
    "record that Dr Jacobi gave email consent for Eliquis",
    "Dr Barrows opted out of emails",
    "Dr Jacobs unsubscribed",
  ],
  read(m, _now, ctx): Candidate | null {
    if (!has(m.text, CONSENT_WORD)) return null;
    const writeVerb =
      /\b(says ok|said ok|record|log|note|add|capture|save|set|mark|gave|given|give|agreed|opted|opting|filled out|withdrew|withdrawn|revoked|revoke|unsubscribed|asked (us )?to stop|asked to stop|ok'?e?d|signed|wants? to (opt|receive|get)|does ?n[o']t want|do not want|no longer wants?|said (yes|no|ok)|is (ok|fine) with)\b/;
    if (has(m.text, CONSENT_QUESTION) && !has(m.text, /^\s*(record|log|note|add|capture|save|mark|set)\b/)) return null;
    if (!has(m.text, writeVerb)) return null;
    const physician = physicianOf(m, ctx);
    if (!physician)
      return {
        score: 0.6,
        intent: { kind: "ask", question: "Whose consent is it? Say it again with the physician's name." },
      };
    const revoked =
      /\b(opt(ed)?[- ]?out|withdr[ae]w\w*|revok\w*|unsubscrib\w*|does ?n[o']t want|do not want|no longer want\w*|stop (emailing|calling)|said no|asked (us )?to stop|asked to stop|stop getting|stop receiving|no more)\b/.test(
        m.text,
      );
    return {
      score: 0.95,
      intent: {
        kind: "consent",
        physician,
        channel: consentChannel(m.text),
        product: m.products[0]?.value ?? null,
        status: revoked ? "revoked" : "granted",
        source: consentSource(m.text),
        ...withReadings(productReadings(m).slice(0, 1)),
      },
    };
  },
};

const ACCOUNT =
  /\b(set|change|update|make|move|mark|put|bump|upgrade|downgrade)\b.*\b(tier|segment)\b|\b(tier|segment)\b.*\b(to|as|should be|is now)\b|\badd (a |an )?(account )?note\b|\b(account|profile) notes?\b/;

export const updateAccount: IntentDefinition = {
  name: "account.update",
  roles: FIELD_ROLES,
  examples: [
    "set Dr Jacobi's tier to A",
    "change Dr Barrows' segment to high potential",
    "add a note to Dr Jacobs' account: prefers mornings",
  ],
  read(m, _now, ctx) {
    if (!has(m.text, ACCOUNT)) return null;
    const physician = physicianOf(m, ctx);
    if (!physician)
      return {
        score: 0.6,
        intent: { kind: "ask", question: "Which physician's account? Say it again with their name." },
      };
    const tier =
      /\btier\s*(?:to|as|should be|is now|=|:)?\s*(?:tier\s*)?([a-d1-5])\b/i.exec(m.original)?.[1]?.toUpperCase() ??
      null;
    // "segment to growth", "segment for Dr X to growth", "segment growth and tier B".
    const segment =
      (/\bsegment\s+(?:for|of)\s+.+?\s+(?:to|as)\s+["“]?([^"”.;,]+?)["”]?\s*(?:$|[.;,]|\band\b)/i.exec(m.original) ??
        /\bsegment\s*(?:to|as|should be|is now|=|:)?\s*["“]?([^"”.;,]+?)["”]?\s*(?:$|[.;,]|\band\b)/i.exec(
          m.original,
        ))?.[1]
        ?.trim()
        .toLowerCase() ?? null;
    const notes =
      /\bnotes?\s*(?:(?:to|for|on) [^:]+?)?(?::|saying|that)\s*(.+)$/i.exec(m.raw)?.[1]?.trim().replace(/[.]+$/, "") ??
      null;
    if (!tier && !segment && !notes)
      return {
        score: 0.7,
        intent: { kind: "ask", question: "What should I change: the tier (A–D), the segment or the account notes?" },
      };
    return { score: 0.92, intent: { kind: "account", physician, tier, segment, notes } };
  },
};
