// NPI check digit: Luhn over the 9-digit base prefixed with 80840 (the ISO card-issuer prefix for US health).
// The prefix contributes a constant 24 to the Luhn sum, which is why it never appears in the arithmetic below.

const PREFIX_SUM = 24;

export function npiCheckDigit(base9: string): number {
  if (!/^\d{9}$/.test(base9)) throw new Error(`NPI base must be 9 digits, got "${base9}"`);
  let sum = PREFIX_SUM;
  for (let i = 0; i < 9; i++) {
    let digit = Number(base9[8 - i]);
    // Double every second digit counting from the right of the full number, i.e. the base's last digit first.
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidNpi(npi: string): boolean {
  return /^\d{10}$/.test(npi) && npiCheckDigit(npi.slice(0, 9)) === Number(npi[9]);
}

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
