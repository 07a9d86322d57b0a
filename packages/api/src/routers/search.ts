import { getEmbeddingModel, queryEmbedder } from "@pharmacrm/ai";
import {
  organizationSearchInput,
  physicianSearchInput,
  searchOptions,
  searchOrganizations,
  searchPhysicians,
} from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const searchRouter = createTRPCRouter({
  /** Ranked, explained, cursor-paged physician search over all public HCPs; `mine` narrows to the viewer's territories. */
  physicians: protectedProcedure
    .input(physicianSearchInput)
    .query(({ ctx, input }) =>
      searchPhysicians(ctx.db, ctx.scope, input, { embedQuery: queryEmbedder(getEmbeddingModel()) }),
    ),
  /** Organisations (hospitals, practices) by name, NPI, specialty and place: public NPPES data, no tenant rows. */
  organizations: protectedProcedure
    .input(organizationSearchInput)
    .query(({ ctx, input }) => searchOrganizations(ctx.db, ctx.scope.orgId, input)),
  /** Choices for the filters panel: specialties, lay terms, the org's markets, manufacturers. */
  options: protectedProcedure.query(({ ctx }) => searchOptions(ctx.db, ctx.scope.orgId)),
});
