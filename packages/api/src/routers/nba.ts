import { nextBestActions, nextBestActionsInput } from "@pharmacrm/domain";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const nbaRouter = createTRPCRouter({
  list: protectedProcedure.input(nextBestActionsInput).query(({ ctx, input }) => nextBestActions(ctx.db, ctx.scope, input)),
});
