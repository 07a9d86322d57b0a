// repScorecard: "how is Kevin Walsh doing?" — the rep's last 90 days (calls, reach, frequency, coverage of deciles
// 8–10, overdue tasks, each product's Part D share in their territories) beside their team's, within the viewer's
// scope. A rep sees only their own card.
import { tool } from "ai";
import { z } from "zod";

import { RELATIVE_RANGES, repScorecard, type RepScorecard } from "@pharmacrm/domain";

import { inputSchemaOf, orFailure, scopeOf, type ToolContext, type ToolFailure } from "./result";

export const repScorecardInput = z
  .object({
    rep: z
      .string()
      .trim()
      .min(1, "Name the rep.")
      .max(80)
      .optional()
      .describe("The rep's full name, as the org has it; left out, the signed-in rep's own card"),
    period: z.enum(RELATIVE_RANGES).optional().describe("The period counted; the last 90 days when not given"),
  })
  .strict();

export type RepScorecardResult = RepScorecard & { status: "ok" };
export type RepScorecardOutput = RepScorecardResult | ToolFailure;

export function repScorecardTool(ctx: ToolContext) {
  return tool({
    description:
      "A rep's scorecard for 'how is <rep> doing (this quarter)?': a period's (default the last 90 days) calls, HCPs reached, call frequency, coverage of deciles 8–10 and overdue tasks, and each product's Part D market share in the rep's territories — each beside the team's figure (per rep for counts, the whole team's for rates). Only reps in the signed-in person's scope; a rep sees only their own. Never state a figure that is not in the result.",
    inputSchema: inputSchemaOf(repScorecardInput),
    execute: async (input): Promise<RepScorecardOutput> =>
      orFailure(async () => ({
        status: "ok" as const,
        ...(await repScorecard(ctx.db, await scopeOf(ctx), input.rep ?? null, ctx.now, input.period)),
      })),
  });
}
