"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { messageOf, useTRPC } from "~/trpc/react";
import { SearchX, TriangleAlert } from "lucide-react";
import { useCallback } from "react";

import { Button, Card, EmptyState, ErrorState, Skeleton, Spinner } from "@pharmacrm/ui";

import { SearchBox } from "./search-box";
import { SearchFilters } from "./search-filters";
import { ResultsSkeleton, ShowMoreResults } from "./search-paging";
import { hasFilters, searchInput } from "./search-params";
import { SearchResults } from "./search-results";
import { SearchUnderstood } from "./search-understood";
import { useSearchState } from "./use-search-params";

const numberFormat = new Intl.NumberFormat("en-US");
const PAGE_SIZE = 25;

interface PhysicianSearchProps {
  /** Reps and managers start with their own territories; admins search the whole registry. */
  mineDefault: boolean;
  showMineToggle: boolean;
  showTerritoryBadge: boolean;
}

export function PhysicianSearch({ mineDefault, showMineToggle, showTerritoryBadge }: PhysicianSearchProps) {
  const trpc = useTRPC();
  const [params, setParams] = useSearchState(mineDefault);
  const results = useInfiniteQuery(
    trpc.search.physicians.infiniteQueryOptions(
      { ...searchInput(params), limit: PAGE_SIZE },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        placeholderData: keepPreviousData,
        retry: (count, error) =>
          count < 2 && !/BAD_REQUEST/.test(String((error as { data?: { code?: string } }).data?.code)),
      },
    ),
  );
  const onSearch = useCallback((q: string) => setParams({ q }, "replace"), [setParams]);
  const filtered = hasFilters(params, mineDefault);
  const clear = () =>
    setParams({
      q: "",
      specialty: "",
      city: "",
      state: "",
      near: "",
      radius: undefined,
      drug: "",
      market: "",
      claims: undefined,
      manufacturer: "",
      unseen: undefined,
      mine: mineDefault,
    });

  const first = results.data?.pages[0];
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-lg font-semibold text-slate-900">Physicians</h1>
        <div
          className="mt-0.5 flex items-center gap-2 text-sm text-slate-500"
          data-testid="result-count"
          aria-live="polite"
        >
          {first ? (
            <ResultCount total={first.total ?? 0} lowerBound={first.totalIsLowerBound} mine={params.mine} />
          ) : results.isError ? null : (
            <Skeleton className="h-4 w-40" />
          )}
          {results.isFetching && first ? <Spinner className="size-3.5 text-slate-400" /> : null}
        </div>
      </div>

      <SearchBox value={params.q} onSearch={onSearch} />
      {first ? <SearchUnderstood understood={first.understood} notices={first.notices} /> : null}

      <SearchFilters
        params={params}
        setParams={setParams}
        showMineToggle={showMineToggle}
        canClear={filtered}
        onClear={clear}
      />

      <Card className="overflow-hidden">
        {results.isError && !results.isPlaceholderData ? (
          <ErrorState
            icon={<TriangleAlert />}
            title="Could not search physicians"
            message={messageOf(results.error)}
            onRetry={() => void results.refetch()}
          />
        ) : results.isPending ? (
          <ResultsSkeleton rows={8} label="Loading physicians" />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<SearchX />}
            title={
              filtered
                ? "No physicians match this search"
                : params.mine
                  ? "No physicians in your territories yet"
                  : "No physicians yet"
            }
            description={
              filtered
                ? "Try fewer words, a wider radius or another specialty."
                : "The physician registry has not been loaded yet."
            }
            action={
              filtered ? (
                <Button variant="secondary" size="sm" onClick={clear}>
                  Clear search
                </Button>
              ) : null
            }
          />
        ) : (
          <>
            <SearchResults
              results={items}
              showTerritoryBadge={showTerritoryBadge && !params.mine}
              stale={results.isPlaceholderData}
            />
            <ShowMoreResults
              hasNextPage={results.hasNextPage}
              fetching={results.isFetchingNextPage}
              onMore={() => void results.fetchNextPage()}
            />
          </>
        )}
      </Card>
    </div>
  );
}

function ResultCount({ total, lowerBound, mine }: { total: number; lowerBound: boolean; mine: boolean }) {
  return (
    <span>
      <span className="font-medium text-slate-700 tabular-nums">
        {numberFormat.format(total)}
        {lowerBound ? "+" : ""}
      </span>{" "}
      {total === 1 && !lowerBound ? "physician" : "physicians"}
      {mine ? " in your territories" : ""}
    </span>
  );
}
