// An admin's product settings (sampling and its limits, active, market) and markets (their Part D drugs). The domain refuses anyone but an admin of the org.
import {
  addMarketDrug,
  brandSearchInput,
  createMarket,
  createMarketInput,
  listMarkets,
  listOrgProducts,
  marketDrugInput,
  partDBrandSuggestions,
  removeMarketDrug,
  updateProduct,
  updateProductInput,
} from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const productsRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listOrgProducts(ctx.db, ctx.scope)),
  update: protectedProcedure
    .input(updateProductInput)
    .mutation(({ ctx, input }) => updateProduct(ctx.db, ctx.scope, input)),
  markets: protectedProcedure.query(({ ctx }) => listMarkets(ctx.db, ctx.scope)),
  createMarket: protectedProcedure
    .input(createMarketInput)
    .mutation(({ ctx, input }) => createMarket(ctx.db, ctx.scope, input)),
  addMarketDrug: protectedProcedure
    .input(marketDrugInput)
    .mutation(({ ctx, input }) => addMarketDrug(ctx.db, ctx.scope, input)),
  removeMarketDrug: protectedProcedure
    .input(marketDrugInput)
    .mutation(({ ctx, input }) => removeMarketDrug(ctx.db, ctx.scope, input)),
  /** Part D brand names starting with what was typed: what a market can hold. */
  brands: protectedProcedure
    .input(brandSearchInput)
    .query(({ ctx, input }) => partDBrandSuggestions(ctx.db, ctx.scope, input)),
});
