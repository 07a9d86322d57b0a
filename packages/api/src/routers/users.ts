// An org admin's people screen: invitations and password links, lockouts, roles, territories, disabling, a lost authenticator, and the org's rules
// (two-step verification for admins, the call reports' back-dating limit).
// The domain functions refuse anyone but an admin of the same org, so the procedures need no role check of their own.
import { env } from "@pharmacrm/config/env";
import {
  callReportPolicy,
  changeUserRole,
  changeUserRoleInput,
  inviteUser,
  inviteUserInput,
  issuePasswordLink,
  listOrgRegions,
  listOrgTerritories,
  listOrgUsers,
  mfaPolicy,
  passwordLinkInput,
  resetUserMfa,
  resetUserMfaInput,
  setCallBackdateDays,
  setCallBackdateInput,
  setMfaPolicy,
  setMfaPolicyInput,
  setUserDisabled,
  setUserDisabledInput,
  setUserTerritories,
  setUserTerritoriesInput,
  unlockUser,
  unlockUserInput,
} from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const usersRouter = createTRPCRouter({
  list: protectedProcedure.query(async ({ ctx }) => {
    const [users, regions, territories, policy, callPolicy] = await Promise.all([
      listOrgUsers(ctx.db, ctx.scope),
      listOrgRegions(ctx.db, ctx.scope),
      listOrgTerritories(ctx.db, ctx.scope),
      mfaPolicy(ctx.db, ctx.scope),
      callReportPolicy(ctx.db, ctx.scope),
    ]);
    return { users, regions, territories, policy, callPolicy, me: ctx.viewer.userId };
  }),
  /** A new person with no password yet; the result carries the one-time link's token, shown to the admin once. */
  invite: protectedProcedure
    .input(inviteUserInput)
    .mutation(({ ctx, input }) => inviteUser(ctx.db, ctx.scope, input, { reservedEmails: env().PLATFORM_OPERATORS })),
  /** A link for a user to set a new password (or their first, if the invitation lapsed). */
  passwordLink: protectedProcedure
    .input(passwordLinkInput)
    .mutation(({ ctx, input }) => issuePasswordLink(ctx.db, ctx.scope, input)),
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
  setTerritories: protectedProcedure
    .input(setUserTerritoriesInput)
    .mutation(({ ctx, input }) => setUserTerritories(ctx.db, ctx.scope, input)),
  setCallBackdate: protectedProcedure
    .input(setCallBackdateInput)
    .mutation(({ ctx, input }) => setCallBackdateDays(ctx.db, ctx.scope, input)),
  setMfaPolicy: protectedProcedure
    .input(setMfaPolicyInput)
    .mutation(({ ctx, input }) => setMfaPolicy(ctx.db, ctx.scope, input)),
});
