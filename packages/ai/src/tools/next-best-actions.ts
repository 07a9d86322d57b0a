// nextBestActions: ranked, explained suggestions (call, email, sample, follow-up) for the rep's HCPs or one HCP,
// from domain/nba. Each reason carries its figure and source in words ("400 claims in your markets (Part D 2023)").
import { tool } from "ai";
import { z } from "zod";

import { hcpInReach, nextBestActions, npiInput, type FigureSource, type NbaSuggestion } from "@pharmacrm/domain";

import {
  hcpLink,
  inputSchemaOf,
  orFailure,
  referenceSources,
  scopeOf,
  type ToolContext,
  type ToolFailure,
} from "./result";

export const nextBestActionsToolInput = z.object({
  npi: npiInput.shape.npi.optional().describe("One physician's suggestions; omit for the rep's whole book."),
  limit: z.number().int().min(1).max(20).default(5),
});

export interface NextBestActionsResult {
  status: "ok";
  /** The day scored (YYYY-MM-DD). */
  asOf: string;
  /** HCPs considered. */
  considered: number;
  suggestions: (NbaSuggestion & { link: string })[];
  /** How the score is made, in one line, for the card's footer. */
  method: string;
  /** Where the evidence was read: Part D and Open Payments (latest loaded years) and the org's own records as of today. */
  sources: FigureSource[];
}

export type NextBestActionsOutput = NextBestActionsResult | ToolFailure;

export function nextBestActionsTool(ctx: ToolContext) {
  return tool({
    description:
      "Ranked next-best actions (call, email, sample, follow-up task) for the rep's physicians, or for one physician by NPI, each with its reasons and a confidence from 0 to 1.",
    inputSchema: inputSchemaOf(nextBestActionsToolInput),
    execute: async ({ npi, limit }): Promise<NextBestActionsOutput> =>
      orFailure(async () => {
        const scope = await scopeOf(ctx);
        if (npi) {
          const reach = await hcpInReach(ctx.db, scope, npi);
          if (reach.status !== "ok") return reach;
        }
        const [result, reference] = await Promise.all([
          nextBestActions(ctx.db, scope, { npi, limit }, ctx.now),
          referenceSources(ctx.db, ["part_d", "open_payments"]),
        ]);
        const tenant = (table: string): FigureSource => ({ table, period: result.asOf, release: null });
        return {
          status: "ok" as const,
          asOf: result.asOf,
          considered: result.considered,
          suggestions: result.suggestions.map((s) => ({ ...s, link: hcpLink(s.npi) })),
          method:
            "Points for market claims and their trend (Part D), the org's share, days since the last interaction, overdue tasks, email consent and Open Payments; confidence is the share of that evidence on record.",
          sources: [...reference, tenant("interaction"), tenant("task"), tenant("consent_record")],
        };
      }),
  });
}
