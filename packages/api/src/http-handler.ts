// The API over HTTP (fetch Request → Response), for the Next route and for tests that go through HTTP.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { MAX_BATCH_SIZE } from "./batch-limit";
import { appRouter } from "./root";
import type { Context } from "./trpc";

export interface HttpHandlerOptions {
  req: Request;
  createContext: () => Context | Promise<Context>;
  /** Where failures are logged; internal errors reach the client only as a generic message. */
  logError?: (message: string, cause: unknown) => void;
}

export function handleApiRequest({
  req,
  createContext,
  logError = console.error,
}: HttpHandlerOptions): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext,
    maxBatchSize: MAX_BATCH_SIZE,
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") logError(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}
