import { z } from "zod";

import {
  callPlanDetail,
  callPlanIdInput,
  createCallPlan,
  createCallPlanInput,
  deleteCallPlan,
  importPlanTargets,
  importPlanTargetsInput,
  listCallPlans,
  listCallPlansInput,
  plannableTerritories,
  setPlanTargets,
  setPlanTargetsInput,
  setTargetsByTier,
  setTargetsByTierInput,
  territoryTiers,
  updateCallPlan,
  updateCallPlanInput,
} from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

const planIdInput = z.object({ planId: callPlanIdInput.shape.id });

export const callPlanRouter = createTRPCRouter({
  list: protectedProcedure.input(listCallPlansInput).query(({ ctx, input }) => listCallPlans(ctx.db, ctx.scope, input)),
  detail: protectedProcedure.input(callPlanIdInput).query(({ ctx, input }) => callPlanDetail(ctx.db, ctx.scope, input)),
  territories: protectedProcedure.query(({ ctx }) => plannableTerritories(ctx.db, ctx.scope)),
  tiers: protectedProcedure
    .input(planIdInput)
    .query(({ ctx, input }) => territoryTiers(ctx.db, ctx.scope, input.planId)),
  create: protectedProcedure
    .input(createCallPlanInput)
    .mutation(({ ctx, input }) => createCallPlan(ctx.db, ctx.scope, input)),
  update: protectedProcedure
    .input(updateCallPlanInput)
    .mutation(({ ctx, input }) => updateCallPlan(ctx.db, ctx.scope, input)),
  delete: protectedProcedure
    .input(callPlanIdInput)
    .mutation(({ ctx, input }) => deleteCallPlan(ctx.db, ctx.scope, input)),
  setTargets: protectedProcedure
    .input(setPlanTargetsInput)
    .mutation(({ ctx, input }) => setPlanTargets(ctx.db, ctx.scope, input)),
  setByTier: protectedProcedure
    .input(setTargetsByTierInput)
    .mutation(({ ctx, input }) => setTargetsByTier(ctx.db, ctx.scope, input)),
  import: protectedProcedure
    .input(importPlanTargetsInput)
    .mutation(({ ctx, input }) => importPlanTargets(ctx.db, ctx.scope, input)),
});
