import { cn } from "@pharmacrm/ui";

const percent = (value: number) => `${Math.round(value * 100)}%`;

/**
 * Planned calls made as a bar, with a tick where the cycle's days gone would put it if calls were spread evenly: a bar
 * more than ten points short of the tick is behind pace, said in words as well as in amber.
 */
export function AttainmentBar({
  attainment,
  elapsed,
  className,
}: {
  attainment: number | null;
  elapsed?: number;
  className?: string;
}) {
  if (attainment === null) return <span className="text-sm text-slate-400">No targets</span>;
  const behind = elapsed !== undefined && attainment < elapsed - 0.1;
  return (
    <div className={cn("flex items-center gap-2", className)}>
      <div
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(attainment * 100)}
        aria-label={`Attainment ${percent(attainment)}${elapsed !== undefined ? `, ${percent(elapsed)} of the cycle gone` : ""}${behind ? ", behind pace" : ""}`}
        className="relative h-2 w-28 shrink-0 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={cn("h-full rounded-full", behind ? "bg-amber-500" : "bg-brand-600")}
          style={{ width: `${Math.min(attainment, 1) * 100}%` }}
        />
        {elapsed !== undefined && elapsed > 0 && elapsed < 1 ? (
          <div aria-hidden className="absolute inset-y-0 w-0.5 bg-slate-700" style={{ left: `${elapsed * 100}%` }} />
        ) : null}
      </div>
      <span className="text-sm font-medium text-slate-900 tabular-nums">{percent(attainment)}</span>
      {behind ? <span className="text-xs font-medium whitespace-nowrap text-amber-700">behind pace</span> : null}
    </div>
  );
}

export { percent };
