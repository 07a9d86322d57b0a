// How an audit trail event (AuditTrailEvent, read from audit_event by @pharmacrm/domain) reads in the audit screen's
// exports: who did what to which record, and what changed, field by field.
import type { AuditTrailEvent, FieldChange } from "@pharmacrm/domain";

import { csvDocument } from "./csv";

const shown = (value: unknown) =>
  value === null || value === undefined ? "∅" : typeof value === "string" ? value : JSON.stringify(value);

/** "notes: old → new; status: open → done" for one cell. */
export const changesSummary = (changes: FieldChange[]) =>
  changes.map((c) => `${c.field}: ${shown(c.before)} → ${shown(c.after)}`).join("; ");

const CSV_HEADER = [
  "seq",
  "occurred_at",
  "actor_email",
  "actor_name",
  "action",
  "entity_type",
  "entity_id",
  "changes",
  "before_json",
  "after_json",
  "prev_hash",
  "hash",
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
