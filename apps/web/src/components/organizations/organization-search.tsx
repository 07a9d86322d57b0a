"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { Building2, MapPin, Phone, SearchX, TriangleAlert } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useCallback } from "react";

import { Card, EmptyState, ErrorState, Skeleton, Spinner } from "@pharmacrm/ui";

import { SearchBox } from "../physicians/search-box";
import { ResultsSkeleton, ShowMoreResults } from "../physicians/search-paging";
import { SearchUnderstood } from "../physicians/search-understood";

type Organization = RouterOutputs["search"]["organizations"]["items"][number];

const numberFormat = new Intl.NumberFormat("en-US");
const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (m) => m.toUpperCase());

/** Hospitals, practices and other NPPES organisations: one box for name, NPI, specialty and place. */
export function OrganizationSearch() {
  const trpc = useTRPC();
  const q = useSearchParams().get("q") ?? "";
  const results = useInfiniteQuery(
    trpc.search.organizations.infiniteQueryOptions(
      { text: q || undefined, limit: 25 },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        placeholderData: keepPreviousData,
        retry: (count, error) =>
          count < 2 && !/BAD_REQUEST/.test(String((error as { data?: { code?: string } }).data?.code)),
      },
    ),
  );
  const onSearch = useCallback((text: string) => {
    const url = `${window.location.pathname}${text ? `?q=${encodeURIComponent(text)}` : ""}`;
    window.history.replaceState(null, "", url);
  }, []);
  const first = results.data?.pages[0];
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-lg font-semibold text-slate-900">Organisations</h1>
        <div
          className="mt-0.5 flex items-center gap-2 text-sm text-slate-500"
          data-testid="result-count"
          aria-live="polite"
        >
          {first ? (
            <span>
              <span className="font-medium text-slate-700 tabular-nums">
                {numberFormat.format(first.total ?? 0)}
                {first.totalIsLowerBound ? "+" : ""}
              </span>{" "}
              {first.total === 1 && !first.totalIsLowerBound ? "organisation" : "organisations"}
            </span>
          ) : results.isError ? null : (
            <Skeleton className="h-4 w-40" />
          )}
          {results.isFetching && first ? <Spinner className="size-3.5 text-slate-400" /> : null}
        </div>
      </div>
      <SearchBox
        value={q}
        onSearch={onSearch}
        label="Search organisations"
        placeholder="Name, NPI, type or place — e.g. “mass general”, “hospital near 02115”"
      />
      {first ? <SearchUnderstood understood={first.understood} notices={first.notices} /> : null}
      <Card className="overflow-hidden">
        {results.isError && !results.isPlaceholderData ? (
          <ErrorState
            icon={<TriangleAlert />}
            title="Could not search organisations"
            message={messageOf(results.error)}
            onRetry={() => void results.refetch()}
          />
        ) : results.isPending ? (
          <ResultsSkeleton rows={6} label="Loading organisations" />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<SearchX />}
            title={q ? "No organisations match this search" : "No organisations yet"}
            description={q ? "Try fewer words or another place." : "The NPPES registry has not been loaded yet."}
          />
        ) : (
          <>
            <ol
              aria-label="Search results"
              className={
                results.isPlaceholderData ? "divide-y divide-slate-100 opacity-60" : "divide-y divide-slate-100"
              }
            >
              {items.map((o) => (
                <OrganizationRow key={o.npi} organization={o} />
              ))}
            </ol>
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

function OrganizationRow({ organization: o }: { organization: Organization }) {
  return (
    <li className="px-4 py-3" data-testid="search-result">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <Building2 className="size-4 self-center text-slate-400" aria-hidden />
        <span className="font-medium text-slate-900" data-testid="result-name">
          {titleCase(o.name)}
        </span>
        {o.otherName ? <span className="text-sm text-slate-500">({titleCase(o.otherName)})</span> : null}
        <span className="text-sm text-slate-700">{o.type ?? "Type not reported"}</span>
      </div>
      <div className="mt-0.5 flex flex-wrap items-center gap-x-3 text-sm text-slate-500">
        <span className="inline-flex items-center gap-1">
          <MapPin className="size-3.5" aria-hidden />
          {[o.address ? titleCase(o.address) : null, o.city ? titleCase(o.city) : null, o.state, o.zip5]
            .filter(Boolean)
            .join(", ") || "Address not reported"}
        </span>
        {o.phone ? (
          <span className="inline-flex items-center gap-1">
            <Phone className="size-3.5" aria-hidden />
            {o.phone}
          </span>
        ) : null}
        <span className="tabular-nums">NPI {o.npi}</span>
      </div>
      {o.explanation ? <p className="mt-1 text-xs text-slate-600">{o.explanation}</p> : null}
    </li>
  );
}
