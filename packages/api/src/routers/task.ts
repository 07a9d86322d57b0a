import {
  assignableUsers,
  completeTask,
  createTask,
  newTaskInput,
  rescheduleTask,
  rescheduleTaskInput,
  taskBoard,
  taskBoardInput,
  taskIdInput,
  updateTask,
  updateTaskInput,
} from "@pharmacrm/domain";

import { createTRPCRouter, protectedProcedure } from "../trpc";

/** Today as the server sees it (UTC), for "overdue". */
const today = () => new Date().toISOString().slice(0, 10);

export const taskRouter = createTRPCRouter({
  list: protectedProcedure
    .input(taskBoardInput)
    .query(({ ctx, input }) => taskBoard(ctx.db, ctx.scope, input, today())),
  assignees: protectedProcedure.query(({ ctx }) => assignableUsers(ctx.db, ctx.scope)),
  create: protectedProcedure.input(newTaskInput).mutation(({ ctx, input }) => createTask(ctx.db, ctx.scope, input)),
  update: protectedProcedure.input(updateTaskInput).mutation(({ ctx, input }) => updateTask(ctx.db, ctx.scope, input)),
  complete: protectedProcedure.input(taskIdInput).mutation(({ ctx, input }) => completeTask(ctx.db, ctx.scope, input)),
  reschedule: protectedProcedure
    .input(rescheduleTaskInput)
    .mutation(({ ctx, input }) => rescheduleTask(ctx.db, ctx.scope, input)),
});
