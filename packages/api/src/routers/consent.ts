import { recordConsent, recordConsentInput } from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const consentRouter = createTRPCRouter({
  record: protectedProcedure
    .input(recordConsentInput)
    .mutation(({ ctx, input }) => recordConsent(ctx.db, ctx.scope, input)),
});
