"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { SearchX, TriangleAlert } from "lucide-react";
import { Button, Card, EmptyState, ErrorState, Skeleton, Spinner } from "@pharmacrm/ui";
import { messageOf, useTRPC } from "~/trpc/react";
import { hasFilters, type DirectoryParams } from "./directory-params";
import { Pagination } from "./pagination";
import { PhysicianFilters } from "./physician-filters";
import { PhysicianTable } from "./physician-table";
import { useDirectoryParams } from "./use-directory-params";

const numberFormat = new Intl.NumberFormat("en-US");

interface PhysicianDirectoryProps {
  /** Reps and managers start with their own territories; admins see the whole registry. */
  mineDefault: boolean;
  showMineToggle: boolean;
  showTerritoryBadge: boolean;
}

export function PhysicianDirectory({ mineDefault, showMineToggle, showTerritoryBadge }: PhysicianDirectoryProps) {
  const trpc = useTRPC();
  const [params, setParams] = useDirectoryParams(mineDefault);
  const list = useQuery(
    trpc.hcp.list.queryOptions(
      {
        q: params.q || undefined,
        specialty: params.specialty || undefined,
        state: params.state || undefined,
        mine: params.mine,
        sort: params.sort,
        dir: params.dir,
        page: params.page,
        pageSize: params.pageSize,
      },
      { placeholderData: keepPreviousData },
    ),
  );

  const filtered = hasFilters(params, mineDefault);
  const clear = () => setParams({ q: "", specialty: "", state: "", mine: mineDefault });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-lg font-semibold text-slate-900">Physicians</h1>
          <p className="mt-0.5 flex items-center gap-2 text-sm text-slate-500" data-testid="result-count" aria-live="polite">
            {list.data ? <ResultCount total={list.data.total} params={params} /> : <Skeleton className="h-4 w-40" />}
            {list.isFetching && list.data ? <Spinner className="size-3.5 text-slate-400" /> : null}
          </p>
        </div>
      </div>

      <PhysicianFilters
        params={params}
        setParams={setParams}
        showMineToggle={showMineToggle}
        canClear={filtered}
        onClear={clear}
      />

      <Card className="overflow-hidden">
        {list.isError && !list.data ? (
          <ErrorState
            icon={<TriangleAlert />}
            title="Could not load physicians"
            message={messageOf(list.error)}
            onRetry={() => void list.refetch()}
          />
        ) : list.isPending ? (
          <TableSkeleton rows={10} />
        ) : list.data.items.length === 0 ? (
          <EmptyState
            icon={<SearchX />}
            title={emptyTitle(params)}
            description={filtered ? "Try a shorter name, another specialty or state." : "The physician registry has not been loaded yet."}
            action={
              filtered ? (
                <Button variant="secondary" size="sm" onClick={clear}>
                  Clear filters
                </Button>
              ) : null
            }
          />
        ) : (
          <>
            <PhysicianTable
              rows={list.data.items}
              params={params}
              setParams={setParams}
              showTerritoryBadge={showTerritoryBadge && !params.mine}
              stale={list.isPlaceholderData}
            />
            <Pagination
              page={list.data.page}
              pageSize={params.pageSize}
              total={list.data.total}
              onPage={(page) => setParams({ page })}
              onPageSize={(pageSize) => setParams({ pageSize })}
            />
          </>
        )}
      </Card>
    </div>
  );
}

function ResultCount({ total, params }: { total: number; params: DirectoryParams }) {
  const noun = total === 1 ? "physician" : "physicians";
  return (
    <span>
      <span className="font-medium text-slate-700 tabular-nums">{numberFormat.format(total)}</span> {noun}
      {params.mine ? " in your territories" : ""}
    </span>
  );
}

function emptyTitle(params: DirectoryParams): string {
  const parts = [
    params.q ? `“${params.q}”` : null,
    params.specialty || null,
    params.state || null,
    params.mine ? "your territories" : null,
  ].filter(Boolean);
  return parts.length > 0 ? `No physicians match ${parts.join(" · ")}` : "No physicians yet";
}

function TableSkeleton({ rows }: { rows: number }) {
  return (
    <div aria-label="Loading physicians" role="status">
      <div className="h-9 border-b border-slate-200 bg-slate-50" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-6 border-b border-slate-100 px-3 py-3">
          <Skeleton className="h-3.5 w-20" />
          <Skeleton className="h-3.5 w-48" />
          <Skeleton className="h-3.5 w-40" />
          <Skeleton className="h-3.5 w-24" />
          <Skeleton className="h-3.5 w-8" />
        </div>
      ))}
    </div>
  );
}
