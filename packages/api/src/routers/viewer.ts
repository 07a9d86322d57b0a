import { inArray } from "drizzle-orm";

import { territory } from "@pharmacrm/db";
import { listMyOpenTasks, listProducts, physicianWithEmailConsent } from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const viewerRouter = createTRPCRouter({
  me: protectedProcedure.query(async ({ ctx: { db, viewer, scope } }) => {
    const territories =
      scope.territoryIds && scope.territoryIds.length > 0
        ? await db
            .select({ id: territory.id, code: territory.code, name: territory.name })
            .from(territory)
            .where(inArray(territory.id, scope.territoryIds))
            .orderBy(territory.name)
        : [];
    return { ...viewer, territories, wholeOrg: scope.territoryIds === null };
  }),
  products: protectedProcedure.query(({ ctx }) => listProducts(ctx.db, ctx.scope)),
  openTasks: protectedProcedure.query(({ ctx }) => listMyOpenTasks(ctx.db, ctx.scope)),
  /** A physician of the viewer's with email consent in force: the suggested draft names them. */
  emailablePhysician: protectedProcedure.query(({ ctx }) => physicianWithEmailConsent(ctx.db, ctx.scope)),
});
