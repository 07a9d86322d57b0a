import { adoptionBoard, adoptionBoardInput, moveAdoption, moveAdoptionInput } from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const adoptionRouter = createTRPCRouter({
  /** One product's board: the viewer's territories' physicians by stage. */
  board: protectedProcedure
    .input(adoptionBoardInput)
    .query(({ ctx, input }) => adoptionBoard(ctx.db, ctx.scope, input)),
  move: protectedProcedure
    .input(moveAdoptionInput)
    .mutation(({ ctx, input }) => moveAdoption(ctx.db, ctx.scope, input)),
});
