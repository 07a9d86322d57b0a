// teamFocus: where a manager's team should focus — for each rep in the viewer's scope, top-decile HCPs not called in
// 60 days, calls in the last four weeks against the four before, overdue tasks, the biggest gap named and the HCPs
// behind it. A rep sees their own line.
import { tool } from "ai";
import { z } from "zod";

import { teamFocus, type TeamFocus } from "@pharmacrm/domain";

import { inputSchemaOf, orFailure, scopeOf, type ToolContext, type ToolFailure } from "./result";

export const teamFocusInput = z.object({}).strict();

export type TeamFocusResult = TeamFocus & { status: "ok" };
export type TeamFocusOutput = TeamFocusResult | ToolFailure;

export function teamFocusTool(ctx: ToolContext) {
  return tool({
    description:
      "Where the signed-in manager's team should focus: for each rep in their scope, top-decile HCPs (deciles 8–10) not called in 60 days, calls in the last 4 weeks against the 4 before, overdue tasks, the biggest gap in words and the top-decile HCPs not seen longest. Use it for 'where should my team focus', 'which reps need help', and a manager's 'where should I focus today'. Never state a figure that is not in the result.",
    inputSchema: inputSchemaOf(teamFocusInput),
    execute: async (): Promise<TeamFocusOutput> =>
      orFailure(async () => ({ status: "ok" as const, ...(await teamFocus(ctx.db, await scopeOf(ctx), ctx.now)) })),
  });
}
