// Manufacturers as they appear in Open Payments. Names are the reporting entities' real names; the 12-digit
// payer IDs are synthetic (stable per name) because the demo does not reproduce CMS's registry.
export interface Manufacturer {
  name: string;
  id: string;
  state: string;
  country: string;
}

const REGISTRY: readonly [name: string, state: string][] = [
  ["Bristol-Myers Squibb Company", "NJ"],
  ["Pfizer Inc.", "NY"],
  ["Janssen Pharmaceuticals, Inc", "NJ"],
  ["Novartis Pharmaceuticals Corporation", "NJ"],
  ["AstraZeneca Pharmaceuticals LP", "DE"],
  ["Boehringer Ingelheim Pharmaceuticals, Inc.", "CT"],
  ["Eli Lilly and Company", "IN"],
  ["Novo Nordisk Inc", "NJ"],
  ["sanofi-aventis U.S. LLC", "NJ"],
  ["GlaxoSmithKline, LLC.", "PA"],
  ["AbbVie Inc.", "IL"],
  ["Otsuka America Pharmaceutical, Inc.", "NJ"],
  ["Lundbeck LLC", "IL"],
  ["Bayer HealthCare Pharmaceuticals Inc.", "NJ"],
  ["Regeneron Healthcare Solutions, Inc.", "NY"],
  ["Astellas Pharma US Inc", "IL"],
  ["Salix Pharmaceuticals", "NJ"],
];

export const MANUFACTURERS: ReadonlyMap<string, Manufacturer> = new Map(
  REGISTRY.map(([name, state], index) => [
    name,
    { name, id: `1000009${String(index + 10).padStart(5, "0")}`, state, country: "United States" },
  ]),
);

export function manufacturer(name: string): Manufacturer {
  const found = MANUFACTURERS.get(name);
  if (!found) throw new Error(`manufacturer "${name}" is not in the registry`);
  return found;
}
