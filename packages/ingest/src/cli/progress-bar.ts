// A terminal progress bar for ingestion runs: percent of the file's bytes, rows, rows/s and time left. Redraws in
// place on a terminal; elsewhere (CI logs) prints a line every 10%.
import { type IngestionRun } from "../run/queries";

const WIDTH = 28;
const thousands = (n: number) => Math.round(n).toLocaleString("en-US");

export function duration(ms: number): string {
  if (ms < 10_000) return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

export function renderBar(
  run: Pick<IngestionRun, "percent" | "rowsRead">,
  rowsPerSecond: number,
  leftMs: number | null,
): string {
  const filled = Math.round((run.percent / 100) * WIDTH);
  const bar = `${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}`;
  const eta = leftMs === null ? "" : ` · ${duration(leftMs)} left`;
  return `[${bar}] ${run.percent.toFixed(1).padStart(5)}% · ${thousands(run.rowsRead)} rows · ${thousands(rowsPerSecond)} rows/s${eta}`;
}

export class ProgressBar {
  private readonly started = performance.now();
  private startRows: number | undefined;
  private startPercent = 0;
  private lastDecile = -1;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  update(run: IngestionRun): void {
    // Rates count only this session's work (a resumed run starts part-way).
    if (this.startRows === undefined) {
      this.startRows = run.rowsRead;
      this.startPercent = run.percent;
    }
    const elapsed = performance.now() - this.started;
    const rate = elapsed > 0 ? ((run.rowsRead - this.startRows) / elapsed) * 1000 : 0;
    const done = run.percent - this.startPercent;
    const left = done > 0 && run.percent < 100 ? (elapsed / done) * (100 - run.percent) : null;
    const line = renderBar(run, rate, left);
    if (this.out.isTTY) {
      this.out.write(`\r${line}\u001b[K`);
    } else {
      const decile = Math.floor(run.percent / 10);
      if (decile > this.lastDecile) {
        this.lastDecile = decile;
        this.out.write(`${line}\n`);
      }
    }
  }

  finish(): void {
    if (this.out.isTTY) this.out.write("\n");
  }
}
