const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (m) => m.toUpperCase());

/** "Smith, Jane A" in NPPES → "Jane A. Smith" for people. */
export function displayName(p: {
  firstName: string | null;
  middleName?: string | null;
  lastName: string | null;
}): string {
  const middle = p.middleName ? `${p.middleName.slice(0, 1).toUpperCase()}.` : "";
  return [p.firstName, middle, p.lastName]
    .filter((part): part is string => Boolean(part))
    .map((part) => (part.endsWith(".") ? part : titleCase(part)))
    .join(" ");
}
