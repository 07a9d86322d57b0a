import { cn } from "@pharmacrm/ui";

import { formatCount, type ImportRun } from "./labels";

/** A run's progress: share of the file's bytes committed, and rows read. */
export function RunProgress({
  run,
  className,
}: {
  run: Pick<ImportRun, "percent" | "rowsRead" | "status" | "sourceFile">;
  className?: string;
}) {
  const failed = run.status === "failed";
  return (
    <div className={cn("min-w-40", className)}>
      <div
        role="progressbar"
        aria-label={`Progress of ${run.sourceFile}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={run.percent}
        aria-valuetext={`${run.percent} %`}
        className="h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={cn(
            "h-full rounded-full transition-[width] duration-500",
            failed ? "bg-red-400" : run.status === "succeeded" ? "bg-emerald-500" : "bg-brand-600",
          )}
          style={{ width: `${run.percent}%` }}
        />
      </div>
      <p className="mt-1 flex justify-between gap-2 text-xs text-slate-500 tabular-nums">
        <span data-testid="rows-read">{formatCount(run.rowsRead)} rows</span>
        <span data-testid="percent">{run.percent} %</span>
      </p>
    </div>
  );
}
