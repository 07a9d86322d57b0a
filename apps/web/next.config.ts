import type { NextConfig } from "next";

const config: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-pgvector"],
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
};

export default config;
