import {
  hcpFacets,
  hcpIdentity,
  hcpListInput,
  hcpProfile,
  listHcps,
  npiInput,
  setHcpAttributes,
  setHcpAttributesInput,
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
});
