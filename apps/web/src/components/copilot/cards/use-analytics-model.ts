"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** The analytics model for the pickers, read once per page: sources, measures and dimensions with their titles. */
export function useAnalyticsModel() {
  const trpc = useTRPC();
  return useQuery(trpc.analytics.model.queryOptions(undefined, { staleTime: Infinity }));
}
