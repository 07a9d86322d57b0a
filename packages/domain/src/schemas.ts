// Input schemas shared by the API (procedure inputs) and the UI (form validation).
// No database imports here, so client components can use them.
import { z } from "zod";
import { CALL_CHANNELS, CONSENT_CHANNELS } from "./channels";
import { calendarDate, npiField, plainText, pointInTime } from "./validation";

const stateCode = plainText("The state").toUpperCase().regex(/^[A-Z]{2}$/, "Use a two-letter state code, e.g. MA.");

export const hcpListInput = z.object({
  q: plainText("Search text").max(100, "Search text is limited to 100 characters.").optional(),
  specialty: plainText("The specialty").max(200).optional(),
  state: stateCode.optional(),
  mine: z.boolean().default(false),
  sort: z.enum(["name", "specialty", "city", "state"]).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.number().int().min(1).default(1),
  pageSize: z.union([z.literal(25), z.literal(50), z.literal(100)]).default(25),
});

export type HcpListInput = z.input<typeof hcpListInput>;

export const npiInput = z.object({
  npi: npiField(),
});

export const nextBestActionsInput = z.object({
  /** One HCP's suggestions; omitted → across every HCP the viewer may act on. */
  npi: npiInput.shape.npi.optional(),
  limit: z.number().int().min(1).max(50).default(10),
});

export type NextBestActionsInput = z.output<typeof nextBestActionsInput>;

export const setHcpAttributesInput = z.object({
  npi: npiInput.shape.npi,
  segment: plainText("The segment").max(40, "A segment name is at most 40 characters.").nullable(),
  tier: plainText("The tier").max(10, "A tier is at most 10 characters.").nullable(),
  decile: z.number().int().min(1, "Deciles run from 1 to 10.").max(10, "Deciles run from 1 to 10.").nullable(),
  notes: plainText("Notes").max(4000, "Notes are limited to 4,000 characters.").nullable(),
});

export const logInteractionInput = z
  .object({
    npi: npiInput.shape.npi,
    channel: z.enum(CALL_CHANNELS, { message: "Choose how you met: in person, phone, video or email." }),
    occurredAt: pointInTime("The call's date", "Enter when the call happened."),
    productIds: z.array(z.uuid()).max(5, "Discuss at most 5 products in one call.").default([]),
    samples: z
      .array(
        z.object({
          productId: z.uuid(),
          quantity: z.number().int("Sample quantities are whole numbers.").min(1, "A sample quantity must be at least 1.").max(500, "At most 500 units of one sample per call."),
        }),
      )
      .default([]),
    notes: plainText("Notes").max(4000, "Notes are limited to 4,000 characters.").optional(),
    followUp: plainText("The follow-up").max(1000).optional(),
    followUpDate: calendarDate("The follow-up date").optional(),
  })
  .refine((v) => v.occurredAt.getTime() <= Date.now() + 5 * 60_000, {
    message: "A logged call cannot be in the future.",
    path: ["occurredAt"],
  })
  .refine((v) => new Set(v.samples.map((s) => s.productId)).size === v.samples.length, {
    message: "List each sampled product once.",
    path: ["samples"],
  });

export type LogInteractionInput = z.input<typeof logInteractionInput>;

export const recordConsentInput = z.object({
  npi: npiInput.shape.npi,
  channel: z.enum(CONSENT_CHANNELS, { message: "Choose a channel." }),
  /** Omit for consent that covers all of the org's products. */
  productId: z.uuid().nullable().default(null),
  status: z.enum(["granted", "revoked"], { message: "Consent is either granted or revoked." }),
  source: plainText("The consent source").min(3, "Say how consent was captured (e.g. signed form).").max(200),
});

export const createTaskInput = z.object({
  title: plainText("The title").min(3, "Give the task a title of at least 3 characters.").max(200, "Keep the title under 200 characters."),
  details: plainText("Details").max(4000).optional(),
  npi: npiInput.shape.npi.optional(),
  dueDate: calendarDate("The due date").optional(),
});

export const taskIdInput = z.object({ id: z.uuid("That is not a valid task id.") });

const searchNpi = npiInput.shape.npi;
const searchZip = plainText("The ZIP code").regex(/^\d{5}$/, "Use a five-digit ZIP code, e.g. 02115.");

/** Physician search filters: every field optional; `text` is the one search box, parsed into the others. */
export const physicianSearchFilters = z.object({
  text: plainText("Search text").max(200, "Search text is limited to 200 characters.").optional(),
  name: plainText("The name").max(100, "A name is limited to 100 characters.").optional(),
  npi: searchNpi.optional(),
  /** Taxonomy codes, NUCC classification/specialization names, or lay terms ("heart doctor"). */
  specialty: z.array(plainText("A specialty").min(1).max(120)).max(20, "Choose at most 20 specialties.").optional(),
  city: plainText("The city").max(80, "A city name is limited to 80 characters.").optional(),
  state: stateCode.optional(),
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
  manufacturer: plainText("The manufacturer").min(2).max(120, "A manufacturer name is limited to 120 characters.").optional(),
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

export const outreachPurposes = ["follow_up", "invitation", "sample_offer"] as const;

export const draftOutreachInput = z.object({
  npi: npiInput.shape.npi,
  purpose: z.enum(outreachPurposes, { message: "Choose a purpose: follow_up, invitation or sample_offer." }),
  /** One of the org's product names (any case); omitted → the org's product in the HCP's busiest market. */
  product: plainText("The product").min(2, "Name the product.").max(120).optional(),
  /** What the email should mention, in the rep's words (e.g. "the renal dosing study"). */
  topic: plainText("The topic").max(200, "Keep the topic under 200 characters.").optional(),
});

export type DraftOutreachInput = z.input<typeof draftOutreachInput>;

export const nbaActions = ["call", "email", "sample", "follow_up"] as const;

export const acceptNextBestActionInput = z.object({
  npi: npiInput.shape.npi,
  action: z.enum(nbaActions, { message: "Choose an action: call, email, sample or follow_up." }),
});

export const dismissNextBestActionInput = acceptNextBestActionInput.extend({
  reason: plainText("The reason").min(3, "Say briefly why you dismiss it (at least 3 characters).").max(500, "Keep the reason under 500 characters."),
});
