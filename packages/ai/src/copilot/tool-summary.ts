// One line per tool result for the audit record (what the person was shown, without copying whole profiles), and
// the next-best-action confidences that compliance reviews ask every AI suggestion to carry.
import type { CreateTaskOutput } from "../tools/create-task";
import type { DraftOutreachOutput } from "../tools/draft-outreach";
import type { GetPhysicianProfileOutput } from "../tools/get-physician-profile";
import type { LogInteractionOutput } from "../tools/log-interaction";
import type { NextBestActionsOutput } from "../tools/next-best-actions";
import type { PrepareCallBriefOutput } from "../tools/prepare-call-brief";
import type { SearchPhysiciansOutput } from "../tools/search-physicians";

export interface NbaConfidence {
  tool: string;
  npi: string;
  action: string;
  score: number;
  confidence: number;
}

const SUCCESS = new Set(["ok", "drafted", "logged", "created"]);

type Outputs = {
  searchPhysicians: SearchPhysiciansOutput;
  getPhysicianProfile: GetPhysicianProfileOutput;
  prepareCallBrief: PrepareCallBriefOutput;
  draftOutreach: DraftOutreachOutput;
  nextBestActions: NextBestActionsOutput;
  logInteraction: LogInteractionOutput;
  createTask: CreateTaskOutput;
};

type Successes = { [K in keyof Outputs]: Extract<Outputs[K], { status: "ok" | "drafted" | "logged" | "created" }> };

const SUMMARIES: { [K in keyof Successes]: (o: Successes[K]) => string } = {
  searchPhysicians: (o) =>
    `${o.results.length} of ${o.total}${o.totalIsLowerBound ? "+" : ""} shown: ${o.results.map((r) => r.npi).join(", ")}`,
  getPhysicianProfile: (o) =>
    `profile of ${o.npi}: ${o.topDrugs.length} drugs, ${o.lastInteractions.length} interactions, ${o.consent.length} consents`,
  prepareCallBrief: (o) =>
    `brief for ${o.hcp.npi}: ${o.changes.length} changes, ${o.talkingPoints.length} talking points, ${o.nextActions.length} next actions`,
  draftOutreach: (o) =>
    `draft ${o.draftId} (${o.purpose}) for ${o.npi}: compliance ${o.compliance.passed ? "passed" : `${o.compliance.flags.length} flags`}`,
  nextBestActions: (o) => `${o.suggestions.length} suggestions of ${o.considered} HCPs`,
  logInteraction: (o) => `interaction ${o.interaction.id} for ${o.interaction.npi}`,
  createTask: (o) => `task ${o.task.id}: ${o.task.title}`,
};

export function summarizeToolOutput(name: string, output: unknown): string {
  const status = (output as { status?: unknown } | null)?.status;
  if (typeof status === "string" && !SUCCESS.has(status))
    return `${status}: ${(output as { message?: string }).message ?? ""}`;
  const summarize = SUMMARIES[name as keyof Successes] as ((o: unknown) => string) | undefined;
  if (summarize && status) return summarize(output);
  const json = JSON.stringify(output) ?? "null";
  return json.length > 300 ? `${json.slice(0, 299)}…` : json;
}

export function confidencesOf(name: string, output: unknown): NbaConfidence[] {
  const o = output as Outputs[keyof Outputs];
  if (name === "nextBestActions" && o.status === "ok" && "suggestions" in o) {
    return o.suggestions.map((s) => ({
      tool: name,
      npi: s.npi,
      action: s.action,
      score: s.score,
      confidence: s.confidence,
    }));
  }
  if (name === "prepareCallBrief" && o.status === "ok" && "nextActions" in o) {
    return o.nextActions.map((s) => ({
      tool: name,
      npi: s.npi,
      action: s.action,
      score: s.score,
      confidence: s.confidence,
    }));
  }
  return [];
}
