// A figure of the analytics model as people read it, for the card, the copilot's answer and exports alike: counts
// with separators, ratios to two decimals, shares as "18.3 %", dollars to the cent. No imports at run time, so the
// screens can read it (@pharmacrm/domain/figures) without the database code.
import type { Format } from "./model";

const count = new Intl.NumberFormat("en-US");
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function formatFigure(value: number, format: Format | null): string {
  if (format === "ratio") return value.toFixed(2);
  if (format === "percent") return `${(value * 100).toFixed(1)} %`;
  if (format === "usd") return usd.format(value);
  return count.format(value);
}
