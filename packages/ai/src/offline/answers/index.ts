// The grounded answer for a turn whose tool has run: each tool's result in words, with its sources. A declined write
// says nothing was written; a failed tool says what went wrong in the tool's own words.
import type { ToolOutcome } from "../conversation";
import type { ToolIntent } from "../target-call";
import { analyticsAnswer } from "./analytics";
import { briefAnswer, draftAnswer } from "./documents";
import { callsAnswer, tasksAnswer } from "./lists";
import { nbaAnswer, profileAnswer, searchAnswer } from "./lookups";
import { scorecardAnswer } from "./scorecard";
import { teamFocusAnswer } from "./team-focus";
import { writeResultAnswer } from "./writes";

export function writeAnswer(intent: ToolIntent, toolName: string, outcome: ToolOutcome): string {
  if (outcome.kind === "denied") {
    return `Nothing was written: you did not approve it${outcome.reason ? ` (${outcome.reason})` : ""}. Ask again whenever you want to save it.`;
  }
  if (outcome.kind === "error") return `That did not work: ${outcome.message}`;
  // Tool outputs are JSON the tools typed; each writer checks `status` before reading further.
  const value = outcome.value as never;
  switch (toolName) {
    case "searchPhysicians":
      return searchAnswer(value);
    case "getPhysicianProfile":
      return profileAnswer(value, intent.kind === "profile" ? intent.focus : "overview");
    case "nextBestActions":
      return nbaAnswer(value);
    case "prepareCallBrief":
      return briefAnswer(value);
    case "draftOutreach":
      return draftAnswer(value);
    case "listTasks":
      return tasksAnswer(value);
    case "queryAnalytics":
      return intent.kind === "analytics"
        ? analyticsAnswer(value, intent.period, intent.certified)
        : analyticsAnswer(value, null);
    case "teamFocus":
      return teamFocusAnswer(value);
    case "repScorecard":
      return scorecardAnswer(value);
    case "listCalls":
      return callsAnswer(value, intent.kind === "calls" ? intent.period : "the period");
    default:
      return writeResultAnswer(value);
  }
}
