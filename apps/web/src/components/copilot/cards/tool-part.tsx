"use client";

import { AlertTriangle, Info } from "lucide-react";

import { Alert, Spinner } from "@pharmacrm/ui";

import { MOVED_ON } from "../chat-request-body";
import { isToolFailure, type ToolPartOf } from "../types";
import { AnalyticsCard } from "./analytics-card";
import { ApprovalCard } from "./approval-card";
import { CallBriefCard } from "./call-brief-card";
import { EmailDraftCard } from "./email-draft-card";
import { NbaCard } from "./nba-card";
import { type ToolPart } from "./part-kinds";
import { PhysicianProfileCard } from "./physician-profile-card";
import { PhysicianResultsCard } from "./physician-results-card";
import { RepScorecardCard } from "./rep-scorecard-card";
import { TeamFocusCard } from "./team-focus-card";
import { ToolDetails } from "./tool-details";
import { WriteResult } from "./write-result";

type ToolName = ToolPart["type"] extends `tool-${infer N}` ? N : never;

const running: Record<ToolName, string> = {
  searchPhysicians: "Searching physicians",
  getPhysicianProfile: "Reading the HCP profile",
  prepareCallBrief: "Preparing the call brief",
  draftOutreach: "Drafting the email and checking compliance",
  nextBestActions: "Scoring next-best actions",
  logInteraction: "Preparing the interaction",
  createTask: "Preparing the task",
  listTasks: "Reading your tasks",
  completeTask: "Preparing the task change",
  rescheduleTask: "Preparing the task change",
  listCalls: "Reading your calls",
  recordConsent: "Preparing the consent record",
  updateAccount: "Preparing the account change",
  queryAnalytics: "Counting",
  teamFocus: "Reading your team's numbers",
  repScorecard: "Reading the rep's numbers",
};

const WRITES = [
  "logInteraction",
  "createTask",
  "completeTask",
  "rescheduleTask",
  "recordConsent",
  "updateAccount",
] as const satisfies readonly ToolName[];
type WriteName = (typeof WRITES)[number];
type WritePart = ToolPartOf<WriteName>;
const isWritePart = (part: ToolPart): part is WritePart =>
  (WRITES as readonly string[]).includes(part.type.slice("tool-".length));

/** The card for one finished read tool, typed by the tool's own output. */
function ReadCard({ part, chosenNpi }: { part: ToolPart & { state: "output-available" }; chosenNpi?: string }) {
  switch (part.type) {
    case "tool-searchPhysicians":
      return part.output.status === "ok" ? <PhysicianResultsCard result={part.output} chosen={chosenNpi} /> : null;
    case "tool-getPhysicianProfile":
      return part.output.status === "ok" ? <PhysicianProfileCard profile={part.output} /> : null;
    case "tool-prepareCallBrief":
      return part.output.status === "ok" ? <CallBriefCard brief={part.output} /> : null;
    case "tool-draftOutreach":
      return part.output.status === "drafted" ? <EmailDraftCard draft={part.output} /> : null;
    case "tool-nextBestActions":
      return part.output.status === "ok" ? <NbaCard result={part.output} /> : null;
    case "tool-logInteraction":
      return part.output.status === "logged" ? <WriteResult result={part.output} /> : null;
    case "tool-createTask":
    case "tool-completeTask":
    case "tool-rescheduleTask":
    case "tool-recordConsent":
    case "tool-updateAccount":
      return isToolFailure(part.output) ? null : <WriteResult result={part.output} />;
    case "tool-queryAnalytics":
      return part.output.status === "ok" ? <AnalyticsCard result={part.output} /> : null;
    case "tool-teamFocus":
      return part.output.status === "ok" ? <TeamFocusCard focus={part.output} /> : null;
    case "tool-repScorecard":
      return part.output.status === "ok" ? <RepScorecardCard scorecard={part.output} /> : null;
    // Lists of the person's own tasks and calls are answered in the text, with links.
    case "tool-listTasks":
    case "tool-listCalls":
      return null;
  }
}

export function ToolPartView({
  part,
  chosenNpi,
  onApproval,
}: {
  part: ToolPart;
  /** For a physician search: the NPI a later tool call of the same answer went on with. */
  chosenNpi?: string;
  onApproval: (approvalId: string, approved: boolean, corrected?: Record<string, unknown>) => void;
}) {
  const name = part.type.slice("tool-".length) as ToolName;
  const write = isWritePart(part) ? { tool: name as WriteName, input: part.input } : null;
  const details = (
    <ToolDetails name={name} input={part.input} output={part.state === "output-available" ? part.output : undefined} />
  );

  if (part.state === "input-streaming" || part.state === "input-available") {
    return (
      <p className="flex items-center gap-2 text-xs text-slate-500" data-testid="tool-running">
        <Spinner className="size-3.5" /> {running[name]}…
      </p>
    );
  }
  if (
    write?.input &&
    (part.state === "approval-requested" || part.state === "approval-responded" || part.state === "output-denied")
  ) {
    const answered =
      part.state === "approval-requested" ? "requested" : part.approval.approved ? "approved" : "rejected";
    const approvalId = part.approval.id;
    return (
      <div className="min-w-0">
        <ApprovalCard
          tool={write.tool}
          input={write.input}
          state={answered}
          closed={part.state === "output-denied" && part.approval.reason === MOVED_ON}
          onAnswer={(approved, corrected) => onApproval(approvalId, approved, corrected)}
        />
        {details}
      </div>
    );
  }
  if (part.state === "output-error") {
    return (
      <div className="min-w-0">
        <Alert tone="danger" icon={<AlertTriangle />} title={`${running[name]} failed`}>
          {part.errorText}
        </Alert>
        {details}
      </div>
    );
  }
  if (part.state !== "output-available") return details;
  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-2">
      {write?.input ? <ApprovalCard tool={write.tool} input={write.input} state="approved" /> : null}
      {isToolFailure(part.output) ? (
        <Alert tone="warning" icon={<Info />} data-testid="tool-failure">
          {part.output.message}
        </Alert>
      ) : (
        <ReadCard part={part} chosenNpi={chosenNpi} />
      )}
      {details}
    </div>
  );
}
