// An admin's regions, territories and ZIP alignment (dry run, then apply). The domain refuses anyone but an admin
// of the org.
import { z } from "zod";

import {
  alignmentInput,
  applyAlignment,
  applyAlignmentInput,
  closeTerritory,
  closeTerritoryInput,
  createRegion,
  createRegionInput,
  createTerritory,
  createTerritoryInput,
  listRegionsAndTerritories,
  previewAlignment,
  renameRegion,
  renameRegionInput,
  territoryDetail,
  updateTerritory,
  updateTerritoryInput,
} from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const territoriesRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listRegionsAndTerritories(ctx.db, ctx.scope)),
  get: protectedProcedure
    .input(z.object({ id: z.uuid("Not a territory id") }))
    .query(({ ctx, input }) => territoryDetail(ctx.db, ctx.scope, input.id)),
  createRegion: protectedProcedure
    .input(createRegionInput)
    .mutation(({ ctx, input }) => createRegion(ctx.db, ctx.scope, input)),
  renameRegion: protectedProcedure
    .input(renameRegionInput)
    .mutation(({ ctx, input }) => renameRegion(ctx.db, ctx.scope, input)),
  create: protectedProcedure
    .input(createTerritoryInput)
    .mutation(({ ctx, input }) => createTerritory(ctx.db, ctx.scope, input)),
  update: protectedProcedure
    .input(updateTerritoryInput)
    .mutation(({ ctx, input }) => updateTerritory(ctx.db, ctx.scope, input)),
  close: protectedProcedure
    .input(closeTerritoryInput)
    .mutation(({ ctx, input }) => closeTerritory(ctx.db, ctx.scope, input)),
  previewAlignment: protectedProcedure
    .input(alignmentInput)
    .mutation(({ ctx, input }) => previewAlignment(ctx.db, ctx.scope, input)),
  applyAlignment: protectedProcedure
    .input(applyAlignmentInput)
    .mutation(({ ctx, input }) => applyAlignment(ctx.db, ctx.scope, input)),
});
