// prepareCallBrief: everything a rep wants before a call with one of their HCPs, from domain/brief. Only for HCPs
// in the viewer's territories (admins: any).
import { tool } from "ai";
import { z } from "zod";

import { npiInput, prepareCallBrief, type CallBrief } from "@pharmacrm/domain";

import { inputSchemaOf, orFailure, scopeOf, type ToolContext, type ToolFailure } from "./result";

export const prepareCallBriefInput = z.object({ npi: npiInput.shape.npi.describe("The physician's 10-digit NPI.") });

export type PrepareCallBriefOutput = CallBrief | ToolFailure;

export function prepareCallBriefTool(ctx: ToolContext) {
  return tool({
    description:
      "A call brief for one of the rep's physicians (NPI): what changed since the rep's last interaction, prescribing trend in the org's markets, payments, consent, open tasks, last notes, talking points and next actions. Every figure names its source.",
    inputSchema: inputSchemaOf(prepareCallBriefInput),
    execute: async ({ npi }): Promise<PrepareCallBriefOutput> =>
      orFailure(async () => prepareCallBrief(ctx.db, await scopeOf(ctx), npi, ctx.now)),
  });
}
