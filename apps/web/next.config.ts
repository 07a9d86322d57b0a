import type { NextConfig } from "next";

// Sent with every response, static files included. The Content-Security-Policy (with its per-request nonce) and
// HSTS (only over TLS) are set in src/proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers without CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), accelerometer=(), gyroscope=(), magnetometer=(), display-capture=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const config: NextConfig = {
  // PGlite ships WASM and data files, and pdfkit the standard fonts' metrics, that must be loaded from node_modules,
  // not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-pgvector", "pdfkit"],
  // Workspace packages export TypeScript source.
  transpilePackages: [
    "@pharmacrm/ai",
    "@pharmacrm/api",
    "@pharmacrm/auth",
    "@pharmacrm/config",
    "@pharmacrm/db",
    "@pharmacrm/demo",
    "@pharmacrm/domain",
    "@pharmacrm/ingest",
    "@pharmacrm/jobs",
    "@pharmacrm/ui",
  ],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default config;
