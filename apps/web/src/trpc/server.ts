// The tRPC caller for Server Components and server actions: same procedures, same scope checks, no HTTP.
import { cache } from "react";

import { createCaller, createContext } from "@pharmacrm/api";
import { getViewer } from "@pharmacrm/auth";
import { getDb } from "@pharmacrm/db";

/** One caller per request, built for the signed-in viewer (or none). */
export const serverApi = cache(async () =>
  createCaller(createContext({ db: await getDb(), viewer: await getViewer() })),
);
