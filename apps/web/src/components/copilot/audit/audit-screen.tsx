"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Pager } from "~/components/data/pager";
import { messageOf, useTRPC } from "~/trpc/react";
import { ScrollText, TriangleAlert } from "lucide-react";
import { useState } from "react";

import {
  Card,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  ErrorState,
  Skeleton,
  Table,
  TableBody,
  TableHead,
  TableHeader,
  TableRow,
} from "@pharmacrm/ui";

import { AuditExport } from "./audit-export";
import { AuditFilters, type AuditFilter } from "./audit-filters";
import { AuditRow } from "./audit-row";

const PAGE_SIZE = 25;

/** Every copilot turn of the org: who asked, which model answered, what it called and what was approved. */
export function AuditScreen() {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const invalidRange = Boolean(filter.from && filter.to && filter.from > filter.to);
  const turns = useQuery(
    trpc.copilotAudit.list.queryOptions(
      { ...filter, page, pageSize: PAGE_SIZE },
      { placeholderData: keepPreviousData, enabled: !invalidRange },
    ),
  );
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Copilot audit</h1>
        <p className="mt-1 text-sm text-slate-500">
          One record per copilot turn: the person, the model and version, a SHA-256 hash of exactly what the model was
          given, the tools it called with their inputs, what was approved or rejected, and the confidence of each
          next-best action shown. Records cannot be changed.
        </p>
      </div>
      <Card className="overflow-hidden" aria-labelledby="audit-title">
        <CardHeader className="flex-wrap items-end">
          <div className="grid gap-3">
            <div>
              <CardTitle id="audit-title">Turns</CardTitle>
              <CardDescription>Newest first. Days are UTC.</CardDescription>
            </div>
            <AuditFilters
              filter={filter}
              onChange={(next) => {
                setFilter(next);
                setPage(1);
              }}
            />
            {invalidRange ? (
              <p className="text-xs text-red-700">The first day must not be after the last day.</p>
            ) : null}
          </div>
          <AuditExport filter={filter} disabled={invalidRange || !turns.data || turns.data.total === 0} />
        </CardHeader>
        {turns.isError && !turns.data ? (
          <ErrorState
            icon={<TriangleAlert />}
            title="Could not load the audit"
            message={messageOf(turns.error)}
            onRetry={() => void turns.refetch()}
          />
        ) : turns.isPending ? (
          <div className="space-y-2 p-4" aria-label="Loading the audit">
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} className="h-8 w-full" />
            ))}
          </div>
        ) : turns.data.items.length === 0 ? (
          <EmptyState
            icon={<ScrollText />}
            title={filter.userId || filter.from || filter.to ? "No turns match" : "No copilot turns yet"}
            description={
              filter.userId || filter.from || filter.to
                ? "Widen the days or choose everyone."
                : "Every question asked of the copilot will be recorded here."
            }
          />
        ) : (
          <>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Time</TableHead>
                  <TableHead>Person</TableHead>
                  <TableHead>Model</TableHead>
                  <TableHead>Input hash</TableHead>
                  <TableHead>Tools and approvals</TableHead>
                  <TableHead>NBA confidence</TableHead>
                  <TableHead>Status</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {turns.data.items.map((turn) => (
                  <AuditRow key={turn.id} turn={turn} />
                ))}
              </TableBody>
            </Table>
            <Pager page={page} pageSize={PAGE_SIZE} total={turns.data.total} onPage={setPage} label="Audit pages" />
          </>
        )}
      </Card>
    </div>
  );
}
