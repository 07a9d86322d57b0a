// The page a request asked for (path and query), set by the proxy on every page request: layouts, which Next.js
// does not tell their URL, read it to send a person elsewhere first and then back.
import { headers } from "next/headers";

import { safeRedirectPath } from "./safe-redirect";

export const REQUEST_PATH_HEADER = "x-request-path";

/** The requested page as a same-origin path, or "/" when unknown. */
export async function requestedPath(): Promise<string> {
  return safeRedirectPath((await headers()).get(REQUEST_PATH_HEADER));
}
