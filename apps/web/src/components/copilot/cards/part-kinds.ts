// Telling a message's parts apart, with no UI imports (unit-tested on its own).
import type { CopilotPart } from "../types";

export type ToolPart = Extract<CopilotPart, { type: `tool-${string}` }>;

export const isToolPart = (part: CopilotPart): part is ToolPart => part.type.startsWith("tool-");

/** The NPI the first tool call after `index` went on with, if it is one of that physician search's results. */
export function chosenFromSearch(parts: readonly CopilotPart[], index: number): string | undefined {
  const search = parts[index];
  if (search?.type !== "tool-searchPhysicians" || search.state !== "output-available") return undefined;
  if (search.output.status !== "ok") return undefined;
  const next = parts.slice(index + 1).find(isToolPart);
  const npi = next?.input && typeof next.input === "object" && "npi" in next.input ? next.input.npi : undefined;
  return typeof npi === "string" && search.output.results.some((hit) => hit.npi === npi) ? npi : undefined;
}

// Tools whose result has a card that shows everything the written answer says.
const CARDED = new Set([
  "tool-searchPhysicians",
  "tool-getPhysicianProfile",
  "tool-prepareCallBrief",
  "tool-draftOutreach",
  "tool-nextBestActions",
  "tool-queryAnalytics",
  "tool-teamFocus",
  "tool-repScorecard",
]);

/**
 * True when the answer's last tool result is shown as a card (a search, profile, brief, draft or next-best actions):
 * the written answer then repeats the card, so the chat folds it away rather than showing it twice.
 */
export function answeredByCard(parts: readonly CopilotPart[]): boolean {
  const last = parts.findLast(isToolPart);
  if (!last || last.state !== "output-available" || !CARDED.has(last.type)) return false;
  const status = (last.output as { status?: unknown }).status;
  return status === "ok" || status === "drafted";
}
