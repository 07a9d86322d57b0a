import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";

/** Errors the user cannot fix by retrying (bad input, signed out, forbidden, missing) are not retried. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof TRPCClientError) {
    const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus ?? 500;
    if (status >= 400 && status < 500) return false;
  }
  return failureCount < 2;
}

/** A session that ended (signed out elsewhere, expired, user disabled) sends the browser to sign in again. */
function onError(error: unknown) {
  const code = error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
  if (code === "UNAUTHORIZED" && typeof window !== "undefined") {
    window.location.assign(
      `/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`,
    );
  }
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
    },
  });
}
