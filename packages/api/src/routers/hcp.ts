import {
  accountListInput,
  accountNpis,
  accountNpisInput,
  accountVocabulary,
  hcpFacets,
  hcpIdentity,
  hcpListInput,
  hcpProfile,
  importAccounts,
  importAccountsInput,
  listAccounts,
  listHcps,
  npiInput,
  restoreAccounts,
  restoreAccountsInput,
  setHcpAttributes,
  setHcpAttributesInput,
  updateAccounts,
  updateAccountsInput,
} from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const hcpRouter = createTRPCRouter({
  list: protectedProcedure.input(hcpListInput).query(({ ctx, input }) => listHcps(ctx.db, ctx.scope, input)),
  facets: protectedProcedure.query(({ ctx }) => hcpFacets(ctx.db)),
  identity: protectedProcedure.input(npiInput).query(({ ctx, input }) => hcpIdentity(ctx.db, input.npi)),
  byNpi: protectedProcedure.input(npiInput).query(({ ctx, input }) => hcpProfile(ctx.db, ctx.scope, input.npi)),
  setAttributes: protectedProcedure
    .input(setHcpAttributesInput)
    .mutation(({ ctx, input }) => setHcpAttributes(ctx.db, ctx.scope, input)),
  /** My accounts: the viewer's territories' physicians with the org's fields, last call, next task, consent. */
  accounts: protectedProcedure
    .input(accountListInput)
    .query(({ ctx, input }) => listAccounts(ctx.db, ctx.scope, input)),
  accountNpis: protectedProcedure
    .input(accountNpisInput)
    .query(({ ctx, input }) => accountNpis(ctx.db, ctx.scope, input)),
  accountVocabulary: protectedProcedure.query(({ ctx }) => accountVocabulary(ctx.db, ctx.scope)),
  updateAccounts: protectedProcedure
    .input(updateAccountsInput)
    .mutation(({ ctx, input }) => updateAccounts(ctx.db, ctx.scope, input)),
  /** An accounts file: a dry run, or (apply) the change; rows set aside with line, column and reason. */
  importAccounts: protectedProcedure
    .input(importAccountsInput)
    .mutation(({ ctx, input }) => importAccounts(ctx.db, ctx.scope, input)),
  restoreAccounts: protectedProcedure
    .input(restoreAccountsInput)
    .mutation(({ ctx, input }) => restoreAccounts(ctx.db, ctx.scope, input)),
});
