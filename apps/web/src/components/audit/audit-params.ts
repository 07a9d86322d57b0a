"use client";

import { parseAsInteger, parseAsString, useQueryStates } from "nuqs";

/** The audit screen's filters and page, kept in the URL so a filtered view can be bookmarked or shared. */
const auditParams = {
  actor: parseAsString,
  action: parseAsString,
  type: parseAsString,
  entity: parseAsString,
  from: parseAsString,
  to: parseAsString,
  page: parseAsInteger.withDefault(1),
};

const isDay = (v: string | null): v is string =>
  v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const isUuid = (v: string | null): v is string =>
  v !== null && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
const word = (v: string | null, max: number) => (v && v.trim() && v.length <= max ? v.trim() : undefined);

export interface AuditTrailFilter {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

export function useAuditParams() {
  const [params, setParams] = useQueryStates(auditParams, { history: "push" });
  // A hand-edited URL never reaches the server as a bad request: what does not parse is ignored.
  const filter: AuditTrailFilter = {
    actorId: isUuid(params.actor) ? params.actor : undefined,
    action: word(params.action, 64),
    entityType: word(params.type, 64),
    entityId: word(params.entity, 200),
    from: isDay(params.from) ? params.from : undefined,
    to: isDay(params.to) ? params.to : undefined,
  };
  const page = Math.min(Math.max(1, params.page), 100_000);
  const setFilter = (next: AuditTrailFilter) =>
    void setParams({
      actor: next.actorId ?? null,
      action: next.action ?? null,
      type: next.entityType ?? null,
      entity: next.entityId ?? null,
      from: next.from ?? null,
      to: next.to ?? null,
      page: null,
    });
  const setPage = (next: number) => void setParams({ page: next === 1 ? null : next });
  return { filter, page, setFilter, setPage };
}

export const hasFilter = (f: AuditTrailFilter) => Object.values(f).some((v) => v !== undefined);
