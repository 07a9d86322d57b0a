// The copilot's audit trail for compliance reviews: every turn of the scope's org with its user, model, input hash,
// tool calls, approvals and NBA confidences, filtered and paged, or the whole selection for an export. Who may read it
// (the org's admins) is the API's gate; the org is always the scope's own.
//
// The row's JSON columns are written by the turn runner; they are read leniently here (unknown keys kept, odd entries
// shown as they are) because an audit view must never hide a record it cannot fully parse.
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";

import { appUser, copilotTurn, type Db } from "@pharmacrm/db";

import { onDays } from "../audit-trail/days";
import type { Scope } from "../scope";

/** The most turns one export holds (narrow the dates for more). */
export const COPILOT_AUDIT_EXPORT_LIMIT = 10_000;

export interface CopilotAuditFilter {
  userId?: string | undefined;
  /** Inclusive first day and last day (UTC), as 2026-11-23. */
  from?: string | undefined;
  to?: string | undefined;
}

// As the turn runner records it: { toolCallId, name, input, state, output (a one-line summary), approval }.
const toolCallSchema = z.looseObject({
  name: z.string().optional(),
  input: z.unknown().optional(),
  state: z.string().nullish(),
  output: z.string().nullish(),
  approval: z.looseObject({ approved: z.boolean().nullish(), reason: z.string().nullish() }).nullish(),
});

export interface AuditToolCall {
  name: string;
  input: unknown;
  /** true / false when the user answered an approval request; null when none was needed (or it is still open). */
  approved: boolean | null;
  /** Whether an approval was asked for at all. */
  needsApproval: boolean;
  /** The part's state at the end of the turn, e.g. output-available, approval-requested, output-denied. */
  state: string | null;
  /** One line on what the tool returned. */
  output: string | null;
  /** The entry as recorded (output summary and anything else the runner kept). */
  recorded: unknown;
}

export interface AuditTurn {
  id: string;
  startedAt: Date;
  finishedAt: Date | null;
  userId: string;
  userName: string;
  userEmail: string;
  conversationId: string | null;
  provider: string;
  modelId: string;
  inputHash: string;
  status: string;
  error: string | null;
  tools: AuditToolCall[];
  confidences: unknown[];
}

function toolCallOf(entry: unknown): AuditToolCall {
  const parsed = toolCallSchema.safeParse(entry);
  if (!parsed.success)
    return {
      name: "(unreadable entry)",
      input: null,
      approved: null,
      needsApproval: false,
      state: null,
      output: null,
      recorded: entry,
    };
  const { name, input, state, output, approval } = parsed.data;
  return {
    name: name ?? "(unnamed)",
    input: input ?? null,
    approved: approval?.approved ?? null,
    needsApproval: Boolean(approval),
    state: state ?? null,
    output: output ?? null,
    recorded: entry,
  };
}

function auditTurnOf(row: { turn: typeof copilotTurn.$inferSelect; userName: string; userEmail: string }): AuditTurn {
  const { turn } = row;
  return {
    id: turn.id,
    startedAt: turn.startedAt,
    finishedAt: turn.finishedAt,
    userId: turn.userId,
    userName: row.userName,
    userEmail: row.userEmail,
    conversationId: turn.conversationId,
    provider: turn.provider,
    modelId: turn.modelId,
    inputHash: turn.inputHash,
    status: turn.status,
    error: turn.error,
    tools: Array.isArray(turn.toolCalls) ? turn.toolCalls.map(toolCallOf) : [],
    confidences: Array.isArray(turn.confidences) ? turn.confidences : [],
  };
}

function whereTurns(scope: Scope, filter: CopilotAuditFilter): SQL {
  return and(
    eq(copilotTurn.orgId, scope.orgId),
    filter.userId ? eq(copilotTurn.userId, filter.userId) : undefined,
    ...onDays(copilotTurn.startedAt, filter),
  )!;
}

async function auditTurns(db: Db, where: SQL, limit: number, offset = 0): Promise<AuditTurn[]> {
  const rows = await db
    .select({ turn: copilotTurn, userName: appUser.name, userEmail: appUser.email })
    .from(copilotTurn)
    .innerJoin(appUser, eq(appUser.id, copilotTurn.userId))
    .where(where)
    .orderBy(desc(copilotTurn.startedAt), desc(copilotTurn.id))
    .limit(limit)
    .offset(offset);
  return rows.map(auditTurnOf);
}

async function countTurns(db: Db, where: SQL): Promise<number> {
  const [total] = await db.select({ n: count() }).from(copilotTurn).where(where);
  return total?.n ?? 0;
}

/** One page of the matching turns, newest first, and how many match. */
export async function listCopilotTurns(
  db: Db,
  scope: Scope,
  query: CopilotAuditFilter & { page: number; pageSize: number },
) {
  const where = whereTurns(scope, query);
  const [items, total] = await Promise.all([
    auditTurns(db, where, query.pageSize, (query.page - 1) * query.pageSize),
    countTurns(db, where),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The people of the org who have used the copilot, for the filter. */
export async function copilotAuditUsers(db: Db, scope: Scope) {
  return db
    .selectDistinct({ id: appUser.id, name: appUser.name, email: appUser.email })
    .from(copilotTurn)
    .innerJoin(appUser, eq(appUser.id, copilotTurn.userId))
    .where(eq(copilotTurn.orgId, scope.orgId))
    .orderBy(appUser.name, appUser.email);
}

/** The matching turns, newest first, at most COPILOT_AUDIT_EXPORT_LIMIT of them, and how many match. */
export async function exportCopilotTurns(db: Db, scope: Scope, filter: CopilotAuditFilter) {
  const where = whereTurns(scope, filter);
  const [turns, total] = await Promise.all([auditTurns(db, where, COPILOT_AUDIT_EXPORT_LIMIT), countTurns(db, where)]);
  return { turns, total };
}
