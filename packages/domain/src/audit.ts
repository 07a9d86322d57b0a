import { auditEvent, type Db } from "@pharmacrm/db";

import type { Scope } from "./scope";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Call inside the mutation's transaction so the change and its audit row commit together. */
export async function recordAudit(tx: Db, scope: Scope, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvent).values({
    orgId: scope.orgId,
    actorId: scope.userId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
