// createTask: a write, so it never runs without the person's approval in the chat; its input is exactly the task
// that will be written. Goes through domain/task so scope checks and the audit event apply.
import { tool } from "ai";

import { createTask, createTaskInput } from "@pharmacrm/domain";

import { hcpLink, inputSchemaOf, orFailure, scopeOf, type ToolContext, type ToolFailure } from "./result";

export const createTaskToolInput = createTaskInput;

export interface CreateTaskResult {
  status: "created";
  task: {
    id: string;
    title: string;
    details: string | null;
    dueDate: string | null;
    npi: string | null;
    link: string | null;
  };
  message: string;
}

export type CreateTaskOutput = CreateTaskResult | ToolFailure;

export function createTaskTool(ctx: ToolContext) {
  return tool({
    description:
      "Create a follow-up task for the rep, optionally about one physician (NPI) and with a due date (YYYY-MM-DD). Needs the rep's approval before anything is written.",
    inputSchema: inputSchemaOf(createTaskToolInput),
    needsApproval: true,
    execute: async (input): Promise<CreateTaskOutput> =>
      orFailure(async () => {
        const created = await createTask(ctx.db, await scopeOf(ctx), input);
        return {
          status: "created" as const,
          task: {
            id: created.id,
            title: created.title,
            details: created.details,
            dueDate: created.dueDate,
            npi: created.hcpNpi,
            link: created.hcpNpi ? hcpLink(created.hcpNpi) : null,
          },
          message: `Task “${created.title}” created${created.dueDate ? `, due ${created.dueDate}` : ""}.`,
        };
      }),
  });
}
