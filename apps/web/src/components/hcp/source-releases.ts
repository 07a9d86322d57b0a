import type { SourceRun } from "./types";

/** "DY2023, DY2022" — the releases a dataset's loaded files cover, for empty states ("no records in …"). */
export function releasesLabel(runs: readonly SourceRun[]): string {
  return runs.map((r) => r.release ?? (r.dataYear == null ? "an unnamed release" : String(r.dataYear))).join(", ");
}
