// The intent registry: each role's set. A new family (analytics, campaigns) is a new entry in the sets it serves,
// not an edit to a shared cascade.
import type { Role } from "@pharmacrm/domain";

import { listCalls, listTasks } from "./lists";
import { adminScreen, analytics, help, myScorecard, refuse, repScorecard, teamFocus } from "./other";
import { brief, draft, nba, profile, search, topWriters } from "./physician-reads";
import type { IntentDefinition } from "./shared";
import { completeTask, createTask, logCall, recordConsent, rescheduleTask, updateAccount } from "./writes";

export const INTENTS: readonly IntentDefinition[] = [
  help,
  refuse,
  logCall,
  recordConsent,
  updateAccount,
  createTask,
  completeTask,
  rescheduleTask,
  listTasks,
  listCalls,
  draft,
  brief,
  nba,
  topWriters,
  profile,
  search,
  analytics,
  teamFocus,
  repScorecard,
  myScorecard,
  adminScreen,
];

const byRole = new Map<Role, IntentDefinition[]>(
  (["rep", "manager", "admin"] as const).map((role) => [role, INTENTS.filter((i) => i.roles.includes(role))]),
);

export function intentsFor(role: Role): readonly IntentDefinition[] {
  return byRole.get(role) ?? [];
}

export type { IntentDefinition };
