// Command-line arguments of `pnpm ingest`, validated with the same schema the API uses.
import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";

import { workspaceRoot } from "@pharmacrm/config/paths";

import { DATASETS } from "../datasets";
import { startRunInput } from "../run/start-run";

export const USAGE = `Usage:
  pnpm ingest <dataset> <file> [--header <file>] [--year <yyyy>] [--release <label>] [--demo] [--chunk-rows <n>]
  pnpm ingest runs [--dataset <dataset>]        recent runs
  pnpm ingest quarantine <run-id> [--limit <n>]  a run's quarantined rows

Datasets: ${DATASETS.join(", ")}
Relative paths are taken from the current folder, else from the repository root.`;

/** pnpm runs package scripts in the package folder: also look where the user most likely meant. */
export function resolvePath(path: string): string {
  if (isAbsolute(path)) return path;
  const here = resolve(path);
  if (existsSync(here)) return here;
  const fromRoot = resolve(workspaceRoot(), path);
  return existsSync(fromRoot) ? fromRoot : here;
}

const positiveInt = z.coerce.number().int().positive();

export type Command =
  | { command: "ingest"; input: z.output<typeof startRunInput>; chunkRows?: number }
  | { command: "runs"; dataset?: z.output<typeof startRunInput>["dataset"] }
  | { command: "quarantine"; runId: string; limit: number }
  | { command: "help" };

export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseArgs({
    // `pnpm ingest -- …` may forward the separator itself.
    args: argv.filter((arg) => arg !== "--"),
    allowPositionals: true,
    options: {
      header: { type: "string" },
      year: { type: "string" },
      release: { type: "string" },
      demo: { type: "boolean" },
      "chunk-rows": { type: "string" },
      dataset: { type: "string" },
      limit: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [first, second] = positionals;
  if (values.help || !first) return { command: "help" };
  if (first === "runs")
    return { command: "runs", dataset: values.dataset ? startRunInput.shape.dataset.parse(values.dataset) : undefined };
  if (first === "quarantine") {
    return {
      command: "quarantine",
      runId: z.uuid({ message: "a run id (uuid)" }).parse(second),
      limit: positiveInt.parse(values.limit ?? 50),
    };
  }
  if (!second) throw new Error(`missing the file to ingest\n\n${USAGE}`);
  const input = startRunInput.parse({
    dataset: first,
    file: resolvePath(second),
    headerFile: values.header ? resolvePath(values.header) : undefined,
    year: values.year === undefined ? undefined : positiveInt.parse(values.year),
    release: values.release,
    isDemo: values.demo,
    startedVia: "cli",
  });
  return {
    command: "ingest",
    input,
    chunkRows: values["chunk-rows"] === undefined ? undefined : positiveInt.parse(values["chunk-rows"]),
  };
}
