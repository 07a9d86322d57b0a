"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pager } from "~/components/data/pager";
import { messageOf, useTRPC } from "~/trpc/react";
import { ScrollText, TriangleAlert } from "lucide-react";

import { Card, CardDescription, CardHeader, CardTitle, EmptyState, ErrorState, Skeleton } from "@pharmacrm/ui";

import { hasFilter, useAuditParams } from "./audit-params";
import { AuditTrailExport } from "./audit-trail-export";
import { AuditTrailFilters, personLabel } from "./audit-trail-filters";
import { AuditTrailTable } from "./audit-trail-table";
import { ChainStatus } from "./chain-status";
import { ErasePersonForm } from "./erase-person-form";

const PAGE_SIZE = 25;

/** Every recorded change in the org: who, what, when, before and after; filtered in the URL, exported, verified. */
export function AuditTrailScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { filter, page, setFilter, setPage } = useAuditParams();
  const invalidRange = Boolean(filter.from && filter.to && filter.from > filter.to);
  const facets = useQuery(trpc.audit.facets.queryOptions());
  const events = useQuery(
    trpc.audit.list.queryOptions(
      { ...filter, page, pageSize: PAGE_SIZE },
      { placeholderData: keepPreviousData, enabled: !invalidRange },
    ),
  );
  const person = facets.data?.people.find((p) => p.id === filter.actorId);
  const filtered = hasFilter(filter);

  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Audit trail</h1>
        <p className="mt-1 text-sm text-slate-500">
          Every change made in your organisation — calls, tasks, consent, segments, decisions, erasures — with the
          person, the time and the values before and after. Events cannot be changed or deleted, and each one is sealed
          with the hash of the one before it.
        </p>
      </div>
      <ChainStatus />
      <Card className="overflow-hidden" aria-labelledby="audit-trail-title">
        <CardHeader className="flex-wrap items-end">
          <div className="grid gap-3">
            <div>
              <CardTitle id="audit-trail-title">Events</CardTitle>
              <CardDescription>
                Newest first. Days are UTC. The filters are in the page address, so a view can be bookmarked.
              </CardDescription>
            </div>
            <AuditTrailFilters filter={filter} facets={facets.data} onChange={setFilter} />
            {facets.isError ? (
              <p className="text-xs text-amber-700">The filter lists could not be loaded: {messageOf(facets.error)}</p>
            ) : null}
            {invalidRange ? (
              <p className="text-xs text-red-700">The first day must not be after the last day.</p>
            ) : null}
          </div>
          <AuditTrailExport filter={filter} disabled={invalidRange || !events.data || events.data.total === 0} />
        </CardHeader>
        {person?.former && !person.erased ? (
          <div className="border-t border-slate-200 px-4 py-3">
            <p className="mb-2 text-sm text-slate-600">
              {personLabel(person)} no longer has access. You can erase their personal details.
            </p>
            <ErasePersonForm
              key={person.id}
              target={{ kind: "user", userId: person.id, email: person.email }}
              onErased={() => void queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() })}
            />
          </div>
        ) : null}
        {invalidRange ? null : events.isError && !events.data ? (
          <ErrorState
            icon={<TriangleAlert />}
            title="Could not load the audit trail"
            message={messageOf(events.error)}
            onRetry={() => void events.refetch()}
          />
        ) : events.isPending ? (
          <div className="space-y-2 p-4" aria-label="Loading the audit trail">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-8 w-full" />
            ))}
          </div>
        ) : events.data.items.length === 0 ? (
          <EmptyState
            icon={<ScrollText />}
            title={filtered ? "No events match" : "No events yet"}
            description={
              filtered
                ? "Widen the days or clear a filter."
                : "Every change made in your organisation will be recorded here."
            }
          />
        ) : (
          <>
            <AuditTrailTable events={events.data.items} />
            <Pager
              page={page}
              pageSize={PAGE_SIZE}
              total={events.data.total}
              onPage={setPage}
              label="Audit trail pages"
            />
          </>
        )}
      </Card>
    </div>
  );
}
