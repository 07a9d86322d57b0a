// Procedures for an org's administrators: the audit screens. (The Data screen also admits platform operators and
// has its own.) Scope stays the admin's own org: every query filters by ctx.viewer.orgId.
import { TRPCError } from "@trpc/server";
import { protectedProcedure } from "../trpc";

export const adminOnlyProcedure = (refusal: string) =>
  protectedProcedure.use(({ ctx, next }) => {
    if (ctx.viewer.role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: refusal });
    return next();
  });
