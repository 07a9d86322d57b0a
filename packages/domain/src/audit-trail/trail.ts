// The org's audit trail as its admins review it: every recorded change with who, what and when, filtered and paged or
// selected whole for an export, what the filters offer, and the hash chain's check. Who may read it (the org's admins)
// is the API's gate; the org is always the scope's own. An event reads field by field: the top-level keys of the
// before/after payloads, nested values compared whole.
import { and, asc, count, desc, eq, type SQL } from "drizzle-orm";

import { appUser, auditEvent, type Db } from "@pharmacrm/db";

import { ERASED_USER_NAME } from "../erasure/erase-person";
import type { Scope } from "../scope";
import { onDays } from "./days";
import { describeChain, verifyAuditChain } from "./verify-chain";

/** The most events one export holds (narrow the filter for more). */
export const AUDIT_EXPORT_LIMIT = 10_000;

export interface AuditTrailFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Inclusive first and last day (UTC), as 2026-11-23. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface FieldChange {
  field: string;
  kind: "added" | "removed" | "changed";
  before: unknown;
  after: unknown;
}

export interface AuditTrailEvent {
  id: number;
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  changes: FieldChange[];
  prevHash: string | null;
  hash: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

// jsonb hands keys back in one order, so equal payloads serialise equally.
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ between two payloads; a record created (no before) lists every field as added. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = before ?? null;
  const a = after ?? null;
  if (b === null && a === null) return [];
  if ((b === null || isRecord(b)) && (a === null || isRecord(a))) {
    const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].sort();
    return keys.flatMap((field): FieldChange[] => {
      const inBefore = b !== null && field in b;
      const inAfter = a !== null && field in a;
      const was = inBefore ? b[field] : undefined;
      const now = inAfter ? a[field] : undefined;
      // Unchanged, or empty on both sides (a created record's unset fields are not news).
      if (same(was ?? null, now ?? null)) return [];
      return [
        {
          field,
          kind: !inBefore ? "added" : !inAfter ? "removed" : "changed",
          before: was ?? null,
          after: now ?? null,
        },
      ];
    });
  }
  return same(b, a)
    ? []
    : [{ field: "(value)", kind: b === null ? "added" : a === null ? "removed" : "changed", before: b, after: a }];
}

function auditTrailEventOf(row: {
  event: typeof auditEvent.$inferSelect;
  actorName: string | null;
  actorEmail: string | null;
}): AuditTrailEvent {
  const { event } = row;
  return {
    id: event.id,
    seq: event.seq,
    occurredAt: event.occurredAt,
    actorId: event.actorId,
    actorName: row.actorName,
    actorEmail: row.actorEmail,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before,
    after: event.after,
    changes: fieldChanges(event.before, event.after),
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

function whereEvents(scope: Scope, f: AuditTrailFilter): SQL {
  return and(
    eq(auditEvent.orgId, scope.orgId),
    f.actorId ? eq(auditEvent.actorId, f.actorId) : undefined,
    f.action ? eq(auditEvent.action, f.action) : undefined,
    f.entityType ? eq(auditEvent.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditEvent.entityId, f.entityId) : undefined,
    ...onDays(auditEvent.occurredAt, f),
  )!;
}

async function auditEvents(db: Db, where: SQL, limit: number, offset = 0): Promise<AuditTrailEvent[]> {
  const rows = await db
    .select({ event: auditEvent, actorName: appUser.name, actorEmail: appUser.email })
    .from(auditEvent)
    .leftJoin(appUser, eq(appUser.id, auditEvent.actorId))
    .where(where)
    .orderBy(desc(auditEvent.seq))
    .limit(limit)
    .offset(offset);
  return rows.map(auditTrailEventOf);
}

async function countEvents(db: Db, where: SQL): Promise<number> {
  const [total] = await db.select({ n: count() }).from(auditEvent).where(where);
  return total?.n ?? 0;
}

/** One page of the matching events, newest first, and how many match. */
export async function listAuditTrail(
  db: Db,
  scope: Scope,
  query: AuditTrailFilter & { page: number; pageSize: number },
) {
  const where = whereEvents(scope, query);
  const [items, total] = await Promise.all([
    auditEvents(db, where, query.pageSize, (query.page - 1) * query.pageSize),
    countEvents(db, where),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** What the filters offer: the org's people (former and erased ones too), and the actions and record types seen. */
export async function auditTrailFacets(db: Db, scope: Scope) {
  const org = eq(auditEvent.orgId, scope.orgId);
  const [people, actions, entityTypes] = await Promise.all([
    db
      .select({
        id: appUser.id,
        name: appUser.name,
        email: appUser.email,
        role: appUser.role,
        disabledAt: appUser.disabledAt,
      })
      .from(appUser)
      .where(eq(appUser.orgId, scope.orgId))
      .orderBy(asc(appUser.name), asc(appUser.email))
      .limit(1000),
    db.selectDistinct({ action: auditEvent.action }).from(auditEvent).where(org).orderBy(auditEvent.action),
    db.selectDistinct({ entityType: auditEvent.entityType }).from(auditEvent).where(org).orderBy(auditEvent.entityType),
  ]);
  return {
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      role: p.role,
      former: p.disabledAt !== null,
      erased: p.name === ERASED_USER_NAME && p.email.endsWith("@erased.invalid"),
    })),
    actions: actions.map((a) => a.action),
    entityTypes: entityTypes.map((e) => e.entityType),
  };
}

/** The matching events, newest first, at most AUDIT_EXPORT_LIMIT of them, and how many match. */
export async function exportAuditTrail(db: Db, scope: Scope, filter: AuditTrailFilter) {
  const where = whereEvents(scope, filter);
  const [events, total] = await Promise.all([auditEvents(db, where, AUDIT_EXPORT_LIMIT), countEvents(db, where)]);
  return { events, total };
}

/** Recomputes the org's hash chain: "chain intact (N events)" or the first broken link. */
export async function checkAuditTrail(db: Db, scope: Scope) {
  const report = await verifyAuditChain(db, scope.orgId);
  return {
    intact: report.broken === null,
    events: report.events,
    headHash: report.headHash,
    broken: report.broken,
    message: describeChain(report),
  };
}
