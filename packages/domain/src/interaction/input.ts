// The interaction module's input: a logged call. Shared by the API (procedure input), the copilot's tool and the
// UI (form validation); no database imports here, so client components can use it.
import { z } from "zod";

import { CALL_CHANNELS } from "../channels";
import { calendarDate, npiField, plainText, pointInTime } from "../validation";

export const logInteractionInput = z
  .object({
    npi: npiField(),
    channel: z.enum(CALL_CHANNELS, { message: "Choose how you met: in person, phone, video or email." }),
    occurredAt: pointInTime("The call's date", "Enter when the call happened."),
    productIds: z.array(z.uuid()).max(5, "Discuss at most 5 products in one call.").default([]),
    samples: z
      .array(
        z.object({
          productId: z.uuid(),
          quantity: z
            .number()
            .int("Sample quantities are whole numbers.")
            .min(1, "A sample quantity must be at least 1.")
            .max(500, "At most 500 units of one sample per call."),
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

/** The viewer's own calls in a period (inclusive days), optionally by channel, product (name) or physician. */
export const listCallsInput = z
  .object({
    from: calendarDate("The first day"),
    to: calendarDate("The last day"),
    channel: z.enum(CALL_CHANNELS, { message: "Choose in person, phone, video or email." }).optional(),
    product: plainText("The product").min(2).max(120).optional(),
    npi: npiField().optional(),
    /** How many calls to return, newest first (the count is of all). */
    limit: z.number().int().min(1).max(500).default(50),
  })
  .refine((v) => v.from <= v.to, { message: "The period's first day must not be after its last.", path: ["to"] });

export type ListCallsInput = z.input<typeof listCallsInput>;
