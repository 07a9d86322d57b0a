import { join } from "node:path";
import { defineConfig } from "@playwright/test";

import { env } from "@pharmacrm/config/env";
import { dataDir } from "@pharmacrm/config/paths";

// The production build on its own port, against its own embedded database, reset and seeded per run.
const PORT = 3100;
const PGLITE_DIR = join(dataDir(), "e2e-pglite");

export default defineConfig({
  testDir: "e2e",
  testMatch: "*.spec.ts",
  timeout: 90_000,
  // One embedded database serves every spec; a page may wait behind another spec's import (its view refresh held
  // pages past 10 s in CI), so a check waits up to 20 s. A passing check returns as soon as it holds.
  expect: { timeout: 20_000 },
  // One embedded database serves every request; two workers keep it busy without queueing timeouts.
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: env().CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  // The data screen's imports (a Part D file loaded and its views refreshed) hold the one embedded database for
  // seconds at a time: they run on their own, after every other spec, so no page waits behind them.
  projects: [
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: "data-import.spec.ts" },
    {
      name: "imports",
      use: { browserName: "chromium" },
      testMatch: "data-import.spec.ts",
      dependencies: ["chromium"],
    },
  ],
  webServer: {
    command: `pnpm build && tsx scripts/reset-e2e-db.ts && pnpm --filter @pharmacrm/demo run setup && pnpm serve --port ${PORT}`,
    url: `http://localhost:${PORT}/sign-in`,
    env: { PGLITE_DIR, PORT: String(PORT) },
    // Build, fresh database and demo seed: about 2 minutes on 2 idle cores, several times that on a busy machine.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
