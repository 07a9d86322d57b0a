// The rep's tasks from chat: listTasks reads their open (or overdue) tasks; completeTask and rescheduleTask are
// writes, so they run only after the person approves the card. The card shows the task's title from the input, and
// the write refuses when that title is not the task's own, so what was approved is what changes.
import { tool } from "ai";

import {
  completeTask,
  listTasks,
  listTasksInput,
  plainText,
  rescheduleTask,
  rescheduleTaskInput,
  taskIdInput,
  type Scope,
} from "@pharmacrm/domain";

import { hcpLink, inputSchemaOf, isoDay, orFailure, scopeOf, type ToolContext, type ToolFailure } from "./result";

export const listTasksToolInput = listTasksInput;

export interface TaskLine {
  id: string;
  title: string;
  dueDate: string | null;
  overdue: boolean;
  npi: string | null;
  physician: string | null;
  link: string | null;
}

export interface ListTasksResult {
  status: "ok";
  filter: "open" | "overdue";
  today: string;
  tasks: TaskLine[];
}

export type ListTasksOutput = ListTasksResult | ToolFailure;

export function listTasksTool(ctx: ToolContext) {
  return tool({
    description:
      "List the signed-in person's own open tasks (status open) or only the overdue ones (status overdue), soonest due first, with the physician each is about.",
    inputSchema: inputSchemaOf(listTasksToolInput),
    execute: async (input): Promise<ListTasksOutput> =>
      orFailure(async () => {
        const today = isoDay(ctx.now);
        const tasks = await listTasks(ctx.db, await scopeOf(ctx), input, today);
        return {
          status: "ok" as const,
          filter: input.status ?? "open",
          today,
          tasks: tasks.map((t) => ({ ...t, link: t.npi ? hcpLink(t.npi) : null })),
        };
      }),
  });
}

const title = plainText("The task's title").min(1).max(200).describe("The task's title, as listed by listTasks.");

export const completeTaskToolInput = taskIdInput.extend({ title });
export const rescheduleTaskToolInput = rescheduleTaskInput.extend({ title });

export interface TaskChangeResult {
  status: "completed" | "rescheduled";
  task: { id: string; title: string; dueDate: string | null; link: string | null };
  message: string;
}

export type TaskChangeOutput = TaskChangeResult | ToolFailure;

/** The task must still carry the title the card showed. */
async function sameTitle(ctx: ToolContext, scope: Scope, id: string, shown: string): Promise<ToolFailure | null> {
  const open = await listTasks(ctx.db, scope, { status: "open" }, isoDay(ctx.now));
  const current = open.find((t) => t.id === id);
  if (!current) return { status: "not_found", message: "That task is not among your open tasks." };
  if (current.title !== shown)
    return { status: "conflict", message: `That task is now called “${current.title}”; ask again to change it.` };
  return null;
}

const changed = (
  status: TaskChangeResult["status"],
  t: { id: string; title: string; dueDate: string | null; hcpNpi: string | null },
  message: string,
): TaskChangeResult => ({
  status,
  task: { id: t.id, title: t.title, dueDate: t.dueDate, link: t.hcpNpi ? hcpLink(t.hcpNpi) : null },
  message,
});

export function completeTaskTool(ctx: ToolContext) {
  return tool({
    description:
      "Mark one of the person's open tasks done, by its id and title from listTasks. Needs the person's approval before anything is written.",
    inputSchema: inputSchemaOf(completeTaskToolInput),
    needsApproval: true,
    execute: async ({ id, title: shown }): Promise<TaskChangeOutput> =>
      orFailure(async () => {
        const scope = await scopeOf(ctx);
        const refused = await sameTitle(ctx, scope, id, shown);
        if (refused) return refused;
        const done = await completeTask(ctx.db, scope, { id });
        return changed("completed", done, `Marked “${done.title}” done.`);
      }),
  });
}

export function rescheduleTaskTool(ctx: ToolContext) {
  return tool({
    description:
      "Move one of the person's open tasks to a new due date (YYYY-MM-DD), by its id and title from listTasks. Needs the person's approval before anything is written.",
    inputSchema: inputSchemaOf(rescheduleTaskToolInput),
    needsApproval: true,
    execute: async ({ id, title: shown, dueDate }): Promise<TaskChangeOutput> =>
      orFailure(async () => {
        const scope = await scopeOf(ctx);
        const refused = await sameTitle(ctx, scope, id, shown);
        if (refused) return refused;
        const moved = await rescheduleTask(ctx.db, scope, { id, dueDate });
        return changed("rescheduled", moved, `Moved “${moved.title}” to ${moved.dueDate}.`);
      }),
  });
}
