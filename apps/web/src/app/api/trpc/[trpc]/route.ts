import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, createContext } from "@pharmacrm/api";
import { getViewer } from "@pharmacrm/auth";
import { getDb } from "@pharmacrm/db";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createContext({ db: await getDb(), viewer: await getViewer() }),
    // Internal errors reach the client as a generic message; the detail stays in the server log.
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });

export { handler as GET, handler as POST };
