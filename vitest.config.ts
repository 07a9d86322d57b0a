import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// TEST_DB_ENGINE=postgres (`pnpm test:pg`) runs the suites that touch the database against a real Postgres, and the
// *.pg.test.ts files that need a server's features (roles, grants), which only that lane runs.
const onPostgres = process.env.TEST_DB_ENGINE === "postgres";
const postgresSuites = ["db", "domain", "ingest", "jobs", "api", "ai", "auth"].map(
  (pkg) => `packages/${pkg}/src/**/*.test.ts`,
);

export default defineConfig({
  // The web app's own "~/…" imports (its tsconfig paths), for its tests.
  resolve: { alias: [{ find: /^~\//, replacement: fileURLToPath(new URL("./apps/web/src/", import.meta.url)) }] },
  test: {
    include: onPostgres ? postgresSuites : ["packages/*/src/**/*.test.ts", "apps/web/src/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...(onPostgres ? [] : ["**/*.pg.test.ts"])],
    globalSetup: ["./vitest.global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Each file opens its own PGlite (~0.8 GB); two at a time fits 2 cores. On Postgres the server does the work.
    maxWorkers: 2,
  },
});
