import { logInteraction, logInteractionInput } from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const interactionRouter = createTRPCRouter({
  log: protectedProcedure
    .input(logInteractionInput)
    .mutation(({ ctx, input }) => logInteraction(ctx.db, ctx.scope, input)),
});
