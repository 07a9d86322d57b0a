import {
  adjustSamples,
  adjustSamplesInput,
  callIdInput,
  callReportInput,
  callWarnings,
  callWarningsInput,
  deleteCallDraft,
  getCall,
  listCalls,
  listCallsInput,
  logInteraction,
  receiveSamples,
  receiveSamplesInput,
  sampleStock,
  sampleStockInput,
  saveCallDraft,
  submitCall,
  unlockCall,
  unlockCallInput,
} from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const interactionRouter = createTRPCRouter({
  /** Save and submit in one step; a report that breaks a rule is kept as a draft and its problems returned. */
  log: protectedProcedure.input(callReportInput).mutation(({ ctx, input }) => logInteraction(ctx.db, ctx.scope, input)),
  saveDraft: protectedProcedure
    .input(callReportInput)
    .mutation(({ ctx, input }) => saveCallDraft(ctx.db, ctx.scope, input)),
  submit: protectedProcedure.input(callIdInput).mutation(({ ctx, input }) => submitCall(ctx.db, ctx.scope, input)),
  deleteDraft: protectedProcedure
    .input(callIdInput)
    .mutation(({ ctx, input }) => deleteCallDraft(ctx.db, ctx.scope, input)),
  unlock: protectedProcedure.input(unlockCallInput).mutation(({ ctx, input }) => unlockCall(ctx.db, ctx.scope, input)),
  get: protectedProcedure.input(callIdInput).query(({ ctx, input }) => getCall(ctx.db, ctx.scope, input)),
  mine: protectedProcedure.input(listCallsInput).query(({ ctx, input }) => listCalls(ctx.db, ctx.scope, input)),
  warnings: protectedProcedure
    .input(callWarningsInput)
    .query(({ ctx, input }) => callWarnings(ctx.db, ctx.scope, input)),
});

export const samplesRouter = createTRPCRouter({
  stock: protectedProcedure.input(sampleStockInput).query(({ ctx, input }) => sampleStock(ctx.db, ctx.scope, input)),
  receive: protectedProcedure
    .input(receiveSamplesInput)
    .mutation(({ ctx, input }) => receiveSamples(ctx.db, ctx.scope, input)),
  adjust: protectedProcedure
    .input(adjustSamplesInput)
    .mutation(({ ctx, input }) => adjustSamples(ctx.db, ctx.scope, input)),
});
