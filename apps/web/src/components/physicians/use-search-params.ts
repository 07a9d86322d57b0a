"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

import { parseSearchParams, searchQueryString, type SearchParams } from "./search-params";

/**
 * The search's state from the URL, and a setter that writes it back. Uses the History API, which Next's router
 * observes: no server round trip for a change, and back/forward restore earlier searches.
 */
export function useSearchState(mineDefault: boolean) {
  const search = useSearchParams();
  const params = useMemo(
    () => parseSearchParams(new URLSearchParams(search.toString()), mineDefault),
    [search, mineDefault],
  );

  const setParams = useCallback(
    (next: Partial<SearchParams>, mode: "push" | "replace" = "push") => {
      const url = `${window.location.pathname}${searchQueryString({ ...params, ...next }, mineDefault)}`;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [params, mineDefault],
  );

  return [params, setParams] as const;
}
