"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { directorySearch, parseDirectoryParams, type DirectoryParams } from "./directory-params";

/**
 * The list's state from the URL, and a setter that writes it back. Uses the History API, which Next's router
 * observes: no server round trip for a filter change, and back/forward restore earlier filters.
 */
export function useDirectoryParams(mineDefault: boolean) {
  const search = useSearchParams();
  const params = useMemo(() => parseDirectoryParams(new URLSearchParams(search.toString()), mineDefault), [search, mineDefault]);

  const setParams = useCallback(
    (next: Partial<DirectoryParams>, mode: "push" | "replace" = "push") => {
      // Any change other than paging starts again at page 1.
      const page = next.page ?? 1;
      const url = `${window.location.pathname}${directorySearch({ ...params, ...next, page }, mineDefault)}`;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [params, mineDefault],
  );

  return [params, setParams] as const;
}
