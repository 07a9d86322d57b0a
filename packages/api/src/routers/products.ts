// An admin's product settings (sampling and its limits, active). The domain refuses anyone but an admin of the org.
import { listOrgProducts, updateProduct, updateProductInput } from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const productsRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listOrgProducts(ctx.db, ctx.scope)),
  update: protectedProcedure
    .input(updateProductInput)
    .mutation(({ ctx, input }) => updateProduct(ctx.db, ctx.scope, input)),
});
