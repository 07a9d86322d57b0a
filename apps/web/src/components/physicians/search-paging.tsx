import { Button, Skeleton, Spinner } from "@pharmacrm/ui";

/** "Show more results" under a cursor-paged list, while there is a next page. */
export function ShowMoreResults({
  hasNextPage,
  fetching,
  onMore,
}: {
  hasNextPage: boolean;
  fetching: boolean;
  onMore: () => void;
}) {
  if (!hasNextPage) return null;
  return (
    <div className="border-t border-slate-100 p-3 text-center">
      <Button variant="secondary" size="sm" onClick={onMore} disabled={fetching}>
        {fetching ? <Spinner className="size-3.5" /> : null}
        Show more results
      </Button>
    </div>
  );
}

/** Placeholder rows while the first page of results loads. */
export function ResultsSkeleton({ rows, label }: { rows: number; label: string }) {
  return (
    <div aria-label={label} role="status">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="space-y-2 border-b border-slate-100 px-4 py-3">
          <Skeleton className="h-4 w-64" />
          <Skeleton className="h-3 w-48" />
        </div>
      ))}
    </div>
  );
}
