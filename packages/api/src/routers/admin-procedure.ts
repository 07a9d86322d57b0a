// The one gate for admin screens: an org's administrators (the audit screens), and where a screen says so, platform
// operators too (the Data screen). Scope stays the viewer's own org: every query filters by ctx.viewer.orgId.
import { TRPCError } from "@trpc/server";

import { isPlatformOperator } from "@pharmacrm/jobs";

import { protectedProcedure } from "../trpc";

export const adminProcedure = (refusal: string, admits: { platformOperators?: boolean } = {}) =>
  protectedProcedure.use(({ ctx, next }) => {
    const admitted =
      ctx.viewer.role === "admin" || (admits.platformOperators === true && isPlatformOperator(ctx.viewer));
    if (!admitted) throw new TRPCError({ code: "FORBIDDEN", message: refusal });
    return next();
  });
