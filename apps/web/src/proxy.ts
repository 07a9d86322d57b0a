// Runs before every page and API request (not static assets):
// - API query strings holding control characters are refused (400);
// - cross-site POSTs to the cookie-authenticated endpoints outside tRPC are refused (see same-origin-post.ts);
// - signed-out visitors (no session cookie at all) asking for a signed-in page are sent to sign-in with the page
//   they asked for, so a shared link to a filtered list or a physician survives signing in. An optimistic check
//   only: whether the session is valid and the user active is decided by getViewer() on every request;
// - every response gets a Content-Security-Policy with a fresh nonce, which Next.js reads from the request's
//   CSP header and puts on its scripts (so pages render per request: see the root layout), and HSTS when the
//   request came over TLS. The static security headers are in next.config.ts.
import { NextResponse, type NextRequest } from "next/server";

import { env, oidcConfigured } from "@pharmacrm/config/env";
import { hasControlCharacter } from "@pharmacrm/domain/validation";

import { REQUEST_PATH_HEADER } from "./lib/request-path";
import { contentSecurityPolicy, createNonce } from "./lib/security/content-security-policy";
import { arrivedOverTls } from "./lib/security/request-origin";
import { crossSitePostRefusal } from "./lib/security/same-origin-post";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const SIGNED_IN_PAGES = ["/physicians", "/admin"];

// Two years, the preload list's minimum; sent only over TLS, where the browser honours it.
const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

const needsSignIn = (pathname: string) =>
  SIGNED_IN_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies
    .getAll()
    .some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
}

function oidcOrigin(): string[] {
  const config = env();
  return oidcConfigured(config) && config.AUTH_OIDC_ISSUER ? [new URL(config.AUTH_OIDC_ISSUER).origin] : [];
}

export function proxy(request: NextRequest) {
  const config = env();
  const trustProxy = (config.TRUST_PROXY ?? 0) > 0;
  const { pathname, search } = request.nextUrl;

  // The shared text rule, for the API routes that read their query themselves (the import's file name and release).
  if (
    pathname.startsWith("/api/") &&
    [...request.nextUrl.searchParams].some(([key, value]) => hasControlCharacter(key) || hasControlCharacter(value))
  ) {
    return NextResponse.json(
      { message: "The address holds a control character (such as NUL), which no field may contain." },
      { status: 400 },
    );
  }

  const withSession = hasSessionCookie(request);
  const refusal = crossSitePostRefusal(request, pathname, trustProxy, withSession);
  if (refusal) return NextResponse.json({ message: refusal.message }, { status: refusal.status });

  if (needsSignIn(pathname) && !withSession) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const secure = arrivedOverTls(request, trustProxy);
  const nonce = createNonce();
  const policy = contentSecurityPolicy({
    nonce,
    development: config.NODE_ENV === "development",
    secure,
    formTargets: oidcOrigin(),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  // For a server component that renders its own <Script nonce={…}> (read with headers().get("x-nonce")).
  requestHeaders.set("x-nonce", nonce);
  // For the signed-in layout, which sends a session that owes a second factor there first and then back here.
  requestHeaders.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (secure) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Everything but the build's static files and the icon, which carry no HTML to protect.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg).*)"],
};
