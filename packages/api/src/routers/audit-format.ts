// How an audit_event row reads on the audit screen and in its exports: who did what to which record, and what
// changed, field by field (top-level keys of the before/after payloads; nested values compared whole).
import type { auditEvent } from "@pharmacrm/db";
import { csvDocument } from "./csv";

export const AUDIT_EXPORT_LIMIT = 10_000;

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
      return [{ field, kind: !inBefore ? "added" : !inAfter ? "removed" : "changed", before: was ?? null, after: now ?? null }];
    });
  }
  return same(b, a) ? [] : [{ field: "(value)", kind: b === null ? "added" : a === null ? "removed" : "changed", before: b, after: a }];
}

export function auditTrailEventOf(row: {
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

const shown = (value: unknown) => (value === null || value === undefined ? "∅" : typeof value === "string" ? value : JSON.stringify(value));

/** "notes: old → new; status: open → done" for one cell. */
export const changesSummary = (changes: FieldChange[]) => changes.map((c) => `${c.field}: ${shown(c.before)} → ${shown(c.after)}`).join("; ");

const CSV_HEADER = [
  "seq", "occurred_at", "actor_email", "actor_name", "action", "entity_type", "entity_id", "changes", "before_json",
  "after_json", "prev_hash", "hash",
];

export function auditTrailCsv(events: AuditTrailEvent[]): string {
  return csvDocument(
    CSV_HEADER,
    events.map((e) => [
      String(e.seq),
      e.occurredAt.toISOString(),
      e.actorEmail ?? "",
      e.actorName ?? "",
      e.action,
      e.entityType,
      e.entityId,
      changesSummary(e.changes),
      e.before === null ? "" : JSON.stringify(e.before),
      e.after === null ? "" : JSON.stringify(e.after),
      e.prevHash ?? "",
      e.hash,
    ]),
  );
}
