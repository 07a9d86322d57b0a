"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { LocalDateTime } from "~/components/local-time";
import { messageOf, useTRPC } from "~/trpc/react";
import { History, TriangleAlert } from "lucide-react";
import Link from "next/link";
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
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@pharmacrm/ui";

import { datasetLabel, formatCount, formatDuration, isLive, runDuration, sourceText, startedByText } from "./labels";
import { Pager } from "./pager";
import { RunProgress } from "./run-progress";
import { RunStatus } from "./run-status";

const PAGE_SIZE = 10;

/** Every import, newest first, polled every second while one is running. */
export function RunsTable() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const runs = useQuery(
    trpc.data.runs.queryOptions(
      { page, pageSize: PAGE_SIZE },
      {
        placeholderData: keepPreviousData,
        refetchInterval: (query) => (query.state.data?.items.some(isLive) ? 1000 : false),
      },
    ),
  );
  return (
    <Card className="overflow-hidden" aria-labelledby="runs-title">
      <CardHeader>
        <div>
          <CardTitle id="runs-title">Import runs</CardTitle>
          <CardDescription>
            Each file is one run; loading the same file again does nothing, an unfinished one continues.
          </CardDescription>
        </div>
      </CardHeader>
      {runs.isError && !runs.data ? (
        <ErrorState
          icon={<TriangleAlert />}
          title="Could not load the runs"
          message={messageOf(runs.error)}
          onRetry={() => void runs.refetch()}
        />
      ) : runs.isPending ? (
        <div className="space-y-2 p-4">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-8 w-full" />
          ))}
        </div>
      ) : runs.data.items.length === 0 ? (
        <EmptyState
          icon={<History />}
          title="No imports yet"
          description="Nothing has been loaded on this server yet. A platform operator loads the CMS files."
        />
      ) : (
        <>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>File</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Progress</TableHead>
                <TableHead className="text-right">Loaded</TableHead>
                <TableHead className="text-right">Updated</TableHead>
                <TableHead className="text-right">Quarantined</TableHead>
                <TableHead>Started</TableHead>
                <TableHead>By</TableHead>
                <TableHead className="text-right">Took</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {runs.data.items.map((run) => (
                <TableRow key={run.id} data-testid="run-row" data-status={run.status}>
                  <TableCell className="max-w-72">
                    <Link
                      href={`/admin/data/runs/${run.id}`}
                      className="block truncate font-medium text-brand-700 hover:underline"
                      title={run.sourceFile}
                    >
                      {run.sourceFile}
                    </Link>
                    <p className="text-xs text-slate-500">
                      {datasetLabel(run.dataset)}
                      {run.release ? ` · ${run.release}` : ""}
                    </p>
                  </TableCell>
                  <TableCell>
                    <RunStatus run={run} />
                  </TableCell>
                  <TableCell>
                    <RunProgress run={run} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatCount(run.rowsLoaded)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatCount(run.rowsUpdated)}</TableCell>
                  <TableCell className="text-right tabular-nums" data-testid="run-quarantined">
                    {formatCount(run.rowsQuarantined)}
                  </TableCell>
                  <TableCell className="text-xs whitespace-nowrap text-slate-600">
                    <LocalDateTime value={run.startedAt} />
                  </TableCell>
                  <TableCell className="max-w-48 text-xs text-slate-600" data-testid="run-started-by">
                    <p className="truncate" title={startedByText(run.origin)}>
                      {startedByText(run.origin)}
                    </p>
                    {sourceText(run) ? (
                      <p className="truncate text-slate-400" title={sourceText(run)!}>
                        {sourceText(run)}
                      </p>
                    ) : null}
                  </TableCell>
                  <TableCell className="text-right text-xs tabular-nums text-slate-600">
                    {formatDuration(runDuration(run))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pager page={page} pageSize={PAGE_SIZE} total={runs.data.total} onPage={setPage} label="Runs pages" />
        </>
      )}
    </Card>
  );
}
