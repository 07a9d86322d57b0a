"use client";

import { useQuery } from "@tanstack/react-query";
import { LocalDateTime } from "~/components/local-time";
import { messageOf, useTRPC } from "~/trpc/react";
import { ArrowLeft, FileQuestion, TriangleAlert } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

import { Alert, Card, CardContent, CardHeader, CardTitle, EmptyState, ErrorState, Skeleton } from "@pharmacrm/ui";

import { datasetLabel, formatCount, formatDuration, isLive, runDuration, sourceText, startedByText } from "./labels";
import { QuarantineTable } from "./quarantine-table";
import { RunProgress } from "./run-progress";
import { RunStatus } from "./run-status";

function Figure({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm font-medium text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

const back = (
  <Link href="/admin/data" className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
    <ArrowLeft className="size-4" aria-hidden /> All sources and runs
  </Link>
);

/** One run: progress, counts, timings, what was detected, and its quarantined rows. */
export function RunDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const run = useQuery(
    trpc.data.run.queryOptions({ id }, { refetchInterval: (query) => (isLive(query.state.data) ? 1000 : false) }),
  );

  if (run.isError && !run.data) {
    const code = (run.error as { data?: { code?: string } }).data?.code;
    const missing = code === "NOT_FOUND" || code === "BAD_REQUEST";
    return (
      <div className="space-y-4">
        {back}
        <Card>
          {missing ? (
            <EmptyState
              icon={<FileQuestion />}
              title="No such import run"
              description="It may have been removed, or the link is incomplete."
            />
          ) : (
            <ErrorState
              icon={<TriangleAlert />}
              title="Could not load this run"
              message={messageOf(run.error)}
              onRetry={() => void run.refetch()}
            />
          )}
        </Card>
      </div>
    );
  }
  if (run.isPending) {
    return (
      <div className="space-y-4">
        {back}
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }

  const r = run.data;
  const timings = r.details.timings;
  return (
    <div className="space-y-4">
      {back}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="truncate text-lg font-semibold text-slate-900" title={r.sourceFile}>
            {r.sourceFile}
          </h1>
          <p className="mt-0.5 text-sm text-slate-500">
            {datasetLabel(r.dataset)}
            {r.release ? ` · ${r.release}` : ""}
            {r.isDemo ? " · generated demo file" : ""}
          </p>
        </div>
        <RunStatus run={r} />
      </div>

      {r.status === "failed" && r.error ? (
        <Alert tone="danger" icon={<TriangleAlert />} title="The import stopped">
          {r.error}. Committed rows are kept; start the same file again to continue from line{" "}
          {formatCount(r.lastLine + 1)}.
        </Alert>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Progress</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <RunProgress run={r} />
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
            <Figure label="Rows read" value={formatCount(r.rowsRead)} testId="count-read" />
            <Figure label="Loaded (new)" value={formatCount(r.rowsLoaded)} testId="count-loaded" />
            <Figure label="Updated" value={formatCount(r.rowsUpdated)} testId="count-updated" />
            <Figure label="Unchanged" value={formatCount(r.rowsUnchanged)} testId="count-unchanged" />
            <Figure label="Quarantined" value={formatCount(r.rowsQuarantined)} testId="count-quarantined" />
            <Figure label="Chunks committed" value={formatCount(r.details.chunks ?? 0)} />
          </dl>
          <dl className="grid grid-cols-2 gap-4 border-t border-slate-100 pt-4 sm:grid-cols-3 lg:grid-cols-7">
            <Figure label="Started" value={<LocalDateTime value={r.startedAt} />} />
            <Figure label="Started by" value={startedByText(r.origin)} testId="started-by" />
            <Figure label={r.finishedAt ? "Took" : "Running for"} value={formatDuration(runDuration(r))} />
            <Figure label="Checksum" value={formatDuration(timings?.checksumMs)} />
            <Figure label="Reading and checking" value={formatDuration(timings?.readMs)} />
            <Figure label="Writing" value={formatDuration(timings?.writeMs)} />
            <Figure label="Finishing" value={formatDuration(timings?.finalizeMs)} />
          </dl>
          <dl className="grid grid-cols-1 gap-4 border-t border-slate-100 pt-4 sm:grid-cols-3">
            {sourceText(r) ? (
              <Figure label="Source" value={<span className="break-all">{sourceText(r)}</span>} testId="run-source" />
            ) : null}
            <Figure label="Layout" value={r.layout ?? "—"} />
            <Figure label="Data year" value={r.dataYear ?? "—"} />
            <Figure label="File size" value={`${formatCount(Math.round(r.fileSize / 1024))} KB`} />
            {r.details.unknownColumns && r.details.unknownColumns.length > 0 ? (
              <Figure label="Columns ignored (not known)" value={r.details.unknownColumns.join(", ")} />
            ) : null}
            {r.details.headerFile ? <Figure label="Header file" value={r.details.headerFile} /> : null}
          </dl>
        </CardContent>
      </Card>

      {r.reasons.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Why rows were quarantined</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="space-y-1 text-sm">
              {r.reasons.map((reason) => (
                <li key={reason.reason} className="flex justify-between gap-4">
                  <span className="text-slate-700">{reason.reason}</span>
                  <span className="tabular-nums text-slate-500">{formatCount(reason.rows)}</span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ) : null}

      <QuarantineTable runId={r.id} live={isLive(r)} duplicateRule={r.duplicateRule} />
    </div>
  );
}
