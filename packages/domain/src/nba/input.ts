// The next-best-action module's inputs: the suggestions asked for, and one accepted or dismissed. Shared by the API
// (procedure inputs) and the UI; no database imports here, so client components can use them.
import { z } from "zod";

import { npiField, plainText } from "../validation";

export const nextBestActionsInput = z.object({
  /** One HCP's suggestions; omitted → across every HCP the viewer may act on. */
  npi: npiField().optional(),
  limit: z.number().int().min(1).max(50).default(10),
});

export type NextBestActionsInput = z.output<typeof nextBestActionsInput>;

export const nbaActions = ["call", "email", "sample", "follow_up"] as const;

export const acceptNextBestActionInput = z.object({
  npi: npiField(),
  action: z.enum(nbaActions, { message: "Choose an action: call, email, sample or follow_up." }),
});

export const dismissNextBestActionInput = acceptNextBestActionInput.extend({
  reason: plainText("The reason")
    .min(3, "Say briefly why you dismiss it (at least 3 characters).")
    .max(500, "Keep the reason under 500 characters."),
});
