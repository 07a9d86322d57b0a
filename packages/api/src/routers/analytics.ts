// Analytics for the screens: a semantic query run within the caller's scope (the same compiler as the copilot's
// queryAnalytics tool), the model's members for the pickers, and the questions a person pins to their dashboard.
import {
  DIMENSIONS,
  listPins,
  MEASURES,
  movePin,
  movePinInput,
  pinIdInput,
  pinInput,
  pinQuestion,
  runAnalytics,
  semanticQuery,
  unpinQuestion,
} from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

const members = (record: Record<string, { title: string; description: string; cubes?: readonly string[] }>) =>
  Object.entries(record).map(([name, m]) => ({
    name,
    title: m.title,
    description: m.description,
    cubes: m.cubes ?? [],
  }));

export const analyticsRouter = createTRPCRouter({
  run: protectedProcedure.input(semanticQuery).query(({ ctx, input }) => runAnalytics(ctx.db, ctx.scope, input)),
  model: protectedProcedure.query(() => ({ measures: members(MEASURES), dimensions: members(DIMENSIONS) })),
  pins: protectedProcedure.query(({ ctx }) => listPins(ctx.db, ctx.scope)),
  pin: protectedProcedure.input(pinInput).mutation(({ ctx, input }) => pinQuestion(ctx.db, ctx.scope, input)),
  unpin: protectedProcedure.input(pinIdInput).mutation(({ ctx, input }) => unpinQuestion(ctx.db, ctx.scope, input)),
  movePin: protectedProcedure.input(movePinInput).mutation(({ ctx, input }) => movePin(ctx.db, ctx.scope, input)),
});
