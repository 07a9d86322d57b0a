// An admin's markets as the forms and the procedures take them (no database imports: the screen uses these).
import { z } from "zod";

import { plainText } from "./validation";

export const createMarketInput = z.object({
  name: plainText("The market's name")
    .min(2, "The market's name: at least 2 characters.")
    .max(80, "The market's name: at most 80 characters."),
  therapeuticArea: plainText("The therapeutic area").max(80, "The therapeutic area: at most 80 characters.").nullable(),
});

export const marketDrugInput = z.object({
  marketId: z.uuid("Not a market id"),
  brandName: plainText("The drug")
    .min(2, "The drug: type its Part D brand name, such as XARELTO.")
    .max(100, "The drug: at most 100 characters."),
});

export const brandSearchInput = z.object({
  q: plainText("The search").min(2, "Type at least 2 letters.").max(60, "At most 60 characters."),
});
