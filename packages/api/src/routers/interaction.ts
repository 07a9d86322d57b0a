import {
  callWarnings,
  callWarningsInput,
  listCalls,
  listCallsInput,
  logInteraction,
  logInteractionInput,
} from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const interactionRouter = createTRPCRouter({
  log: protectedProcedure
    .input(logInteractionInput)
    .mutation(({ ctx, input }) => logInteraction(ctx.db, ctx.scope, input)),
  mine: protectedProcedure.input(listCallsInput).query(({ ctx, input }) => listCalls(ctx.db, ctx.scope, input)),
  warnings: protectedProcedure
    .input(callWarningsInput)
    .query(({ ctx, input }) => callWarnings(ctx.db, ctx.scope, input)),
});
