// The task module's inputs: a new task, and one task by id. Shared by the API (procedure inputs), the copilot's
// tool and the UI (form validation); no database imports here, so client components can use them.
import { z } from "zod";

import { calendarDate, npiField, plainText } from "../validation";

export const createTaskInput = z.object({
  title: plainText("The title")
    .min(3, "Give the task a title of at least 3 characters.")
    .max(200, "Keep the title under 200 characters."),
  details: plainText("Details").max(4000).optional(),
  npi: npiField().optional(),
  dueDate: calendarDate("The due date").optional(),
});

export const taskIdInput = z.object({ id: z.uuid("That is not a valid task id.") });

export const rescheduleTaskInput = z.object({
  id: z.uuid("That is not a valid task id."),
  dueDate: calendarDate("The new due date"),
});

/** The viewer's own open tasks, or only those past their due date. */
export const listTasksInput = z.object({
  status: z.enum(["open", "overdue"], { message: "List open or overdue tasks." }).default("open"),
});

/** A new task from the screens: the viewer's own, or (managers, admins) one assigned to a rep they oversee. */
export const newTaskInput = createTaskInput.extend({
  ownerId: z.uuid("Choose who the task is for.").optional(),
});

/** An open task's title, details and due date, changed. */
export const updateTaskInput = z.object({
  id: z.uuid("That is not a valid task id."),
  title: createTaskInput.shape.title,
  details: plainText("Details").max(4000, "Keep the details under 4,000 characters.").nullable(),
  dueDate: calendarDate("The due date").nullable(),
});

/** The tasks screen: which tasks, and whose (a rep's "team" is their territories' tasks). */
export const taskBoardInput = z.object({
  status: z
    .enum(["open", "overdue", "done", "all"], { message: "Show open, overdue, done or all tasks." })
    .default("open"),
  whose: z.enum(["mine", "team"], { message: "Show your tasks or your team's." }).default("mine"),
});
