// The offline engine's next move for one turn: a tool call, or the answer written from the tool results. The
// intent always comes from the person's own last message (never from tool results), so text stored in the CRM
// cannot trigger a write; a name is first resolved to an NPI through the search tool, a task by its words through
// the person's task list.
import type { SearchPhysiciansOutput } from "../tools/search-physicians";
import type { ListTasksOutput, TaskLine } from "../tools/tasks";
import { writeAnswer } from "./answers";
import { adminText, analyticsText, helpText, unknownText, whichOneText } from "./answers/words";
import { outcomeOfTool, type ConversationView } from "./conversation";
import { dayOf, readIntent, type Intent, type ReadContext, type SlotReading } from "./intent";
import { resolvePhysician } from "./resolve-physician";
import { targetCall, type TargetCall } from "./target-call";

export type Reply =
  | { type: "tool-call"; toolName: string; input: Record<string, unknown>; preface?: string }
  | { type: "text"; text: string };

export type PlanContext = Omit<ReadContext, "earlier">;

const BARE_NPI = /^\s*(?:npi\s*)?(\d{10})\s*[.!]?\s*$/i;

/** The person's intent, carrying a bare NPI answer ("1234567893") into the question it answers ("which Dr Smith?"). */
export function currentIntent(
  userTexts: readonly string[],
  now: Date,
  earlierNpi?: string,
  context?: PlanContext,
): Intent {
  const last = userTexts.at(-1) ?? "";
  const previous = userTexts.at(-2);
  const intent = readIntent(last, now, earlierNpi ? { npi: earlierNpi } : null, context && { ...context, previous });
  const npi = BARE_NPI.exec(last)?.[1];
  if (!npi || previous === undefined) return intent;
  const asked = readIntent(previous, now, null, context);
  if ("physician" in asked && asked.physician?.name) return { ...asked, physician: { npi } };
  return intent;
}

/** The open task the person's words name: all words in its title, else the one sharing most words. */
function taskNamed(words: string, tasks: readonly TaskLine[]): TaskLine[] {
  const wanted = words
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 2);
  if (wanted.length === 0) return tasks.length === 1 ? [...tasks] : [];
  const scored = tasks.map((t) => {
    const title = `${t.title} ${t.physician ?? ""}`.toLowerCase();
    return { t, hits: wanted.filter((w) => title.includes(w)).length };
  });
  const best = Math.max(0, ...scored.map((s) => s.hits));
  return best === 0 ? [] : scored.filter((s) => s.hits === best).map((s) => s.t);
}

function taskChange(
  view: ConversationView,
  intent: Extract<Intent, { kind: "completeTask" | "rescheduleTask" }>,
): Reply | null {
  const toolName = intent.kind;
  const done = outcomeOfTool(view, toolName);
  if (done) return { type: "text", text: writeAnswer(intent, toolName, done) };
  const listed = outcomeOfTool(view, "listTasks");
  if (!listed) return null;
  if (listed.kind !== "result") return { type: "text", text: writeAnswer(intent, "listTasks", listed) };
  const output = listed.value as ListTasksOutput;
  if (output.status !== "ok") return { type: "text", text: output.message };
  const matches = taskNamed(intent.words, output.tasks);
  if (matches.length === 0)
    return {
      type: "text",
      text: `None of your ${output.tasks.length} open tasks matches “${intent.words}”. Say a word from its title, or ask “what are my open tasks?”.`,
    };
  if (matches.length > 1)
    return {
      type: "text",
      text: [
        "Several open tasks match. Which one? Say a word only its title has.",
        "",
        ...matches.map((t) => `- ${t.title}${t.dueDate ? ` (due ${t.dueDate})` : ""}`),
      ].join("\n"),
    };
  const task = matches[0]!;
  const input: Record<string, unknown> = { id: task.id, title: task.title };
  if (intent.kind === "rescheduleTask") input.dueDate = intent.dueDate;
  return { type: "tool-call", toolName, input };
}

// Writes whose card the rep approves: the words that became a date or a product are said back first.
const SAID_BACK = new Set<Intent["kind"]>(["log", "task", "rescheduleTask", "consent"]);

/** "I read “yest” as Thursday 3 December 2026 and “apixaban” as Eliquis.", or null when every word was taken as is. */
export function saidBack(readings: readonly SlotReading[]): string | null {
  const read = readings
    .filter((r) => r.written.trim().toLowerCase() !== r.value.toLowerCase())
    .sort((a, b) => a.start - b.start);
  if (read.length === 0) return null;
  const parts = read.map((r) => `“${r.written.trim()}” as ${r.value}`);
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  return `I read ${list}.`;
}

export function planReply(view: ConversationView, now: Date, context?: PlanContext): Reply {
  const intent = currentIntent(view.userTexts, now, view.earlierNpi, context);
  const reply = nextMove(view, now, intent, context);
  if (reply.type !== "tool-call" || !SAID_BACK.has(intent.kind) || !intent.readings) return reply;
  if (reply.toolName === "searchPhysicians" || reply.toolName === "listTasks") return reply;
  const preface = saidBack(intent.readings);
  return preface ? { ...reply, preface } : reply;
}

function nextMove(view: ConversationView, now: Date, intent: Intent, context?: PlanContext): Reply {
  switch (intent.kind) {
    case "help":
      return { type: "text", text: helpText(context?.role) };
    case "unknown":
      return { type: "text", text: unknownText(intent.reason, context?.role) };
    case "ask":
      return { type: "text", text: intent.question };
    case "analytics":
      if (!intent.query) return { type: "text", text: analyticsText(intent.missing, context?.role, intent.why) };
      break;
    case "admin":
      return { type: "text", text: adminText(intent.screen) };
  }
  const today = dayOf(now);
  if (intent.kind === "completeTask" || intent.kind === "rescheduleTask") {
    const next = taskChange(view, intent);
    if (next) return next;
  }

  const physician = "physician" in intent ? intent.physician : null;
  const call = (npi: string | undefined): TargetCall => targetCall(intent, npi, today);

  // The tool that answers the question has run: write the answer from its result.
  const target = call(physician?.npi);
  const done = outcomeOfTool(view, target.toolName);
  if (done) return { type: "text", text: writeAnswer(intent, target.toolName, done) };
  if (!physician || physician.npi) return { type: "tool-call", ...target };

  // A name: search first, then call the target tool with the NPI found.
  const name = physician.name!;
  const searched = outcomeOfTool(view, "searchPhysicians");
  if (!searched) return { type: "tool-call", toolName: "searchPhysicians", input: { query: name, limit: 5 } };
  if (searched.kind !== "result")
    return {
      type: "text",
      text: writeAnswer({ kind: "search", query: name, mine: false }, "searchPhysicians", searched),
    };
  const resolution = resolvePhysician(name, searched.value as SearchPhysiciansOutput);
  if (resolution.kind === "none") return { type: "text", text: resolution.message };
  if (resolution.kind === "several")
    return { type: "text", text: whichOneText(name, resolution.hits, resolution.total) };
  return { type: "tool-call", ...call(resolution.hit.npi) };
}
