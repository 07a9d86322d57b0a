// draftOutreach: an email draft for one of the rep's HCPs, from domain/outreach — consent first (none → nothing is
// drafted), approved claims only, the compliance check's flags shown, saved as a draft and never sent.
import { tool } from "ai";
import { z } from "zod";

import { draftOutreach, draftOutreachInput, type OutreachDraft } from "@pharmacrm/domain";

import { inputSchemaOf, orFailure, scopeOf, type ToolContext, type ToolFailure } from "./result";

const fields = draftOutreachInput.shape;

export const draftOutreachToolInput = z.object({
  npi: fields.npi.describe("The physician's 10-digit NPI."),
  purpose: fields.purpose.describe("follow_up after a call, invitation to an event, or sample_offer."),
  product: fields.product.describe(
    "The product the email is about, by name; omit to use the org's product in the physician's busiest market.",
  ),
  topic: fields.topic.describe("What to mention, in the rep's words."),
});

export type DraftOutreachOutput = OutreachDraft | ToolFailure;

export function draftOutreachTool(ctx: ToolContext) {
  return tool({
    description:
      "Draft an email to one of the rep's physicians (NPI) for a purpose (follow_up, invitation, sample_offer) about a product. Checks email consent first, uses only the org's approved claims, runs the compliance check and saves the draft. Never sends anything.",
    inputSchema: inputSchemaOf(draftOutreachToolInput),
    execute: async (input): Promise<DraftOutreachOutput> =>
      orFailure(async () => draftOutreach(ctx.db, await scopeOf(ctx), input)),
  });
}
