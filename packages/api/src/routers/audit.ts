// The org's audit trail for its admins: every recorded change with who, what and when, filtered and paged, exported
// as CSV or JSON, its hash chain verified; and erasure of a person (an HCP's tenant data, or a former user).
import { and, asc, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { appUser, auditEvent, type Db } from "@pharmacrm/db";
import { calendarDate, describeChain, erasePerson, erasePersonInput, ERASED_USER_NAME, plainText, verifyAuditChain } from "@pharmacrm/domain";
import { createTRPCRouter } from "../trpc";
import { adminProcedure } from "./admin-procedure";
import { exportFile } from "./csv";
import { AUDIT_EXPORT_LIMIT, auditTrailCsv, auditTrailEventOf, type AuditTrailEvent } from "./audit-format";

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
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The first day must not be after the last day", path: ["to"] });

export const auditTrailListInput = auditTrailFilter.and(
  z.object({ page: z.number().int().min(1).max(100_000).default(1), pageSize: z.number().int().min(1).max(100).default(25) }),
);

export const auditTrailExportInput = auditTrailFilter.and(z.object({ format: z.enum(["csv", "json"]) }));

function whereEvents(orgId: string, f: z.infer<typeof auditTrailFilter>): SQL {
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000);
  return and(
    eq(auditEvent.orgId, orgId),
    f.actorId ? eq(auditEvent.actorId, f.actorId) : undefined,
    f.action ? eq(auditEvent.action, f.action) : undefined,
    f.entityType ? eq(auditEvent.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditEvent.entityId, f.entityId) : undefined,
    f.from ? gte(auditEvent.occurredAt, new Date(`${f.from}T00:00:00Z`)) : undefined,
    f.to ? lt(auditEvent.occurredAt, nextDay(f.to)) : undefined,
  )!;
}

async function auditEvents(db: Db, where: SQL, limit: number, offset = 0): Promise<AuditTrailEvent[]> {
  const rows = await db
    .select({ event: auditEvent, actorName: appUser.name, actorEmail: appUser.email })
    .from(auditEvent)
    .leftJoin(appUser, eq(appUser.id, auditEvent.actorId))
    .where(where)
    .orderBy(desc(auditEvent.seq))
    .limit(limit)
    .offset(offset);
  return rows.map(auditTrailEventOf);
}

export const auditRouter = createTRPCRouter({
  list: adminOnly.input(auditTrailListInput).query(async ({ ctx, input }) => {
    const where = whereEvents(ctx.viewer.orgId, input);
    const [items, [total]] = await Promise.all([
      auditEvents(ctx.db, where, input.pageSize, (input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(auditEvent).where(where),
    ]);
    return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
  }),

  /** What the filters offer: the org's people (former and erased ones too), and the actions and record types seen. */
  facets: adminOnly.query(async ({ ctx }) => {
    const org = eq(auditEvent.orgId, ctx.viewer.orgId);
    const [people, actions, entityTypes] = await Promise.all([
      ctx.db
        .select({ id: appUser.id, name: appUser.name, email: appUser.email, role: appUser.role, disabledAt: appUser.disabledAt })
        .from(appUser)
        .where(eq(appUser.orgId, ctx.viewer.orgId))
        .orderBy(asc(appUser.name), asc(appUser.email))
        .limit(1000),
      ctx.db.selectDistinct({ action: auditEvent.action }).from(auditEvent).where(org).orderBy(auditEvent.action),
      ctx.db.selectDistinct({ entityType: auditEvent.entityType }).from(auditEvent).where(org).orderBy(auditEvent.entityType),
    ]);
    return {
      people: people.map((p) => ({
        id: p.id,
        name: p.name,
        email: p.email,
        role: p.role,
        former: p.disabledAt !== null,
        erased: p.name === ERASED_USER_NAME && p.email.endsWith("@erased.invalid"),
      })),
      actions: actions.map((a) => a.action),
      entityTypes: entityTypes.map((e) => e.entityType),
    };
  }),

  /** The matching events, newest first, as a file body; at most AUDIT_EXPORT_LIMIT (narrow the filter for more). */
  export: adminOnly.input(auditTrailExportInput).mutation(async ({ ctx, input }) => {
    const where = whereEvents(ctx.viewer.orgId, input);
    const [events, [total]] = await Promise.all([
      auditEvents(ctx.db, where, AUDIT_EXPORT_LIMIT),
      ctx.db.select({ n: count() }).from(auditEvent).where(where),
    ]);
    return {
      ...exportFile("audit-trail", input.format, { csv: () => auditTrailCsv(events), json: () => events }),
      exported: events.length,
      total: total?.n ?? 0,
    };
  }),

  /** Recomputes the org's hash chain: "chain intact (N events)" or the first broken link. */
  verify: adminOnly.query(async ({ ctx }) => {
    const report = await verifyAuditChain(ctx.db, ctx.viewer.orgId);
    return { intact: report.broken === null, events: report.events, headHash: report.headHash, broken: report.broken, message: describeChain(report) };
  }),

  /** Erasure by anonymisation (see @pharmacrm/domain erasePerson); the admin retypes the NPI or email to confirm. */
  erase: adminOnly.input(erasePersonInput).mutation(({ ctx, input }) => erasePerson(ctx.db, ctx.scope, input)),
});
