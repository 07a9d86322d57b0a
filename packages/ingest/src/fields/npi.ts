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
