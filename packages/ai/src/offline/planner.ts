// The offline engine's next move for one turn: a tool call, or the answer written from the tool results. The
// intent always comes from the rep's own last message (never from tool results), so text stored in the CRM cannot
// trigger a write; a name is first resolved to an NPI through the search tool.
import type { SearchPhysiciansOutput } from "../tools/search-physicians";
import { writeAnswer } from "./answers";
import { helpText, unknownText, whichOneText } from "./answers/words";
import { outcomeOfTool, type ConversationView } from "./conversation";
import { dayOf, readIntent, type Intent } from "./intent";
import { resolvePhysician } from "./resolve-physician";
import { targetCall, type TargetCall } from "./target-call";

export type Reply =
  { type: "tool-call"; toolName: string; input: Record<string, unknown> } | { type: "text"; text: string };

const BARE_NPI = /^\s*(?:npi\s*)?(\d{10})\s*[.!]?\s*$/i;

/** The rep's intent, carrying a bare NPI answer ("1234567893") into the question it answers ("which Dr Smith?"). */
export function currentIntent(userTexts: readonly string[], now: Date, earlierNpi?: string): Intent {
  const last = userTexts.at(-1) ?? "";
  const intent = readIntent(last, now, earlierNpi ? { npi: earlierNpi } : null);
  const npi = BARE_NPI.exec(last)?.[1];
  const previous = userTexts.at(-2);
  if (!npi || previous === undefined) return intent;
  const asked = readIntent(previous, now);
  if ("physician" in asked && asked.physician?.name) return { ...asked, physician: { npi } };
  return intent;
}

export function planReply(view: ConversationView, now: Date): Reply {
  const intent = currentIntent(view.userTexts, now, view.earlierNpi);
  if (intent.kind === "help") return { type: "text", text: helpText() };
  if (intent.kind === "unknown") return { type: "text", text: unknownText(intent.reason) };

  const physician = "physician" in intent ? intent.physician : null;
  const today = dayOf(now);
  const call = (npi: string | undefined): TargetCall => targetCall(intent, npi, today);
  const needsNpi = physician !== null && intent.kind !== "search";

  // The tool that answers the question has run: write the answer from its result.
  const target = call(physician?.npi);
  const done = outcomeOfTool(view, target.toolName);
  if (done) return { type: "text", text: writeAnswer(intent, target.toolName, done) };
  if (!needsNpi || physician?.npi) return { type: "tool-call", ...target };

  // A name: search first, then call the target tool with the NPI found.
  const name = physician!.name!;
  const searched = outcomeOfTool(view, "searchPhysicians");
  if (!searched) return { type: "tool-call", toolName: "searchPhysicians", input: { query: name, limit: 5 } };
  if (searched.kind !== "result")
    return { type: "text", text: writeAnswer({ kind: "search", query: name }, "searchPhysicians", searched) };
  const resolution = resolvePhysician(name, searched.value as SearchPhysiciansOutput);
  if (resolution.kind === "none") return { type: "text", text: resolution.message };
  if (resolution.kind === "several")
    return { type: "text", text: whichOneText(name, resolution.hits, resolution.total) };
  return { type: "tool-call", ...call(resolution.hit.npi) };
}
