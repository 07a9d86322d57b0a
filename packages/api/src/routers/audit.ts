// The org's audit trail for its admins: every recorded change with who, what and when, filtered and paged, exported
// as CSV or JSON, its hash chain verified (the queries are @pharmacrm/domain's, audit-trail/trail.ts); and erasure of
// a person (an HCP's tenant data, or a former user).
import { z } from "zod";

import {
  auditTrailFacets,
  calendarDate,
  checkAuditTrail,
  erasePerson,
  erasePersonInput,
  exportAuditTrail,
  listAuditTrail,
  plainText,
} from "@pharmacrm/domain";

import { createTRPCRouter } from "../trpc";
import { adminProcedure } from "./admin-procedure";
import { auditTrailCsv } from "./audit-format";
import { exportFile } from "./csv";

const adminOnly = adminProcedure("Only admins can review the audit trail.");

// A real day within the supported years: year 0 or 9999 would reach the database and answer 500.
const day = (label: string) => calendarDate(label, "Use a date like 2026-11-23");
const word = (label: string, max: number) => plainText(label).min(1).max(max).optional();

export const auditTrailFilter = z
  .object({
    actorId: z.uuid("Not a user id").optional(),
    action: word("The action", 64),
    entityType: word("The record type", 64),
    entityId: word("The record id", 200),
    /** Inclusive first and last day (UTC). */
    from: day("The first day").optional(),
    to: day("The last day").optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The first day must not be after the last day",
    path: ["to"],
  });

export const auditTrailListInput = auditTrailFilter.and(
  z.object({
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(100).default(25),
  }),
);

export const auditTrailExportInput = auditTrailFilter.and(z.object({ format: z.enum(["csv", "json"]) }));

export const auditRouter = createTRPCRouter({
  list: adminOnly.input(auditTrailListInput).query(({ ctx, input }) => listAuditTrail(ctx.db, ctx.scope, input)),

  /** What the filters offer: the org's people (former and erased ones too), and the actions and record types seen. */
  facets: adminOnly.query(({ ctx }) => auditTrailFacets(ctx.db, ctx.scope)),

  /** The matching events, newest first, as a file body; at most AUDIT_EXPORT_LIMIT (narrow the filter for more). */
  export: adminOnly.input(auditTrailExportInput).mutation(async ({ ctx, input }) => {
    const { events, total } = await exportAuditTrail(ctx.db, ctx.scope, input);
    return {
      ...exportFile("audit-trail", input.format, { csv: () => auditTrailCsv(events), json: () => events }),
      exported: events.length,
      total,
    };
  }),

  /** Recomputes the org's hash chain: "chain intact (N events)" or the first broken link. */
  verify: adminOnly.query(({ ctx }) => checkAuditTrail(ctx.db, ctx.scope)),

  /** Erasure by anonymisation (see @pharmacrm/domain erasePerson); the admin retypes the NPI or email to confirm. */
  erase: adminOnly.input(erasePersonInput).mutation(({ ctx, input }) => erasePerson(ctx.db, ctx.scope, input)),
});
