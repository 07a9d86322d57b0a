// Cookie-authenticated POST endpoints outside tRPC take requests from the app's own pages only: the browser's
// Origin must name this host (or, without an Origin, Sec-Fetch-Site must say same-origin), and the body must be
// of a type a cross-site HTML form cannot send without a CORS preflight. Scripts (curl) send an Origin header
// with the app's address.
import { requestHost, type RequestLike } from "./request-origin";

/** The POST endpoints guarded here and the body types each accepts (what the app's own client sends). */
export const GUARDED_POSTS: Record<string, { types: string[]; expected: string }> = {
  "/api/chat": { types: ["application/json"], expected: "a JSON body (Content-Type: application/json)" },
  "/api/imports": {
    types: ["application/octet-stream", "text/csv"],
    expected: "the file itself as the body (Content-Type: application/octet-stream or text/csv)",
  },
};

export interface Refusal {
  status: 403 | 415;
  message: string;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null; // "null" (a sandboxed frame, a file: page) or garbage: not this app
  }
}

/**
 * Why this POST is refused, or null when it may proceed (also for any request this guard does not cover).
 * `withSession`: the request carries a session cookie. Without one and without an Origin it is let through, to be
 * told to sign in: there is no ambient credential for another site to ride on.
 */
export function crossSitePostRefusal(
  request: RequestLike & { method: string },
  pathname: string,
  trustProxy: boolean,
  withSession: boolean,
): Refusal | null {
  const guarded = GUARDED_POSTS[pathname];
  if (!guarded || request.method !== "POST") return null;

  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  const sameOrigin =
    origin !== null
      ? originHost(origin) === requestHost(request, trustProxy)
      : fetchSite === "same-origin" || (fetchSite === null && !withSession);
  if (!sameOrigin) {
    return {
      status: 403,
      message:
        "This endpoint only answers the PharmaCRM app's own pages. Scripts must send an Origin header with the app's address.",
    };
  }

  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!guarded.types.includes(type)) return { status: 415, message: `This endpoint expects ${guarded.expected}.` };
  return null;
}
