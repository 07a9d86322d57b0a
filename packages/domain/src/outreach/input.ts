// The outreach module's input: an email draft for one HCP. Shared by the API (procedure input), the copilot's tool
// and the UI (form validation); no database imports here, so client components can use it.
import { z } from "zod";

import { npiField, plainText } from "../validation";

export const outreachPurposes = ["follow_up", "invitation", "sample_offer"] as const;

export const draftOutreachInput = z.object({
  npi: npiField(),
  purpose: z.enum(outreachPurposes, { message: "Choose a purpose: follow_up, invitation or sample_offer." }),
  /** One of the org's product names (any case); omitted → the org's product in the HCP's busiest market. */
  product: plainText("The product").min(2, "Name the product.").max(120).optional(),
  /** What the email should mention, in the rep's words (e.g. "the renal dosing study"). */
  topic: plainText("The topic").max(200, "Keep the topic under 200 characters.").optional(),
});

export type DraftOutreachInput = z.input<typeof draftOutreachInput>;
