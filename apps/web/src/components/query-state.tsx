"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { messageOf } from "~/trpc/react";
import { TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";

import { Card, ErrorState, Skeleton } from "@pharmacrm/ui";

/**
 * A screen's first load: skeleton rows while it comes, the error with a retry when it fails (kept data stays on
 * screen through a failed refetch), then the screen itself. `what` names it: "the territories".
 */
export function QueryState<T, E>({
  query,
  what,
  rows = 3,
  children,
}: {
  query: UseQueryResult<T, E>;
  what: string;
  rows?: number;
  children: (data: T) => ReactNode;
}) {
  if (query.isError && query.data === undefined)
    return (
      <Card>
        <ErrorState
          icon={<TriangleAlert />}
          title={`Could not load ${what}`}
          message={messageOf(query.error)}
          onRetry={() => void query.refetch()}
        />
      </Card>
    );
  if (query.data === undefined)
    return (
      <Card className="space-y-2 p-4" role="status">
        <span className="sr-only">Loading {what}…</span>
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="h-8 w-full" />
        ))}
      </Card>
    );
  return <>{children(query.data)}</>;
}
