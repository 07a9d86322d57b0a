// An admin's compliance library: approved claims per product and banned phrases, and a check of a sentence against
// them. The domain refuses anyone but an admin of the org.
import {
  addApprovedClaim,
  addBannedPhrase,
  addBannedPhraseInput,
  addClaimInput,
  complianceLibrary,
  removeBannedPhrase,
  removeLibraryEntryInput,
  tryComplianceCheck,
  tryDraftInput,
  withdrawApprovedClaim,
} from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const complianceRouter = createTRPCRouter({
  library: protectedProcedure.query(({ ctx }) => complianceLibrary(ctx.db, ctx.scope)),
  addClaim: protectedProcedure
    .input(addClaimInput)
    .mutation(({ ctx, input }) => addApprovedClaim(ctx.db, ctx.scope, input)),
  withdrawClaim: protectedProcedure
    .input(removeLibraryEntryInput)
    .mutation(({ ctx, input }) => withdrawApprovedClaim(ctx.db, ctx.scope, input)),
  banPhrase: protectedProcedure
    .input(addBannedPhraseInput)
    .mutation(({ ctx, input }) => addBannedPhrase(ctx.db, ctx.scope, input)),
  unbanPhrase: protectedProcedure
    .input(removeLibraryEntryInput)
    .mutation(({ ctx, input }) => removeBannedPhrase(ctx.db, ctx.scope, input)),
  /** Reads only: the check the copilot's drafts get, on a sentence the admin writes. */
  check: protectedProcedure
    .input(tryDraftInput)
    .mutation(({ ctx, input }) => tryComplianceCheck(ctx.db, ctx.scope, input)),
});
