import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The monorepo root: the nearest folder above `from` holding pnpm-workspace.yaml. */
export function workspaceRoot(from: string = process.cwd()): string {
  let dir = resolve(/*turbopackIgnore: true*/ from);
  for (;;) {
    // Resolved at run time; tell Turbopack not to trace the whole repository into the build.
    if (existsSync(/*turbopackIgnore: true*/ join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(/*turbopackIgnore: true*/ from);
    dir = parent;
  }
}

/** Runtime data (embedded database, generated demo files) lives here, git-ignored. */
export function dataDir(): string {
  return join(workspaceRoot(), ".data");
}
