import { and, inArray, isNull } from "drizzle-orm";

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
            // A manager's scope keeps its region's closed territories (their history); the header names open ones.
            .where(and(inArray(territory.id, scope.territoryIds), isNull(territory.closedAt)))
            .orderBy(territory.name)
        : [];
    return { ...viewer, territories, wholeOrg: scope.territoryIds === null };
  }),
  products: protectedProcedure.query(({ ctx }) => listProducts(ctx.db, ctx.scope)),
  openTasks: protectedProcedure.query(({ ctx }) => listMyOpenTasks(ctx.db, ctx.scope)),
  /** A physician of the viewer's with email consent in force: the suggested draft names them. */
  emailablePhysician: protectedProcedure.query(({ ctx }) => physicianWithEmailConsent(ctx.db, ctx.scope)),
});
