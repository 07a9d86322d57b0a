import {
  acceptNextBestAction,
  acceptNextBestActionInput,
  dismissNextBestAction,
  dismissNextBestActionInput,
  nextBestActions,
  nextBestActionsInput,
} from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const nbaRouter = createTRPCRouter({
  list: protectedProcedure
    .input(nextBestActionsInput)
    .query(({ ctx, input }) => nextBestActions(ctx.db, ctx.scope, input)),
  /** Records the suggestion as scored now; it leaves the viewer's list for DECISION_QUIET_DAYS. */
  accept: protectedProcedure
    .input(acceptNextBestActionInput)
    .mutation(({ ctx, input }) => acceptNextBestAction(ctx.db, ctx.scope, input)),
  dismiss: protectedProcedure
    .input(dismissNextBestActionInput)
    .mutation(({ ctx, input }) => dismissNextBestAction(ctx.db, ctx.scope, input)),
});
