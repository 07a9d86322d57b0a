// An optimistic check only: signed-out visitors (no session cookie at all) are sent to sign-in with the page
// they asked for, so a shared link to a filtered list or a physician survives signing in. Whether the session
// is valid and the user active is decided by getViewer() in the (app) layout, on every request.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/physicians/:path*", "/admin/:path*"] };
