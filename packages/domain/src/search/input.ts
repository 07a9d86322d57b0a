// The search module's inputs: physician and organisation search, and the search box's suggestions. Shared by the
// API (procedure inputs) and the UI (the search page's URL state); no database imports here, so client components
// can use them.
import { z } from "zod";

import { npiField, plainText, stateCodeField } from "../validation";

const searchZip = plainText("The ZIP code").regex(/^\d{5}$/, "Use a five-digit ZIP code, e.g. 02115.");

/** Physician search filters: every field optional; `text` is the one search box, parsed into the others. */
export const physicianSearchFilters = z.object({
  text: plainText("Search text").max(200, "Search text is limited to 200 characters.").optional(),
  name: plainText("The name").max(100, "A name is limited to 100 characters.").optional(),
  npi: npiField().optional(),
  /** Taxonomy codes, NUCC classification/specialization names, or lay terms ("heart doctor"). */
  specialty: z.array(plainText("A specialty").min(1).max(120)).max(20, "Choose at most 20 specialties.").optional(),
  city: plainText("The city").max(80, "A city name is limited to 80 characters.").optional(),
  state: stateCodeField().optional(),
  zip: searchZip.optional(),
  near: z
    .union([
      z.object({ zip: searchZip }),
      z.object({
        lat: z.number().min(-90, "Latitude is between -90 and 90.").max(90, "Latitude is between -90 and 90."),
        lng: z.number().min(-180, "Longitude is between -180 and 180.").max(180, "Longitude is between -180 and 180."),
      }),
    ])
    .optional(),
  radiusMiles: z.number().min(1, "A radius is at least 1 mile.").max(500, "A radius is at most 500 miles.").optional(),
  /** A Part D brand or generic name. */
  drug: plainText("The drug name").min(2).max(100, "A drug name is limited to 100 characters.").optional(),
  /** One of the org's markets: any of its drugs. */
  marketId: z.uuid("That is not a valid market.").optional(),
  minClaims: z.number().int("Claims are whole numbers.").min(0).max(1_000_000).optional(),
  /** An Open Payments manufacturer name (or part of it). */
  manufacturer: plainText("The manufacturer")
    .min(2)
    .max(120, "A manufacturer name is limited to 120 characters.")
    .optional(),
  /** Only HCPs with no call the viewer can see in the last N days ("not seen in 60 days"). */
  notSeenDays: z
    .number()
    .int("Days are whole numbers.")
    .min(1, "Say at least 1 day.")
    .max(3650, "Say at most 3,650 days (ten years).")
    .optional(),
  /** Only HCPs practising in the viewer's territories. */
  mine: z.boolean().default(false),
  /** Free text matched against HCP profiles by meaning, when embeddings exist. */
  semantic: plainText("The description").max(300).optional(),
});

export const physicianSearchInput = physicianSearchFilters.extend({
  cursor: plainText("The page cursor").max(300).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export type PhysicianSearchFilters = z.output<typeof physicianSearchFilters>;
export type PhysicianSearchInput = z.input<typeof physicianSearchInput>;

/** Organisations (NPPES entity type 2) are searched by name, NPI, specialty and place. */
export const organizationSearchInput = physicianSearchInput.pick({
  text: true,
  name: true,
  npi: true,
  specialty: true,
  city: true,
  state: true,
  zip: true,
  near: true,
  radiusMiles: true,
  cursor: true,
  limit: true,
});

export type OrganizationSearchInput = z.input<typeof organizationSearchInput>;

export const physicianSuggestInput = z.object({
  text: plainText("Search text").min(1).max(200, "Search text is limited to 200 characters."),
  mine: z.boolean().default(false),
});
