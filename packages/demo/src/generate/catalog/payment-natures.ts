// Natures of payment with their typical form and size: many small meals, a few large speaker and consulting fees.
import { weightedPicker, type Random } from "../../random";

export interface PaymentNature {
  nature: string;
  form: "Cash or cash equivalent" | "In-kind items and services";
  /** Median amount in USD; amounts are log-normal around it. */
  median: number;
  sigma: number;
  min: number;
}

export const SPEAKER_FEE =
  "Compensation for services other than consulting, including serving as faculty or as a speaker at a venue other than a continuing education program";

const NATURES: readonly { value: PaymentNature; weight: number }[] = [
  {
    value: { nature: "Food and Beverage", form: "In-kind items and services", median: 19, sigma: 0.7, min: 2 },
    weight: 86,
  },
  { value: { nature: "Education", form: "In-kind items and services", median: 45, sigma: 0.8, min: 5 }, weight: 3 },
  {
    value: { nature: "Travel and Lodging", form: "In-kind items and services", median: 420, sigma: 0.6, min: 40 },
    weight: 2,
  },
  {
    value: { nature: "Consulting Fee", form: "Cash or cash equivalent", median: 2600, sigma: 0.7, min: 500 },
    weight: 2,
  },
  { value: { nature: SPEAKER_FEE, form: "Cash or cash equivalent", median: 2200, sigma: 0.5, min: 1000 }, weight: 4 },
  { value: { nature: "Honoraria", form: "Cash or cash equivalent", median: 1500, sigma: 0.5, min: 250 }, weight: 1 },
  { value: { nature: "Gift", form: "In-kind items and services", median: 60, sigma: 0.6, min: 10 }, weight: 1 },
];

export const pickNature = weightedPicker(NATURES);

export function paymentAmount(random: Random, nature: PaymentNature): number {
  const amount = Math.max(nature.min, nature.median * random.logNormal(0, nature.sigma));
  return Math.round(amount * 100) / 100;
}

export const TRAVEL_DESTINATIONS: readonly [city: string, state: string][] = [
  ["Orlando", "FL"],
  ["Las Vegas", "NV"],
  ["Chicago", "IL"],
  ["San Diego", "CA"],
  ["Nashville", "TN"],
  ["Boston", "MA"],
  ["Phoenix", "AZ"],
];
