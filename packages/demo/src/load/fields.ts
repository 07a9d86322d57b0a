// Field parsers shared by the mappers. They accept the quirks of real CMS files too: pandas-style floats
// ("688482168.0"), ZIPs that lost their leading zeros, ZIP+4 with or without a hyphen.

/** Empty or whitespace → null; otherwise the trimmed text. */
export const text = (value: string | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** Digits of a code-like field, without a trailing ".0" a spreadsheet may have added. */
export const digits = (value: string | undefined): string | null => {
  const raw = text(value)?.replace(/\.0+$/, "");
  if (!raw) return null;
  const only = raw.replace(/\D/g, "");
  return only === "" ? null : only;
};

/** US postal code as 5 or 9 digits, leading zeros restored. */
export function postalCode(value: string | undefined): { postalCode: string; zip5: string } | null {
  const raw = digits(value);
  if (!raw) return null;
  const padded = raw.length > 5 ? raw.padStart(9, "0").slice(0, 9) : raw.padStart(5, "0");
  return { postalCode: padded, zip5: padded.slice(0, 5) };
}

/** MM/DD/YYYY (or YYYY-MM-DD) → YYYY-MM-DD; null when absent or malformed. */
export function isoDate(value: string | undefined): string | null {
  const raw = text(value);
  if (!raw) return null;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (us) return `${us[3]}-${us[1]!.padStart(2, "0")}-${us[2]!.padStart(2, "0")}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : null;
}

export function integer(value: string | undefined): number | null {
  const raw = text(value);
  if (!raw) return null;
  const parsed = Number(raw.replace(/,/g, ""));
  return Number.isFinite(parsed) ? Math.round(parsed) : null;
}

/** Decimal kept as text for numeric columns (no float rounding on the way to Postgres). */
export function decimal(value: string | undefined): string | null {
  const raw = text(value)?.replace(/,/g, "");
  return raw && /^-?\d+(\.\d+)?$/.test(raw) ? raw : null;
}

export const upperOrNull = (value: string | undefined): string | null => text(value)?.toUpperCase() ?? null;
