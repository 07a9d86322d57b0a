// `pnpm serve`: the production server (`next start`) on PORT (or --port N), for `pnpm start` and the browser tests.
// The database is opened by the app on its first request; `pnpm db:setup` migrates and seeds it beforehand.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { env } from "@pharmacrm/config/env";

function portFromArgs(args: string[]): number | undefined {
  const index = args.findIndex((a) => a === "--port" || a === "-p");
  const value = index >= 0 ? args[index + 1] : args.find((a) => a.startsWith("--port="))?.slice("--port=".length);
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`Not a port: ${value}`);
  return port;
}

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = createRequire(join(appDir, "package.json")).resolve("next/dist/bin/next");
const port = portFromArgs(process.argv.slice(2)) ?? env().PORT;

console.log(`PharmaCRM: starting on http://localhost:${port}`);
// Idle keep-alive connections are kept 65 s (Node's default is 5 s): a client — a browser, a load balancer, the
// e2e API client — that reuses a connection the server has just closed gets ECONNRESET, and after a long database
// call the server closes every connection idle past its timeout at once.
const KEEP_ALIVE_MS = 65_000;
const child = spawn(
  process.execPath,
  [nextBin, "start", "--port", String(port), "--keepAliveTimeout", String(KEEP_ALIVE_MS)],
  { cwd: appDir, stdio: "inherit" },
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
