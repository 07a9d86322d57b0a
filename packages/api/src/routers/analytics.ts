// Analytics for the screens: a semantic query run within the caller's scope (the same compiler as the copilot's
// queryAnalytics tool), and the model's members for the pickers.
import { DIMENSIONS, MEASURES, runAnalytics, semanticQuery } from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

const members = (record: Record<string, { title: string; description: string }>) =>
  Object.entries(record).map(([name, m]) => ({ name, title: m.title, description: m.description }));

export const analyticsRouter = createTRPCRouter({
  run: protectedProcedure.input(semanticQuery).query(({ ctx, input }) => runAnalytics(ctx.db, ctx.scope, input)),
  model: protectedProcedure.query(() => ({ measures: members(MEASURES), dimensions: members(DIMENSIONS) })),
});
