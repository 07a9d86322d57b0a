"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";

import type { AppRouter, inferRouterOutputs } from "@pharmacrm/api";
import { MAX_BATCH_SIZE } from "@pharmacrm/api/batch-limit";

import "~/lib/security/zod-without-eval";

import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterOutputs = inferRouterOutputs<AppRouter>;

let browserQueryClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  // Server: a fresh client per request. Browser: one client for the page's lifetime, so that a
  // suspense during the first render does not throw it away.
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: MAX_BATCH_SIZE })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** The API's field-level validation messages (zod's flattened field errors), if any. */
export function fieldErrorsOf(error: unknown): Record<string, string[] | undefined> {
  if (error instanceof TRPCClientError) {
    const fieldErrors = (error.data as { fieldErrors?: Record<string, string[] | undefined> | null } | undefined)
      ?.fieldErrors;
    return fieldErrors ?? {};
  }
  return {};
}

/** A message safe to show: the API's messages are written for people; anything else gets a generic line. */
export function messageOf(error: unknown): string {
  // Without `data` the response was not the API's (network failure, proxy page): its message is not for people.
  if (error instanceof TRPCClientError && error.data) return error.message;
  return "Something went wrong. Please check your connection and try again.";
}
