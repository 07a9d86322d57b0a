// Input schemas shared by the API (procedure inputs) and the UI (form validation).
// No database imports here, so client components can use them.
import { z } from "zod";

export const hcpListInput = z.object({
  q: z.string().trim().max(100, "Search text is limited to 100 characters.").optional(),
  specialty: z.string().trim().max(200).optional(),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use a two-letter state code, e.g. MA.")
    .optional(),
  mine: z.boolean().default(false),
  sort: z.enum(["name", "specialty", "city", "state"]).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.number().int().min(1).default(1),
  pageSize: z.union([z.literal(25), z.literal(50), z.literal(100)]).default(25),
});

export type HcpListInput = z.input<typeof hcpListInput>;

export const npiInput = z.object({
  npi: z.string().trim().regex(/^\d{10}$/, "An NPI is 10 digits."),
});

export const nextBestActionsInput = z.object({
  /** One HCP's suggestions; omitted → across every HCP the viewer may act on. */
  npi: npiInput.shape.npi.optional(),
  limit: z.number().int().min(1).max(50).default(10),
});

export type NextBestActionsInput = z.output<typeof nextBestActionsInput>;

export const setHcpAttributesInput = z.object({
  npi: z.string().regex(/^\d{10}$/, "An NPI is 10 digits."),
  segment: z.string().trim().max(40, "A segment name is at most 40 characters.").nullable(),
  tier: z.string().trim().max(10, "A tier is at most 10 characters.").nullable(),
  decile: z.number().int().min(1, "Deciles run from 1 to 10.").max(10, "Deciles run from 1 to 10.").nullable(),
  notes: z.string().trim().max(4000, "Notes are limited to 4,000 characters.").nullable(),
});

export const logInteractionInput = z
  .object({
    npi: z.string().regex(/^\d{10}$/, "An NPI is 10 digits."),
    channel: z.enum(["in_person", "phone", "video", "email"], { message: "Choose how you met: in person, phone, video or email." }),
    occurredAt: z.coerce.date({ message: "Enter when the call happened." }),
    productIds: z.array(z.uuid()).max(5, "Discuss at most 5 products in one call.").default([]),
    samples: z
      .array(
        z.object({
          productId: z.uuid(),
          quantity: z.number().int("Sample quantities are whole numbers.").min(1, "A sample quantity must be at least 1.").max(500, "At most 500 units of one sample per call."),
        }),
      )
      .default([]),
    notes: z.string().trim().max(4000, "Notes are limited to 4,000 characters.").optional(),
    followUp: z.string().trim().max(1000).optional(),
    followUpDate: z.iso.date({ message: "Use a date like 2026-12-01." }).optional(),
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
  npi: z.string().regex(/^\d{10}$/, "An NPI is 10 digits."),
  channel: z.enum(["email", "phone", "in_person", "sms", "fax"], { message: "Choose a channel." }),
  /** Omit for consent that covers all of the org's products. */
  productId: z.uuid().nullable().default(null),
  status: z.enum(["granted", "revoked"], { message: "Consent is either granted or revoked." }),
  source: z.string().trim().min(3, "Say how consent was captured (e.g. signed form).").max(200),
});

export const createTaskInput = z.object({
  title: z.string().trim().min(3, "Give the task a title of at least 3 characters.").max(200, "Keep the title under 200 characters."),
  details: z.string().trim().max(4000).optional(),
  npi: z.string().regex(/^\d{10}$/, "An NPI is 10 digits.").optional(),
  dueDate: z.iso.date({ message: "Use a date like 2026-12-01." }).optional(),
});

export const taskIdInput = z.object({ id: z.uuid("That is not a valid task id.") });
