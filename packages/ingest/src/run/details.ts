// The run's details (jsonb): what a person needs to trust or debug the load, next to its counts.
import { type dataSourceRun } from "@pharmacrm/db";

import { type DeferredIndex } from "../load/deferred-indexes";

export interface RunDetails {
  /** Columns in the header, and those nothing maps or knows (ignored). */
  columns?: number;
  unknownColumns?: string[];
  headerFile?: string | null;
  duplicateRule?: string;
  /** Valid rows by kind, e.g. NPPES individual / organization / deactivated. */
  kinds?: Record<string, number>;
  /** Extra figures from the merges and the final step, e.g. rows removed. */
  tallies?: Record<string, number>;
  chunks?: number;
  driver?: "pglite" | "postgres";
  timings?: { checksumMs: number; readMs: number; writeMs: number; finalizeMs?: number };
  /** A bulk load: secondary indexes dropped at the start, listed here until they are built again. */
  bulk?: boolean;
  deferredIndexes?: DeferredIndex[];
}

export type RunRow = typeof dataSourceRun.$inferSelect;

export const detailsOf = (run: Pick<RunRow, "details">): RunDetails => (run.details ?? {}) as RunDetails;

export function addCounts(
  into: Record<string, number> | undefined,
  from: Record<string, number> | undefined,
): Record<string, number> | undefined {
  if (!from) return into;
  const sum = { ...into };
  for (const [key, n] of Object.entries(from)) sum[key] = (sum[key] ?? 0) + n;
  return sum;
}
