// The consent module's input: a consent granted or revoked. Shared by the API (procedure input) and the UI (form
// validation); no database imports here, so client components can use it.
import { z } from "zod";

import { CONSENT_CHANNELS } from "../channels";
import { npiField, plainText } from "../validation";

export const recordConsentInput = z.object({
  npi: npiField(),
  channel: z.enum(CONSENT_CHANNELS, { message: "Choose a channel." }),
  /** Omit for consent that covers all of the org's products. */
  productId: z.uuid("Choose one of your products, or all products.").nullable().default(null),
  status: z.enum(["granted", "revoked"], { message: "Consent is either granted or revoked." }),
  source: plainText("The consent source").min(3, "Say how consent was captured (e.g. signed form).").max(200),
  evidence: plainText("The evidence").max(2000, "Keep the evidence under 2,000 characters.").optional(),
});

/** How consent is usually captured: offered as choices on the screens (any other wording is accepted). */
export const CONSENT_SOURCES = ["verbal at call", "signed form", "web form", "email reply"] as const;
