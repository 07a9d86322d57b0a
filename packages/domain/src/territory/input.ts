// Regions, territories and their ZIP alignment as the admin's forms and the procedures take them (no database
// imports: the screen uses these schemas too).
import { z } from "zod";

import { plainText } from "../validation";

const name = (label: string) =>
  plainText(label).min(1, `${label}: enter a name.`).max(80, `${label}: at most 80 characters.`);

export const territoryCode = plainText("The code")
  .min(1, "The code: enter one, such as NE-BOS.")
  .max(32, "The code: at most 32 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "The code: letters, digits, dots, dashes and underscores only.")
  .transform((code) => code.toUpperCase());

export const createRegionInput = z.object({ name: name("The region's name") });
export const renameRegionInput = z.object({ id: z.uuid("Not a region id"), name: name("The region's name") });

export const createTerritoryInput = z.object({
  code: territoryCode,
  name: name("The territory's name"),
  regionId: z.uuid("Choose a region."),
});
export const updateTerritoryInput = createTerritoryInput.extend({ id: z.uuid("Not a territory id") });
export const closeTerritoryInput = z.object({ id: z.uuid("Not a territory id") });

/** The most ZIPs one territory may cover (a large US territory holds a few hundred). */
export const MAX_TERRITORY_ZIPS = 3000;

/**
 * ZIP codes as an admin pastes them: separated by commas, spaces, semicolons or lines; ZIP+4 is cut to its five
 * digits; duplicates are dropped. Anything else is named with its position so it can be fixed.
 */
export function parseZipList(text: string): { zips: string[]; invalid: { position: number; value: string }[] } {
  const tokens = text.split(/[\s,;]+/).filter(Boolean);
  const zips = new Set<string>();
  const invalid: { position: number; value: string }[] = [];
  tokens.forEach((token, i) => {
    const match = /^(\d{5})(?:-?\d{4})?$/.exec(token);
    if (match) zips.add(match[1]!);
    // Echoed back to the person who typed it, reduced to characters that cannot carry markup or controls.
    else invalid.push({ position: i + 1, value: token.replace(/[^\w.-]/g, "?").slice(0, 10) });
  });
  return { zips: [...zips].sort(), invalid };
}

export const zipListText = z
  .string({ message: "List the ZIP codes as text." })
  .max(60_000, "That list is too long: at most 3,000 ZIP codes.")
  .superRefine((text, ctx) => {
    const { zips, invalid } = parseZipList(text);
    if (invalid.length > 0) {
      const shown = invalid.slice(0, 3).map((t) => `"${t.value}" (item ${t.position})`);
      const more = invalid.length > 3 ? ` and ${invalid.length - 3} more` : "";
      ctx.addIssue({ code: "custom", message: `Not a 5-digit ZIP code: ${shown.join(", ")}${more}.` });
    } else if (zips.length > MAX_TERRITORY_ZIPS) {
      ctx.addIssue({
        code: "custom",
        message: `At most ${MAX_TERRITORY_ZIPS.toLocaleString("en-US")} ZIP codes in one territory.`,
      });
    }
  });

export const alignmentInput = z.object({
  territoryId: z.uuid("Not a territory id"),
  zips: zipListText,
});
/** Applying carries the dry run's basis: the alignment it was computed from must still be the territory's. */
export const applyAlignmentInput = alignmentInput.extend({
  basis: z.string().regex(/^[0-9a-f]{64}$/, "Run the dry run again before applying."),
});
