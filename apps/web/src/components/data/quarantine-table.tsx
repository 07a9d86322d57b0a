"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { messageOf, useTRPC } from "~/trpc/react";
import { ShieldCheck, TriangleAlert } from "lucide-react";
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

import { formatCount } from "./labels";
import { Pager } from "./pager";

const PAGE_SIZE = 25;

/** A run's quarantined rows in file order: line, reason, and the row as it was in the file. */
export function QuarantineTable({
  runId,
  live,
  duplicateRule,
}: {
  runId: string;
  live: boolean;
  duplicateRule: string;
}) {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const rows = useQuery(
    trpc.data.quarantine.queryOptions(
      { runId, page, pageSize: PAGE_SIZE },
      { placeholderData: keepPreviousData, refetchInterval: live ? 1000 : false },
    ),
  );
  return (
    <Card className="overflow-hidden" aria-labelledby="quarantine-title">
      <CardHeader>
        <div>
          <CardTitle id="quarantine-title">Quarantined rows</CardTitle>
          <CardDescription>
            Rows that were not loaded, with the reason. Duplicate rule: {duplicateRule}.
          </CardDescription>
        </div>
      </CardHeader>
      {rows.isError && !rows.data ? (
        <ErrorState
          icon={<TriangleAlert />}
          title="Could not load the quarantined rows"
          message={messageOf(rows.error)}
          onRetry={() => void rows.refetch()}
        />
      ) : rows.isPending ? (
        <div className="space-y-2 p-4">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-6 w-full" />
          ))}
        </div>
      ) : rows.data.items.length === 0 ? (
        <EmptyState
          icon={<ShieldCheck />}
          title="No rows quarantined"
          description={live ? "None so far." : "Every row read was valid and loaded."}
        />
      ) : (
        <>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="w-20 text-right">Line</TableHead>
                <TableHead className="w-[32%]">Reason</TableHead>
                <TableHead>Row as filed</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.data.items.map((row) => (
                <TableRow key={row.id} data-testid="quarantined-row">
                  <TableCell className="text-right align-top tabular-nums">{formatCount(row.line)}</TableCell>
                  <TableCell className="align-top text-slate-900">{row.reason}</TableCell>
                  <TableCell className="max-w-0 align-top">
                    <details>
                      <summary className="cursor-pointer truncate font-mono text-xs text-slate-600">
                        {row.rawRow}
                      </summary>
                      <pre className="mt-1 font-mono text-xs break-all whitespace-pre-wrap text-slate-700">
                        {row.rawRow}
                      </pre>
                    </details>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pager page={page} pageSize={PAGE_SIZE} total={rows.data.total} onPage={setPage} label="Quarantine pages" />
        </>
      )}
    </Card>
  );
}
