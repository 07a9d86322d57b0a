// The Content-Security-Policy of every page: scripts only with this response's nonce (Next.js puts it on its own
// scripts, and 'strict-dynamic' lets those load the page's chunks), nothing from other origins, no framing.
// Styles may be inline: Tailwind's runtime-free classes need none, but React's style props, Leaflet and recharts
// set style attributes, which a nonce cannot cover.

export interface PolicyOptions {
  nonce: string;
  /** `next dev`: React's dev build evaluates code for its stack traces, and the dev overlay connects back. */
  development: boolean;
  /** The request arrived over TLS: ask the browser to fetch every subresource over TLS too. */
  secure: boolean;
  /** Origins a sign-in form may post or redirect to (the OIDC issuer, when one is configured). */
  formTargets?: string[];
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function contentSecurityPolicy({ nonce, development, secure, formTargets = [] }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...formTargets].join(" "),
    "frame-ancestors 'none'",
    ...(secure ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
