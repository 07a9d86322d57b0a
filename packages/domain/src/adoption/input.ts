// The adoption board's inputs: which product's board (and whom to look for in its first column), and a move of one
// physician to a stage. No database imports: the board validates with the same schemas (@pharmacrm/domain/adoption-input).
import { z } from "zod";

import { ADOPTION_STAGES } from "@pharmacrm/db/channels";

import { npiField, plainText } from "../validation";

export { ADOPTION_STAGES, type AdoptionStage } from "@pharmacrm/db/channels";

export const STAGE_TITLES: Record<(typeof ADOPTION_STAGES)[number], string> = {
  unaware: "Unaware",
  aware: "Aware",
  trial: "Trial",
  adopter: "Adopter",
  advocate: "Advocate",
};

/** Cards drawn per column; a column with more says how many more, and the search finds any of them. */
export const CARDS_PER_STAGE = 60;

const productId = z.uuid({ message: "Choose one of your products." });

export const adoptionBoardInput = z.object({
  productId,
  q: plainText("Search text").max(100, "Search text is limited to 100 characters.").optional(),
});
export type AdoptionBoardInput = z.input<typeof adoptionBoardInput>;

export const moveAdoptionInput = z.object({
  npi: npiField(),
  productId,
  stage: z.enum(ADOPTION_STAGES, { message: "Choose a stage from the board." }),
  /** The stage the board showed: refused if someone moved the card since, so nobody overwrites a move unseen. */
  from: z.enum(ADOPTION_STAGES, { message: "Choose a stage from the board." }),
});
export type MoveAdoptionInput = z.input<typeof moveAdoptionInput>;
