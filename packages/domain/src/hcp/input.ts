// The HCP module's inputs: the HCP list, one HCP by NPI, and the rep-maintained attributes. Shared by the API
// (procedure inputs) and the UI (form validation); no database imports here, so client components can use them.
import { z } from "zod";

import { npiField, plainText, stateCodeField } from "../validation";

export const hcpListInput = z.object({
  q: plainText("Search text").max(100, "Search text is limited to 100 characters.").optional(),
  specialty: plainText("The specialty").max(200).optional(),
  state: stateCodeField().optional(),
  mine: z.boolean().default(false),
  sort: z.enum(["name", "specialty", "city", "state"]).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.number().int().min(1).default(1),
  pageSize: z.union([z.literal(25), z.literal(50), z.literal(100)]).default(25),
});

export type HcpListInput = z.input<typeof hcpListInput>;

export const npiInput = z.object({
  npi: npiField(),
});

export const setHcpAttributesInput = z.object({
  npi: npiField(),
  segment: plainText("The segment").max(40, "A segment name is at most 40 characters.").nullable(),
  tier: plainText("The tier").max(10, "A tier is at most 10 characters.").nullable(),
  decile: z.number().int().min(1, "Deciles run from 1 to 10.").max(10, "Deciles run from 1 to 10.").nullable(),
  notes: plainText("Notes").max(4000, "Notes are limited to 4,000 characters.").nullable(),
});
