// The compliance library as the admin's forms and the procedures take it (no database imports: the screen uses it).
import { z } from "zod";

import { plainText } from "../validation";

export const addClaimInput = z.object({
  productId: z.uuid("Choose a product."),
  text: plainText("The claim")
    .min(10, "The claim: write it out as reps may quote it (at least 10 characters).")
    .max(500, "The claim: at most 500 characters.")
    .transform((claim) => claim.replace(/\s+/g, " ")),
  reference: plainText("The reference").max(200, "The reference: at most 200 characters.").nullable(),
});

export const addBannedPhraseInput = z.object({
  phrase: plainText("The phrase")
    .min(3, "The phrase: at least 3 characters.")
    .max(80, "The phrase: at most 80 characters.")
    .transform((phrase) => phrase.replace(/\s+/g, " ")),
});

export const removeLibraryEntryInput = z.object({ id: z.uuid("Not an entry id") });

export const tryDraftInput = z.object({
  text: plainText("The text").min(1, "Write a sentence to check.").max(4000, "At most 4,000 characters."),
  productId: z.uuid("Choose a product.").nullable(),
});
