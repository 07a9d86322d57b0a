// The copilot's tools, one file each, built for one request's viewer. Read tools run at once; the write tools
// (logInteraction, createTask, completeTask, rescheduleTask, recordConsent, updateAccount) declare needsApproval and run only after the person approves the card.
import { createTaskTool } from "./create-task";
import { draftOutreachTool } from "./draft-outreach";
import { getPhysicianProfileTool } from "./get-physician-profile";
import { listCallsTool } from "./list-calls";
import { logInteractionTool } from "./log-interaction";
import { nextBestActionsTool } from "./next-best-actions";
import { prepareCallBriefTool } from "./prepare-call-brief";
import { queryAnalyticsTool } from "./query-analytics";
import { recordConsentTool } from "./record-consent";
import { repScorecardTool } from "./rep-scorecard";
import type { ToolContext } from "./result";
import { searchPhysiciansTool } from "./search-physicians";
import { completeTaskTool, listTasksTool, rescheduleTaskTool } from "./tasks";
import { teamFocusTool } from "./team-focus";
import { updateAccountTool } from "./update-account";

export function createCopilotTools(ctx: ToolContext) {
  return {
    searchPhysicians: searchPhysiciansTool(ctx),
    getPhysicianProfile: getPhysicianProfileTool(ctx),
    prepareCallBrief: prepareCallBriefTool(ctx),
    draftOutreach: draftOutreachTool(ctx),
    nextBestActions: nextBestActionsTool(ctx),
    logInteraction: logInteractionTool(ctx),
    createTask: createTaskTool(ctx),
    listTasks: listTasksTool(ctx),
    completeTask: completeTaskTool(ctx),
    rescheduleTask: rescheduleTaskTool(ctx),
    listCalls: listCallsTool(ctx),
    recordConsent: recordConsentTool(ctx),
    updateAccount: updateAccountTool(ctx),
    queryAnalytics: queryAnalyticsTool(ctx),
    teamFocus: teamFocusTool(ctx),
    repScorecard: repScorecardTool(ctx),
  };
}

export type CopilotTools = ReturnType<typeof createCopilotTools>;
export type CopilotToolName = keyof CopilotTools;

export type { ToolContext, ToolFailure, ToolFailureStatus } from "./result";
export type { SearchPhysiciansOutput, SearchPhysiciansResult, PhysicianHit } from "./search-physicians";
export type { GetPhysicianProfileOutput, PhysicianProfile } from "./get-physician-profile";
export type { PrepareCallBriefOutput } from "./prepare-call-brief";
export type { DraftOutreachOutput } from "./draft-outreach";
export type { NextBestActionsOutput, NextBestActionsResult } from "./next-best-actions";
export type { LogInteractionOutput, LogInteractionResult } from "./log-interaction";
export type { CreateTaskOutput, CreateTaskResult } from "./create-task";
export { searchPhysiciansInput } from "./search-physicians";
export { getPhysicianProfileInput } from "./get-physician-profile";
export { prepareCallBriefInput } from "./prepare-call-brief";
export { draftOutreachToolInput } from "./draft-outreach";
export { nextBestActionsToolInput } from "./next-best-actions";
export { logInteractionToolInput } from "./log-interaction";
export { createTaskToolInput } from "./create-task";
export type { ListTasksOutput, ListTasksResult, TaskChangeOutput, TaskLine } from "./tasks";
export type { ListCallsOutput, ListCallsResult, CallLine } from "./list-calls";
export type { RecordConsentOutput } from "./record-consent";
export type { UpdateAccountOutput } from "./update-account";
export type { QueryAnalyticsOutput, QueryAnalyticsResult } from "./query-analytics";
export type { TeamFocusOutput, TeamFocusResult } from "./team-focus";
export type { RepScorecardOutput, RepScorecardResult } from "./rep-scorecard";
export type {
  CallBrief,
  OutreachDraft,
  FigureSource,
  NbaSuggestion,
  ComplianceResult,
  ComplianceFlag,
} from "@pharmacrm/domain";
