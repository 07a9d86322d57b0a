// pnpm bench:api [-- --engines pglite,postgres] [--concurrency 1,8,32,64] [--duration 10]
// The production build under HTTP load, signed in as the Northwind admin (the whole org in scope): authenticated
// search.physicians and hcp.list at each concurrency, on each engine — embedded PGlite (a demo database in
// .data/bench-api) and Postgres (a database pharmacrm_bench_api on the server at TEST_DATABASE_URL or DATABASE_URL,
// measured only when one is set). Prints req/s, p50/p95/p99, errors and the server's RSS before and after.
// Needs `pnpm build` first. Load goes to localhost only.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import superjson from "superjson";
import { z } from "zod";

import { env } from "@pharmacrm/config/env";
import { dataDir } from "@pharmacrm/config/paths";
import { createDatabase, databaseUrl } from "@pharmacrm/db";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { engines: { type: "string" }, concurrency: { type: "string" }, duration: { type: "string" } },
});
const serverUrl = env().DATABASE_URL ?? env().TEST_DATABASE_URL;
type Engine = "pglite" | "postgres";
const engines: Engine[] = z
  .array(z.enum(["pglite", "postgres"], { message: "--engines lists pglite and/or postgres" }))
  .parse((values.engines ?? (serverUrl ? "pglite,postgres" : "pglite")).split(","));
const levels = z.array(z.coerce.number().int().min(1).max(256)).parse((values.concurrency ?? "1,8,32,64").split(","));
const seconds = z.coerce
  .number()
  .int()
  .min(1)
  .max(120)
  .parse(values.duration ?? "10");
if (engines.includes("postgres") && !serverUrl) throw new Error("Postgres needs TEST_DATABASE_URL or DATABASE_URL.");
if (!engines.includes("postgres"))
  console.log("Postgres not measured: set TEST_DATABASE_URL (or DATABASE_URL) to compare both engines.");

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
if (!existsSync(join(appDir, ".next", "BUILD_ID"))) throw new Error("No production build: run `pnpm build` first.");
const nextBin = createRequire(join(appDir, "package.json")).resolve("next/dist/bin/next");
const PORT = 3200;
const origin = `http://localhost:${PORT}`;
const EMAIL = "admin@northwind.demo";
const PASSWORD = "pharmacrm-demo";

const trpcGet = (path: string, input: unknown) =>
  `${origin}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
const ENDPOINTS = [
  { label: "search.physicians", url: trpcGet("search.physicians", { q: "cardiology MA" }) },
  { label: "hcp.list", url: trpcGet("hcp.list", { sort: "name", dir: "asc", page: 1, pageSize: 25 }) },
];

/** Where each engine's database lives, as the environment the server and the demo setup run with. */
async function engineEnv(engine: Engine): Promise<Record<string, string>> {
  if (engine === "pglite") return { PGLITE_DIR: join(dataDir(), "bench-api", "pglite") };
  const name = "pharmacrm_bench_api";
  await createDatabase(serverUrl!, name, { ifMissing: true });
  // Server mode needs a signing secret; one per run is enough (the bench signs in afresh).
  return {
    DATABASE_URL: databaseUrl(serverUrl!, name),
    SEED_DEMO: "1",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
  };
}

/** This process's environment with the engine's settings on top, for the children it starts. */
// eslint-disable-next-line no-restricted-properties -- passed through to child processes, not read as configuration
const childEnv = (extra: Record<string, string>) => ({ ...process.env, ...extra });

function run(command: string, args: string[], extra: Record<string, string>, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv(extra), stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
function treeRssMb(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let kb = 0;
  const visit = (pid: number) => {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      return;
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return Math.round(kb / 1024);
}

async function waitForServer(server: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error("The server exited while starting.");
    try {
      if ((await fetch(`${origin}/sign-in`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not answer within 2 minutes.");
}

/** Signs in through Auth.js's credentials endpoint, as the sign-in form does; returns the Cookie header. */
async function signIn(): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin },
    body: new URLSearchParams({ email: EMAIL, password: PASSWORD, csrfToken, callbackUrl: `${origin}/` }),
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.includes("session-token")))
    throw new Error(`Signing in as ${EMAIL} failed (${response.status}).`);
  return cookie();
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

/** Milliseconds to one decimal, as printed. */
const ms = (value: number) => Math.round(value * 10) / 10;

async function load(url: string, connections: number, cookie: string) {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers: { cookie } }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    rps: result.requests.total / seconds,
    p50: ms(percentile(times, 50)),
    p95: ms(percentile(times, 95)),
    p99: ms(percentile(times, 99)),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const rows: string[] = [];
for (const engine of engines) {
  const extra = await engineEnv(engine);
  console.log(`\n${engine}: migrating and seeding the demo data if needed…`);
  await run("pnpm", ["--filter", "@pharmacrm/demo", "run", "setup"], extra, appDir);
  const server = spawn(process.execPath, [nextBin, "start", "--port", String(PORT)], {
    cwd: appDir,
    env: childEnv(extra),
    stdio: "ignore",
  });
  try {
    await waitForServer(server);
    const cookie = await signIn();
    // Warm up: the first requests open the database and fill caches, as on a server that has been running.
    for (const { url } of ENDPOINTS) await load(url, 4, cookie);
    const rssBefore = treeRssMb(server.pid!);
    console.log(`${engine}: server RSS ${rssBefore} MB after warm-up`);
    for (const { label, url } of ENDPOINTS) {
      for (const connections of levels) {
        const r = await load(url, connections, cookie);
        const line = `| ${engine} | ${label} | ${connections} | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p95} ms | ${r.p99} ms | ${r.errors} |`;
        console.log(line);
        rows.push(line);
      }
    }
    const rssAfter = treeRssMb(server.pid!);
    console.log(`${engine}: server RSS ${rssBefore} MB before → ${rssAfter} MB after`);
    rows.push(`| ${engine} | server RSS | | ${rssBefore} MB before → ${rssAfter} MB after | | | | |`);
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}

console.log(
  `\n| engine | procedure | concurrency | req/s | p50 | p95 | p99 | errors |\n|---|---|---|---|---|---|---|---|`,
);
for (const line of rows) console.log(line);
