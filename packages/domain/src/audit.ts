import { auditEvent, type Db } from "@pharmacrm/db";

import type { Scope } from "./scope";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

const rowOf = (scope: Scope, entry: AuditEntry) => ({
  orgId: scope.orgId,
  actorId: scope.userId,
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId,
  before: entry.before ?? null,
  after: entry.after ?? null,
});

/** Call inside the mutation's transaction so the change and its audit row commit together. */
export async function recordAudit(tx: Db, scope: Scope, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvent).values(rowOf(scope, entry));
}

/** Several audit events in one statement (a bulk change: one event per record), in the order given. */
export async function recordAudits(tx: Db, scope: Scope, entries: AuditEntry[]): Promise<void> {
  if (entries.length > 0) await tx.insert(auditEvent).values(entries.map((e) => rowOf(scope, e)));
}
