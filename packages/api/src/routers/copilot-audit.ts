// The copilot's audit trail for compliance reviews: every turn with its user, model, input hash, tool calls,
// approvals and NBA confidences. Admins only, and only their own org's turns. Export as CSV or JSON.
import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { appUser, copilotTurn, type Db } from "@pharmacrm/db";
import { calendarDate } from "@pharmacrm/domain";
import { createTRPCRouter } from "../trpc";
import { adminProcedure } from "./admin-procedure";
import { exportFile } from "./csv";
import { auditTurnOf, EXPORT_LIMIT, toCsv, type AuditTurn } from "./copilot-audit-format";

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
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The first day must not be after the last day", path: ["to"] });

export const auditListInput = auditFilterInput.and(
  z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(25) }),
);

export const auditExportInput = auditFilterInput.and(z.object({ format: z.enum(["csv", "json"]) }));

function whereTurns(orgId: string, filter: z.infer<typeof auditFilterInput>): SQL {
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000);
  return and(
    eq(copilotTurn.orgId, orgId),
    filter.userId ? eq(copilotTurn.userId, filter.userId) : undefined,
    filter.from ? gte(copilotTurn.startedAt, new Date(`${filter.from}T00:00:00Z`)) : undefined,
    filter.to ? lt(copilotTurn.startedAt, nextDay(filter.to)) : undefined,
  )!;
}

async function auditTurns(db: Db, where: SQL, limit: number, offset = 0): Promise<AuditTurn[]> {
  const rows = await db
    .select({ turn: copilotTurn, userName: appUser.name, userEmail: appUser.email })
    .from(copilotTurn)
    .innerJoin(appUser, eq(appUser.id, copilotTurn.userId))
    .where(where)
    .orderBy(desc(copilotTurn.startedAt), desc(copilotTurn.id))
    .limit(limit)
    .offset(offset);
  return rows.map(auditTurnOf);
}

export const copilotAuditRouter = createTRPCRouter({
  list: adminOnly.input(auditListInput).query(async ({ ctx, input }) => {
    const where = whereTurns(ctx.viewer.orgId, input);
    const [items, [total]] = await Promise.all([
      auditTurns(ctx.db, where, input.pageSize, (input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(copilotTurn).where(where),
    ]);
    return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
  }),

  /** The people of the org who have used the copilot, for the filter. */
  users: adminOnly.query(({ ctx }) =>
    ctx.db
      .selectDistinct({ id: appUser.id, name: appUser.name, email: appUser.email })
      .from(copilotTurn)
      .innerJoin(appUser, eq(appUser.id, copilotTurn.userId))
      .where(eq(copilotTurn.orgId, ctx.viewer.orgId))
      .orderBy(appUser.name, appUser.email),
  ),

  /** The matching turns, newest first, as a file body; at most EXPORT_LIMIT turns (narrow the dates for more). */
  export: adminOnly.input(auditExportInput).mutation(async ({ ctx, input }) => {
    const where = whereTurns(ctx.viewer.orgId, input);
    const [turns, [total]] = await Promise.all([
      auditTurns(ctx.db, where, EXPORT_LIMIT),
      ctx.db.select({ n: count() }).from(copilotTurn).where(where),
    ]);
    return {
      ...exportFile("copilot-audit", input.format, { csv: () => toCsv(turns), json: () => turns }),
      exported: turns.length,
      total: total?.n ?? 0,
    };
  }),
});
