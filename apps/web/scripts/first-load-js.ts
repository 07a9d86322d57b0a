// pnpm bench:bundle [-- <budget KB for "/">] [--budget /physicians/[npi]=400] [--top 8]
// The JavaScript a browser downloads before a route is usable, gzipped, from the production build in .next (run
// `pnpm --filter @pharmacrm/web build` first). A route's first load is the framework's root chunks
// (build-manifest.json; the legacy nomodule polyfill is left out: modern browsers skip it) plus the chunks of every
// segment on the route — root and group layouts, error and loading boundaries, the page — from its client reference
// manifest. Chunks loaded later (next/dynamic, React.lazy) are not counted. Next's own
// diagnostics/route-bundle-stats.json, when present, is compared as a check. Exits 1 over a budget, 2 without a build.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const ROUTES = ["/", "/physicians/[npi]"];
const DEFAULT_BUDGET_KB = 200;

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  allowPositionals: true,
  options: { budget: { type: "string", multiple: true }, top: { type: "string" } },
});
const budgets = new Map<string, number>([["/", kb(positionals[0] ?? String(DEFAULT_BUDGET_KB), "budget for /")]]);
for (const entry of values.budget ?? []) {
  const at = entry.lastIndexOf("=");
  if (at <= 0) fail(`--budget takes <route>=<KB>, e.g. --budget /physicians/[npi]=400 (got "${entry}")`);
  budgets.set(entry.slice(0, at), kb(entry.slice(at + 1), `budget for ${entry.slice(0, at)}`));
}
const top = Math.trunc(kb(values.top ?? "8", "--top"));

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const nextDir = join(appDir, ".next");
const buildIdFile = join(nextDir, "BUILD_ID");
if (!existsSync(buildIdFile) || !existsSync(join(nextDir, "build-manifest.json"))) {
  console.error(
    `No production build in ${nextDir}.\nRun \`pnpm --filter @pharmacrm/web build\` first, then \`pnpm bench:bundle\`.`,
  );
  process.exit(2);
}

interface BuildManifest {
  rootMainFiles: string[];
}
interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

const buildManifest = readJson<BuildManifest>("build-manifest.json");
const appPaths = readJson<Record<string, string>>("app-path-routes-manifest.json");
const gzipped = new Map<string, number>();

console.log(`First-load JavaScript, gzipped (build ${readFileSync(buildIdFile, "utf8").trim()}):`);
const over: string[] = [];
for (const route of [...new Set([...ROUTES, ...budgets.keys()])]) {
  const { files, notFoundOnly } = firstLoadFiles(route);
  const rows = [...files].map(([file, from]) => ({ file, from, size: gzipSize(file) }));
  rows.sort((a, b) => b.size - a.size);
  const total = rows.reduce((sum, r) => sum + r.size, 0);
  const budget = budgets.get(route);
  const verdict =
    budget === undefined ? "" : total > budget * 1024 ? `  OVER budget ${budget} KB` : `  within ${budget} KB`;
  console.log(`\n${route}: ${formatKb(total)} in ${rows.length} files${verdict}`);
  for (const r of rows.slice(0, top)) console.log(`  ${formatKb(r.size).padStart(9)}  ${r.file}  (${r.from})`);
  if (rows.length > top) console.log(`  … ${rows.length - top} smaller files, ${formatKb(sumFrom(rows, top))}`);
  crossCheck(route, files, notFoundOnly);
  if (budget !== undefined && total > budget * 1024) over.push(route);
}
if (over.length > 0) {
  console.error(`\nOver budget: ${over.join(", ")}`);
  process.exit(1);
}

/** Each file the route loads first, with what asks for it ("framework", "app/(app)/page", …). */
function firstLoadFiles(route: string): { files: Map<string, string>; notFoundOnly: string[] } {
  const appPath = Object.keys(appPaths).find((p) => appPaths[p] === route && p.endsWith("/page"));
  if (!appPath) fail(`No app route "${route}" in this build (known: ${Object.values(appPaths).join(", ")}).`);
  const files = new Map<string, string>();
  const notFoundOnly = new Set<string>();
  for (const file of buildManifest.rootMainFiles) files.set(file, "framework");
  for (const [segment, chunks] of Object.entries(clientManifest(appPath).entryJSFiles ?? {})) {
    // A not-found boundary's code is fetched only when it renders (Chromium leaves it out of a page's first load).
    if (segment.endsWith("/not-found")) {
      for (const file of chunks) notFoundOnly.add(file);
      continue;
    }
    const name = segment.includes("/node_modules/next/") ? "next built-in" : segment.replace(/^.*\/src\//, "");
    // A shared chunk is named by the outermost segment that needs it.
    for (const file of chunks) if (!files.has(file)) files.set(file, name);
  }
  return { files, notFoundOnly: [...notFoundOnly].filter((f) => !files.has(f)) };
}

/** The manifest is a script assigning globalThis.__RSC_MANIFEST[appPath]; run it in a bare context to read it. */
function clientManifest(appPath: string): ClientReferenceManifest {
  const file = join(nextDir, "server", "app", `${appPath}_client-reference-manifest.js`);
  if (!existsSync(file)) fail(`Missing ${file}: rebuild with \`pnpm --filter @pharmacrm/web build\`.`);
  const context: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  runInNewContext(readFileSync(file, "utf8"), context, { filename: file });
  const manifest = context.__RSC_MANIFEST?.[appPath];
  if (!manifest) fail(`${file} does not describe ${appPath}.`);
  return manifest;
}

/** Next writes its own list of a route's first-load chunks; say so if it disagrees with the manifests. */
function crossCheck(route: string, files: Map<string, string>, notFoundOnly: string[]) {
  const statsFile = join(nextDir, "diagnostics", "route-bundle-stats.json");
  if (!existsSync(statsFile)) return;
  const stats = JSON.parse(readFileSync(statsFile, "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const listed = stats.find((s) => s.route === route)?.firstLoadChunkPaths.map((p) => p.replace(/^\.next\//, ""));
  if (!listed) return;
  const missing = listed.filter((f) => !files.has(f) && !notFoundOnly.includes(f) && f.endsWith(".js"));
  const extra = [...files.keys()].filter((f) => !listed.includes(f));
  if (missing.length + extra.length > 0)
    console.warn(
      `  note: Next's route-bundle-stats differs (also lists: ${missing.join(" ") || "—"}; not: ${extra.join(" ") || "—"})`,
    );
}

/** Gzip at zlib's default level, as `next start` compresses responses. */
function gzipSize(file: string): number {
  const cached = gzipped.get(file);
  if (cached !== undefined) return cached;
  const path = join(nextDir, file);
  if (!existsSync(path)) fail(`The build lists ${file} but it is missing: rebuild.`);
  const size = gzipSync(readFileSync(path)).length;
  gzipped.set(file, size);
  return size;
}

function readJson<T>(file: string): T {
  const path = join(nextDir, file);
  if (!existsSync(path) || statSync(path).size === 0) fail(`Missing ${path}: rebuild.`);
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

function sumFrom(rows: { size: number }[], from: number): number {
  return rows.slice(from).reduce((sum, r) => sum + r.size, 0);
}

function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function kb(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) fail(`${what} must be a positive number (got "${text}")`);
  return n;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
