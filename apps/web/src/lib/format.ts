// Formatting shared by server and client components. Dates without a time ("YYYY-MM-DD") are calendar
// dates: they are formatted in UTC so they never shift a day with the reader's time zone.
const dateFormat = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});

export function formatCalendarDate(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  return Number.isNaN(date.getTime()) ? "—" : dateFormat.format(date);
}

export const numberFormat = new Intl.NumberFormat("en-US");

const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (m) => m.toUpperCase());

/** NPPES ZIP+4 "021151234" → "02115-1234". */
export function formatPostalCode(code: string | null | undefined): string {
  if (!code) return "";
  return code.length === 9 ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

/** "6175551234" → "(617) 555-1234"; other shapes unchanged. */
export function formatPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, "");
  return digits.length === 10 ? `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}` : phone;
}

/** NPPES stores addresses upper-case; show them as people write them (state codes stay upper-case). */
export function formatPlaceName(value: string | null | undefined): string {
  return value ? titleCase(value) : "";
}

const DOCTOR_CREDENTIALS = /\b(M\.?D|D\.?O|D\.?D\.?S|D\.?M\.?D|D\.?P\.?M|O\.?D|PH\.?D|PHARM\.?D|D\.?N\.?P|D\.?C)\b/i;

/** "Dr. Smith" for doctors, else the full name: how a rep would refer to the HCP. */
export function salutation(hcp: { name: string; lastName: string | null; credential: string | null }): string {
  if (hcp.lastName && hcp.credential && DOCTOR_CREDENTIALS.test(hcp.credential))
    return `Dr. ${titleCase(hcp.lastName)}`;
  return hcp.name;
}
