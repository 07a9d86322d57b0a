// The tasks screen: the tasks a viewer may see (their own, and their territories' or region's), and changing an open
// task's title, details and due date.
import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";

import { appUser, hcp, task, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import { displayName } from "../hcp/names";
import { visibleTenantRow, type Scope } from "../scope";
import { taskBoardInput, updateTaskInput } from "./input";
import { openTaskForChange } from "./task";

const MAX_ROWS = 500;

/** The tasks the viewer may see, by status; soonest due first (done: latest completed first). At most 500. */
export async function taskBoard(db: Db, scope: Scope, raw: z.input<typeof taskBoardInput>, today: string) {
  const { status, whose } = taskBoardInput.parse(raw);
  const owner = alias(appUser, "owner");
  const creator = alias(appUser, "creator");
  const byStatus = {
    open: eq(task.status, "open"),
    overdue: and(eq(task.status, "open"), lt(task.dueDate, today)),
    done: eq(task.status, "done"),
    all: undefined,
  }[status];
  const rows = await db
    .select({
      id: task.id,
      title: task.title,
      details: task.details,
      status: task.status,
      dueDate: task.dueDate,
      completedAt: task.completedAt,
      createdAt: task.createdAt,
      npi: task.hcpNpi,
      firstName: hcp.firstName,
      lastName: hcp.lastName,
      ownerId: task.ownerId,
      ownerName: owner.name,
      createdById: task.createdById,
      createdByName: creator.name,
    })
    .from(task)
    .innerJoin(owner, eq(owner.id, task.ownerId))
    .leftJoin(creator, eq(creator.id, task.createdById))
    .leftJoin(hcp, eq(hcp.npi, task.hcpNpi))
    .where(and(visibleTenantRow(scope, task), byStatus, whose === "mine" ? eq(task.ownerId, scope.userId) : undefined))
    .orderBy(
      ...(status === "done" ? [desc(task.completedAt)] : [sql`${task.dueDate} asc nulls last`, asc(task.createdAt)]),
    )
    .limit(MAX_ROWS + 1);
  const tasks = rows.slice(0, MAX_ROWS).map(({ firstName, lastName, ...row }) => ({
    ...row,
    physician: row.npi ? displayName({ firstName, lastName }) : null,
    overdue: row.status === "open" && row.dueDate !== null && row.dueDate < today,
    mine: row.ownerId === scope.userId,
    // The owner changes their own; a manager or admin any they can see.
    canChange: row.status === "open" && (row.ownerId === scope.userId || scope.role !== "rep"),
  }));
  return { tasks, more: rows.length > MAX_ROWS, today };
}

/** A new title, details or due date for an open task, by the people who may complete it; audited. */
export async function updateTask(db: Db, scope: Scope, raw: z.input<typeof updateTaskInput>) {
  const { id, ...changes } = updateTaskInput.parse(raw);
  return db.transaction(async (tx) => {
    const before = await openTaskForChange(tx, scope, id, "edit");
    const [after] = await tx
      .update(task)
      .set({ ...changes, details: changes.details || null })
      .where(eq(task.id, id))
      .returning();
    await recordAudit(tx, scope, { action: "task.update", entityType: "task", entityId: id, before, after });
    return after!;
  });
}
