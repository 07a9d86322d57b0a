// An org admin's people screen: lockouts, roles, disabling, a lost authenticator, and the org's MFA rule.
// The domain functions refuse anyone but an admin of the same org, so the procedures need no role check of their own.
import {
  changeUserRole,
  changeUserRoleInput,
  listOrgRegions,
  listOrgUsers,
  mfaPolicy,
  resetUserMfa,
  resetUserMfaInput,
  setMfaPolicy,
  setMfaPolicyInput,
  setUserDisabled,
  setUserDisabledInput,
  unlockUser,
  unlockUserInput,
} from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const usersRouter = createTRPCRouter({
  list: protectedProcedure.query(async ({ ctx }) => {
    const [users, regions, policy] = await Promise.all([
      listOrgUsers(ctx.db, ctx.scope),
      listOrgRegions(ctx.db, ctx.scope),
      mfaPolicy(ctx.db, ctx.scope),
    ]);
    return { users, regions, policy, me: ctx.viewer.userId };
  }),
  unlock: protectedProcedure.input(unlockUserInput).mutation(({ ctx, input }) => unlockUser(ctx.db, ctx.scope, input)),
  changeRole: protectedProcedure
    .input(changeUserRoleInput)
    .mutation(({ ctx, input }) => changeUserRole(ctx.db, ctx.scope, input)),
  setDisabled: protectedProcedure
    .input(setUserDisabledInput)
    .mutation(({ ctx, input }) => setUserDisabled(ctx.db, ctx.scope, input)),
  resetMfa: protectedProcedure
    .input(resetUserMfaInput)
    .mutation(({ ctx, input }) => resetUserMfa(ctx.db, ctx.scope, input)),
  setMfaPolicy: protectedProcedure
    .input(setMfaPolicyInput)
    .mutation(({ ctx, input }) => setMfaPolicy(ctx.db, ctx.scope, input)),
});
