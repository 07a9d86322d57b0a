// The calls list's input (the call report's own inputs are call-report/input.ts). No database imports here, so
// client components can use it.
import { z } from "zod";

import { CALL_CHANNELS } from "../channels";
import { calendarDate, npiField, plainText } from "../validation";

/** The viewer's own calls in a period (inclusive days), optionally by channel, product (name) or physician. */
export const listCallsInput = z
  .object({
    from: calendarDate("The first day"),
    to: calendarDate("The last day"),
    channel: z.enum(CALL_CHANNELS, { message: "Choose in person, phone, video or email." }).optional(),
    product: plainText("The product").min(2).max(120).optional(),
    npi: npiField().optional(),
    /** Submitted calls (what "my calls" means in numbers), the viewer's drafts, or both (the My calls screen). */
    status: z.enum(["submitted", "draft", "all"]).default("submitted"),
    /** How many calls to return, newest first (the count is of all). */
    limit: z.number().int().min(1).max(500).default(50),
  })
  .refine((v) => v.from <= v.to, { message: "The period's first day must not be after its last.", path: ["to"] });

export type ListCallsInput = z.input<typeof listCallsInput>;
