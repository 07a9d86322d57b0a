// The copilot's audit trail for compliance reviews: every turn with its user, model, input hash, tool calls,
// approvals and NBA confidences. Admins only, and only their own org's turns (the queries are @pharmacrm/domain's,
// copilot/audit.ts). Export as CSV or JSON.
import { z } from "zod";

import { calendarDate, copilotAuditUsers, exportCopilotTurns, listCopilotTurns } from "@pharmacrm/domain";

import { createTRPCRouter } from "../trpc";
import { adminProcedure } from "./admin-procedure";
import { toCsv } from "./copilot-audit-format";
import { exportFile } from "./csv";

const adminOnly = adminProcedure("Only admins can review the copilot's audit trail.");

// A real day within the supported years: year 0 or 9999 would reach the database and answer 500.
const day = (label: string) => calendarDate(label, "Use a date like 2026-11-23");

export const auditFilterInput = z
  .object({
    userId: z.uuid("Not a user id").optional(),
    /** Inclusive first day and last day (UTC). */
    from: day("The first day").optional(),
    to: day("The last day").optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The first day must not be after the last day",
    path: ["to"],
  });

export const auditListInput = auditFilterInput.and(
  z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(25) }),
);

export const auditExportInput = auditFilterInput.and(z.object({ format: z.enum(["csv", "json"]) }));

export const copilotAuditRouter = createTRPCRouter({
  list: adminOnly.input(auditListInput).query(({ ctx, input }) => listCopilotTurns(ctx.db, ctx.scope, input)),

  /** The people of the org who have used the copilot, for the filter. */
  users: adminOnly.query(({ ctx }) => copilotAuditUsers(ctx.db, ctx.scope)),

  /** The matching turns, newest first, as a file body; at most COPILOT_AUDIT_EXPORT_LIMIT turns (narrow the dates for more). */
  export: adminOnly.input(auditExportInput).mutation(async ({ ctx, input }) => {
    const { turns, total } = await exportCopilotTurns(ctx.db, ctx.scope, input);
    return {
      ...exportFile("copilot-audit", input.format, { csv: () => toCsv(turns), json: () => turns }),
      exported: turns.length,
      total,
    };
  }),
});
