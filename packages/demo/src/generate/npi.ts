// Synthetic NPIs for the demo population. The check digit (Luhn with prefix 80840) is the validator's, from the
// ingestion package, so generated files always pass ingestion.
import { npiCheckDigit } from "@pharmacrm/ingest";

export { isValidNpi, npiCheckDigit } from "@pharmacrm/ingest";

/**
 * Synthetic NPIs: "19" + 7 digits + check digit. Walking the 10^7 space with a stride coprime to it
 * gives unique, scattered-looking numbers for any count up to ten million.
 */
export function syntheticNpis(count: number, start: number): string[] {
  const space = 10_000_000;
  if (count > space) throw new Error("too many synthetic NPIs requested");
  const stride = 7_368_787; // odd and not a multiple of 5 → coprime with 10^7
  const npis: string[] = [];
  for (let i = 0; i < count; i++) {
    const base = `19${String((start + i * stride) % space).padStart(7, "0")}`;
    npis.push(`${base}${npiCheckDigit(base)}`);
  }
  return npis;
}
