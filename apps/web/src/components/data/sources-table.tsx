"use client";

import { useQuery } from "@tanstack/react-query";
import { LocalDateTime } from "~/components/local-time";
import { messageOf, useTRPC } from "~/trpc/react";
import { Database, TriangleAlert } from "lucide-react";
import Link from "next/link";

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

import { datasetInfo, formatCount, isLive } from "./labels";
import { RunProgress } from "./run-progress";
import { RunStatus } from "./run-status";

/** Each dataset: what is loaded (release, when, rows) and what is loading now. */
export function SourcesTable() {
  const trpc = useTRPC();
  const sources = useQuery(
    trpc.data.sources.queryOptions(undefined, {
      refetchInterval: (query) => (query.state.data?.some((s) => isLive(s.latest)) ? 1000 : false),
    }),
  );
  return (
    <Card className="overflow-hidden" aria-labelledby="sources-title">
      <CardHeader>
        <div>
          <CardTitle id="sources-title">Sources</CardTitle>
          <CardDescription>Public CMS reference data, shared by every organisation on this server.</CardDescription>
        </div>
      </CardHeader>
      {sources.isError && !sources.data ? (
        <ErrorState
          icon={<TriangleAlert />}
          title="Could not load the sources"
          message={messageOf(sources.error)}
          onRetry={() => void sources.refetch()}
        />
      ) : sources.isPending ? (
        <div className="space-y-2 p-4">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-6 w-full" />
          ))}
        </div>
      ) : sources.data.length === 0 ? (
        <EmptyState icon={<Database />} title="No datasets are configured" />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Dataset</TableHead>
              <TableHead>Release</TableHead>
              <TableHead>Last loaded</TableHead>
              <TableHead className="text-right">Rows read</TableHead>
              <TableHead className="text-right">Quarantined</TableHead>
              <TableHead>Now</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sources.data.map(({ dataset, lastSuccess, latest }) => (
              <TableRow key={dataset} data-testid={`source-${dataset}`}>
                <TableCell>
                  <p className="font-medium text-slate-900">{datasetInfo[dataset].label}</p>
                  <p className="font-mono text-xs text-slate-500">{datasetInfo[dataset].file}</p>
                </TableCell>
                <TableCell>{lastSuccess?.release ?? <span className="text-slate-400">Not loaded</span>}</TableCell>
                <TableCell>
                  {lastSuccess?.finishedAt ? (
                    <Link href={`/admin/data/runs/${lastSuccess.id}`} className="text-brand-700 hover:underline">
                      <LocalDateTime value={lastSuccess.finishedAt} />
                    </Link>
                  ) : (
                    "—"
                  )}
                  {lastSuccess?.isDemo ? <span className="ml-1.5 text-xs text-amber-700">demo file</span> : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(lastSuccess?.rowsRead)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(lastSuccess?.rowsQuarantined)}</TableCell>
                <TableCell>
                  {latest && latest.status !== "succeeded" ? (
                    <Link href={`/admin/data/runs/${latest.id}`} className="flex items-center gap-3">
                      <RunStatus run={latest} />
                      {isLive(latest) ? <RunProgress run={latest} className="w-32" /> : null}
                    </Link>
                  ) : (
                    <span className="text-xs text-slate-400">Idle</span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
