// An admin's product settings as the form and the procedure take them (no database imports: the screen uses it).
import { z } from "zod";

const limit = (label: string, max: number) =>
  z
    .number({ message: `${label}: enter a number of units, or leave it empty for no limit.` })
    .int(`${label}: whole units.`)
    .min(1, `${label}: at least 1 unit.`)
    .max(max, `${label}: at most ${max.toLocaleString("en-US")} units.`)
    .nullable();

export const updateProductInput = z
  .object({
    id: z.uuid("Not a product id"),
    sampleable: z.boolean(),
    sampleLimitPerCall: limit("Per call", 500),
    sampleLimitPerYear: limit("Per physician a year", 10_000),
    active: z.boolean(),
    /** The market whose Part D drugs its share is counted against (null: none; left out: unchanged). */
    marketId: z.uuid("Choose a market.").nullable().optional(),
  })
  .refine(
    (v) =>
      v.sampleLimitPerCall === null || v.sampleLimitPerYear === null || v.sampleLimitPerCall <= v.sampleLimitPerYear,
    { message: "The yearly limit cannot be below the per-call limit.", path: ["sampleLimitPerYear"] },
  );
