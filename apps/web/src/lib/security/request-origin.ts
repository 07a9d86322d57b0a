// What the app can tell about how a request reached it. Forwarded headers count only when TRUST_PROXY says a
// reverse proxy in front of the app sets them; otherwise anyone could claim TLS or another host.

export interface RequestLike {
  url: string;
  headers: Headers;
}

const firstValue = (header: string | null) => header?.split(",")[0]?.trim().toLowerCase() || null;

/** The host (name and port) the client addressed. */
export function requestHost(request: RequestLike, trustProxy: boolean): string | null {
  const forwarded = trustProxy ? firstValue(request.headers.get("x-forwarded-host")) : null;
  return forwarded ?? firstValue(request.headers.get("host")) ?? new URL(request.url).host.toLowerCase();
}

/** The request arrived over TLS: directly, or at a trusted proxy that says so. */
export function arrivedOverTls(request: RequestLike, trustProxy: boolean): boolean {
  if (new URL(request.url).protocol === "https:") return true;
  return trustProxy && firstValue(request.headers.get("x-forwarded-proto")) === "https";
}
