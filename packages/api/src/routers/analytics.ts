// Analytics for the screens: a semantic query run within the caller's scope (the same compiler as the copilot's
// queryAnalytics tool), the model's members for the pickers, and the questions a person pins to their dashboard.
import {
  certifyInput,
  certifyQuestion,
  CUBES,
  DIMENSIONS,
  listPins,
  listSharedQuestions,
  MEASURES,
  movePin,
  movePinInput,
  pinIdInput,
  pinInput,
  pinQuestion,
  runAnalytics,
  semanticQuery,
  shareInput,
  shareQuestion,
  unpinQuestion,
  type CubeName,
} from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

/** The model for the pickers: each source, its measures (with their format) and the dimensions that break it down. */
const model = {
  cubes: Object.entries(CUBES).map(([name, c]) => ({ name: name as CubeName, title: c.title, source: c.source })),
  measures: Object.entries(MEASURES).map(([name, m]) => ({
    name,
    title: m.title,
    description: m.description,
    cube: m.cube,
    format: m.format,
  })),
  dimensions: Object.entries(DIMENSIONS).map(([name, d]) => ({
    name,
    title: d.title,
    description: d.description,
    cubes: d.cubes as readonly CubeName[],
    type: d.type,
  })),
};

export const analyticsRouter = createTRPCRouter({
  run: protectedProcedure.input(semanticQuery).query(({ ctx, input }) => runAnalytics(ctx.db, ctx.scope, input)),
  model: protectedProcedure.query(() => model),
  pins: protectedProcedure.query(({ ctx }) => listPins(ctx.db, ctx.scope)),
  pin: protectedProcedure.input(pinInput).mutation(({ ctx, input }) => pinQuestion(ctx.db, ctx.scope, input)),
  unpin: protectedProcedure.input(pinIdInput).mutation(({ ctx, input }) => unpinQuestion(ctx.db, ctx.scope, input)),
  movePin: protectedProcedure.input(movePinInput).mutation(({ ctx, input }) => movePin(ctx.db, ctx.scope, input)),
  shared: protectedProcedure.query(({ ctx }) => listSharedQuestions(ctx.db, ctx.scope)),
  share: protectedProcedure.input(shareInput).mutation(({ ctx, input }) => shareQuestion(ctx.db, ctx.scope, input)),
  certify: protectedProcedure
    .input(certifyInput)
    .mutation(({ ctx, input }) => certifyQuestion(ctx.db, ctx.scope, input)),
});
