// The person's own lists: open or overdue tasks, and their calls in a period (how many, which).
import type { CallChannel } from "@pharmacrm/domain/channels";

import { dayOf } from "../extract-call";
import { specialtiesOf } from "../specialty-words";
import {
  ALL_ROLES,
  FIELD_ROLES,
  has,
  periodOf,
  physicianOf,
  productReadings,
  readingOf,
  withReadings,
  type IntentDefinition,
} from "./shared";

const TASKS =
  /\b(my|open|overdue|outstanding|pending|late|past due|due|upcoming)\s+(tasks?|to-?dos?|reminders?|follow-?ups)\b|\b(what|which) (tasks?|to-?dos?)\b.*\b(open|have|due|overdue|pending)\b|\b(tasks?|to-?dos?|follow-?ups)\s+(are |is )?(open|overdue|due|outstanding|late|pending)\b|\bwhat('?s| is) (on my plate|due|overdue|on my list)\b|\b(show|list|what are) (my )?(tasks?|to-?dos?)\b|\bwhat do i (still )?have to do\b/;

export const listTasks: IntentDefinition = {
  name: "task.list",
  roles: ALL_ROLES,
  examples: ["what are my open tasks?", "anything overdue?", "show my to-dos"],
  read(m) {
    const overdue = /\b(overdue|late|past due|missed|behind)\b/.test(m.text);
    if (!has(m.text, TASKS) && !(overdue && /^\s*(any(thing)?|what|show|list|which)\b/.test(m.text))) return null;
    if (/\b(remind me|create|add|new)\b/.test(m.text)) return null;
    // "overdue tasks on my rheum docs": a condition the task list does not hold, so a count of tasks.
    if (specialtiesOf(m.text).length) return null;
    return { score: 0.9, intent: { kind: "tasks", status: overdue ? "overdue" : "open" } };
  },
};

const CALLS =
  /\b(my|i)\b.*\b(calls?|visits?|interactions?|activity|meetings?|touchpoints?|details)\b|\bhow many\b.*\b(calls?|visits?|interactions?|meetings?)\b|\bwho did i (see|visit|call|meet)\b|\bwhat calls\b|^\s*(phone |video |in[- ]person |email )?(calls?|visits?)\s+(this|last|today|yesterday|in|since|during)\b|\blist (my )?(calls|visits)\b/;

function channelOf(text: string): CallChannel | null {
  if (/\b(phone|telephone)\b/.test(text)) return "phone";
  if (/\b(video|zoom|teams|virtual)\b/.test(text)) return "video";
  if (/\bemails?\b/.test(text)) return "email";
  if (/\b(in[- ]person|face to face|f2f)\b/.test(text)) return "in_person";
  return null;
}

export const listCalls: IntentDefinition = {
  name: "call.list",
  roles: FIELD_ROLES,
  examples: ["show my calls this week", "how many calls did I log last month?", "my phone calls in November"],
  read(m, now, ctx) {
    if (!has(m.text, CALLS) || /\bshould i\b/.test(m.text)) return null;
    // "log a call", "prep me for my call" and "my calls per rep" belong to other intents.
    if (/\b(log|record|prep|prepare|brief|ready|before)\b/.test(m.text) && !/\bhow many\b|\bdid i\b/.test(m.text))
      return null;
    // The team's numbers, a breakdown, or distinct HCPs are analytics, not the person's own call list.
    if (
      /\b(per|by|each|which|what) (reps?|territor\w*|regions?|cit(y|ies)|states?|specialt\w*|channels?|products?|tiers?|segments?|deciles?|day|week|month|quarter)\b|\b(team|we|our|us)\b|\bshare\b|\b(daily|weekly|monthly|quarterly)\b|\b(distinct|unique|different) (hcps?|docs?|doctors?|physicians?)\b/.test(
        m.text,
      ) ||
      m.areas.length > 0 ||
      m.people.length > 0 ||
      specialtiesOf(m.text).length > 0
    )
      return null;
    const period = periodOf(m.text, now);
    const fallback = { from: dayOf(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 29)), to: dayOf(now) };
    const questionish = /\b(how many|show|list|what|which|who|my)\b/.test(m.text) || period !== null;
    if (!questionish) return null;
    const physician = physicianOf(m, ctx);
    const { from, to } = period ?? fallback;
    return {
      score: period ? 0.9 : physician ? 0.7 : 0.8,
      intent: {
        kind: "calls",
        physician,
        from,
        to,
        period: period?.label ?? `the last 30 days (${fallback.from} to ${fallback.to})`,
        channel: channelOf(m.text),
        product: m.products[0]?.value ?? null,
        ...withReadings([
          ...(period
            ? [readingOf(m, "period", period.start, period.end, from === to ? from : `${from} to ${to}`)]
            : []),
          ...productReadings(m).slice(0, 1),
        ]),
      },
    };
  },
};
