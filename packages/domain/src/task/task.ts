import { and, asc, eq, lt, sql } from "drizzle-orm";
import type { z } from "zod";

import { hcp, task, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { DomainError, forbidden, notFound } from "../errors";
import { requireHcpInReach } from "../hcp/in-reach";
import { displayName } from "../hcp/names";
import { visibleTenantRow, type Scope } from "../scope";
import { taskOwner } from "./assign";
import { listTasksInput, newTaskInput, rescheduleTaskInput, taskIdInput } from "./input";

/** A task for the viewer, or (managers, admins, from the screens) for a rep they oversee. */
export async function createTask(db: Db, scope: Scope, raw: z.input<typeof newTaskInput>) {
  const input = newTaskInput.parse(raw);
  let hcpTerritory: string | null = null;
  if (input.npi) {
    ({ territoryId: hcpTerritory } = await requireHcpInReach(db, scope, input.npi));
  }
  return db.transaction(async (tx) => {
    const { ownerId, territoryId } = await taskOwner(tx, scope, input.ownerId, hcpTerritory);
    return insertTask(tx, scope, {
      npi: input.npi ?? null,
      territoryId,
      ownerId,
      title: input.title,
      details: input.details || null,
      dueDate: input.dueDate ?? null,
    });
  });
}

/** Inside a caller's transaction: a new task, audited. The caller has checked the HCP is in reach and the owner. */
export async function insertTask(
  tx: Db,
  scope: Scope,
  values: {
    npi: string | null;
    territoryId: string | null;
    /** Someone else than the viewer (a manager assigning); the caller checked they may. */
    ownerId?: string;
    title: string;
    details: string | null;
    dueDate: string | null;
  },
) {
  const [created] = await tx
    .insert(task)
    .values({
      orgId: scope.orgId,
      ownerId: values.ownerId ?? scope.userId,
      createdById: scope.userId,
      hcpNpi: values.npi,
      territoryId: values.territoryId,
      title: values.title,
      details: values.details,
      dueDate: values.dueDate,
    })
    .returning();
  await recordAudit(tx, scope, { action: "task.create", entityType: "task", entityId: created!.id, after: created });
  return created!;
}

/** An open task the viewer may change: their own, or (managers, admins) one they can see. */
export async function openTaskForChange(tx: Db, scope: Scope, id: string, verb: string) {
  const [before] = await tx
    .select()
    .from(task)
    .where(and(eq(task.id, id), visibleTenantRow(scope, task)));
  if (!before) throw notFound("Task");
  if (scope.role === "rep" && before.ownerId !== scope.userId) throw forbidden(`Only the task's owner can ${verb} it.`);
  if (before.status !== "open") throw new DomainError("CONFLICT", `This task is already ${before.status}.`);
  return before;
}

/** Done by its owner, or by a manager/admin who can see it. */
export async function completeTask(db: Db, scope: Scope, raw: z.input<typeof taskIdInput>) {
  const { id } = taskIdInput.parse(raw);
  return db.transaction(async (tx) => {
    const before = await openTaskForChange(tx, scope, id, "complete");
    const [after] = await tx
      .update(task)
      .set({ status: "done", completedAt: new Date() })
      .where(eq(task.id, id))
      .returning();
    await recordAudit(tx, scope, { action: "task.complete", entityType: "task", entityId: id, before, after });
    return after!;
  });
}

/** A new due date for an open task, by the same people who may complete it. */
export async function rescheduleTask(db: Db, scope: Scope, raw: z.input<typeof rescheduleTaskInput>) {
  const { id, dueDate } = rescheduleTaskInput.parse(raw);
  return db.transaction(async (tx) => {
    const before = await openTaskForChange(tx, scope, id, "reschedule");
    const [after] = await tx.update(task).set({ dueDate }).where(eq(task.id, id)).returning();
    await recordAudit(tx, scope, { action: "task.reschedule", entityType: "task", entityId: id, before, after });
    return after!;
  });
}

/** The viewer's own open tasks (or the overdue ones, due before `today`), soonest due first, with the physician. */
export async function listTasks(db: Db, scope: Scope, raw: z.input<typeof listTasksInput>, today: string) {
  const { status } = listTasksInput.parse(raw);
  const rows = await db
    .select({
      id: task.id,
      title: task.title,
      dueDate: task.dueDate,
      npi: task.hcpNpi,
      firstName: hcp.firstName,
      lastName: hcp.lastName,
    })
    .from(task)
    .leftJoin(hcp, eq(hcp.npi, task.hcpNpi))
    .where(
      and(
        eq(task.ownerId, scope.userId),
        eq(task.orgId, scope.orgId),
        eq(task.status, "open"),
        status === "overdue" ? lt(task.dueDate, today) : undefined,
      ),
    )
    .orderBy(sql`${task.dueDate} asc nulls last`, asc(task.createdAt));
  return rows.map(({ firstName, lastName, ...row }) => ({
    ...row,
    physician: row.npi ? displayName({ firstName, lastName }) : null,
    overdue: row.dueDate !== null && row.dueDate < today,
  }));
}

export async function listMyOpenTasks(db: Db, scope: Scope) {
  return db
    .select({ id: task.id, title: task.title, dueDate: task.dueDate, hcpNpi: task.hcpNpi })
    .from(task)
    .where(and(eq(task.ownerId, scope.userId), eq(task.orgId, scope.orgId), eq(task.status, "open")))
    .orderBy(asc(task.dueDate));
}
