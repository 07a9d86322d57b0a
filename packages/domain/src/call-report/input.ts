// The call report's inputs: a draft as the form holds it, submit, an admin's unlock, and sample stock movements.
// Shared by the procedures and the screens' forms (react-hook-form with these schemas); no database imports here.
import { z } from "zod";

import { CALL_CHANNELS } from "../channels";
import { calendarDate, npiField, plainText, pointInTime } from "../validation";

/** The signature pad's size: strokes are points within it. */
export const SIGNATURE_PAD = { width: 600, height: 200 } as const;
const MAX_SIGNATURE_POINTS = 4000;

/** A signature as strokes, each a flat list x0, y0, x1, y1 … of whole pixels on the pad. */
export const signatureField = z
  .array(
    z
      .array(z.number().int().min(0).max(SIGNATURE_PAD.width))
      .min(2)
      .refine((s) => s.length % 2 === 0, "A signature stroke is pairs of x and y.")
      .refine((s) => s.every((v, i) => i % 2 === 0 || v <= SIGNATURE_PAD.height), "A signature point is off the pad."),
    { message: "The signature could not be read; clear it and sign again." },
  )
  .min(1, "Ask the physician to sign.")
  .max(200, "The signature has too many strokes; clear it and sign again.")
  .refine(
    (strokes) => strokes.reduce((n, s) => n + s.length / 2, 0) <= MAX_SIGNATURE_POINTS,
    "The signature has too many points; clear it and sign again.",
  );

export const sampleLineInput = z.object({
  productId: z.uuid("Choose the sampled product."),
  lotNumber: plainText("The lot number").max(40, "A lot number is at most 40 characters.").toUpperCase().default(""),
  quantity: z
    .number({ message: "Enter how many units." })
    .int("Sample quantities are whole numbers.")
    .min(1, "A sample quantity must be at least 1.")
    .max(500, "At most 500 units of one sample per call."),
});

const callReportFields = z.object({
  /** Present when an existing draft is saved again. */
  id: z.uuid().optional(),
  npi: npiField(),
  channel: z.enum(CALL_CHANNELS, { message: "Choose how you met: in person, phone, video or email." }),
  occurredAt: pointInTime("The call's date", "Enter when the call happened."),
  /** Products discussed, in the order they were discussed (the first is the primary detail). */
  productIds: z.array(z.uuid()).max(5, "Discuss at most 5 products in one call.").default([]),
  samples: z.array(sampleLineInput).max(5, "At most 5 sampled products in one call.").default([]),
  notes: plainText("Notes").max(4000, "Notes are limited to 4,000 characters.").optional(),
  followUp: plainText("The follow-up").max(1000, "A follow-up is at most 1,000 characters.").optional(),
  followUpDate: calendarDate("The follow-up date").optional(),
  signature: signatureField.optional(),
});

/** A call report as saved (draft) or submitted: the form's rules that need no database. */
export const callReportInput = callReportFields
  .refine((v) => v.occurredAt.getTime() <= Date.now() + 5 * 60_000, {
    message: "A call cannot be in the future.",
    path: ["occurredAt"],
  })
  .refine((v) => new Set(v.productIds).size === v.productIds.length, {
    message: "List each product discussed once.",
    path: ["productIds"],
  })
  .refine((v) => new Set(v.samples.map((s) => s.productId)).size === v.samples.length, {
    message: "List each sampled product once.",
    path: ["samples"],
  });

export type CallReportInput = z.input<typeof callReportInput>;
export type CallReport = z.output<typeof callReportInput>;

export const callIdInput = z.object({ id: z.uuid("That is not a call's id.") });

export const unlockCallInput = z.object({
  id: z.uuid("That is not a call's id."),
  reason: plainText("The reason")
    .min(5, "Say why the call is unlocked (at least 5 characters).")
    .max(500, "A reason is at most 500 characters."),
});

const lotNumber = plainText("The lot number")
  .min(1, "Enter the lot number printed on the box.")
  .max(40, "A lot number is at most 40 characters.")
  .toUpperCase();

/** A shipment of samples the rep received. */
export const receiveSamplesInput = z.object({
  productId: z.uuid("Choose the product."),
  lotNumber,
  quantity: z
    .number({ message: "Enter how many units arrived." })
    .int("Units are whole numbers.")
    .min(1, "At least 1 unit.")
    .max(100_000, "At most 100,000 units in one shipment."),
  expiresOn: calendarDate("The expiry date").optional(),
});

/** A correction of the count on hand (damaged, expired, found in a count), with its reason. */
export const adjustSamplesInput = z.object({
  /** Another rep's stock (admins reconciling); the viewer's own when absent. */
  ownerId: z.uuid().optional(),
  productId: z.uuid("Choose the product."),
  lotNumber,
  quantity: z
    .number({ message: "Enter the units to add (+) or remove (−)." })
    .int("Units are whole numbers.")
    .min(-100_000)
    .max(100_000)
    .refine((n) => n !== 0, "An adjustment adds or removes at least 1 unit."),
  reason: plainText("The reason")
    .min(3, "Say why the count changes (at least 3 characters).")
    .max(500, "A reason is at most 500 characters."),
});

/** Whose stock: the viewer's own, or (managers, admins) a rep they oversee. */
export const sampleStockInput = z.object({ ownerId: z.uuid().optional() }).default({});
