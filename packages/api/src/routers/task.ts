import { completeTask, createTask, createTaskInput, taskIdInput } from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const taskRouter = createTRPCRouter({
  create: protectedProcedure.input(createTaskInput).mutation(({ ctx, input }) => createTask(ctx.db, ctx.scope, input)),
  complete: protectedProcedure.input(taskIdInput).mutation(({ ctx, input }) => completeTask(ctx.db, ctx.scope, input)),
});
