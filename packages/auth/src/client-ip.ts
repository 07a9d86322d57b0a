// The client address for the sign-in throttle. Next.js writes the socket address into X-Forwarded-For when the request
// has none; behind TRUST_PROXY reverse proxies, each appends the address it saw, so the client is that many entries
// from the right. Entries a client wrote itself sit further left and are ignored.
import { isIP } from "node:net";

import { env } from "@pharmacrm/config/env";

const UNKNOWN = "unknown";

export function clientIp(headers: Headers, trustedProxies: number): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return UNKNOWN;
  // Without a trusted proxy the last entry is the one Next.js recorded (or, if the client sent the header itself,
  // the client's own claim: per-address limits are then advisory and the per-account limits still hold).
  const index = trustedProxies > 0 ? Math.max(entries.length - trustedProxies, 0) : entries.length - 1;
  return normalise(entries[index]!) ?? UNKNOWN;
}

function normalise(entry: string): string | null {
  const address = entry.replace(/^\[|\](:\d+)?$/g, "").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(address) ? address.toLowerCase() : null;
}

/** The client address of a request to this deployment (TRUST_PROXY says how many proxies to look through). */
export const requestClientIp = (headers: Headers): string => clientIp(headers, env().TRUST_PROXY ?? 0);
