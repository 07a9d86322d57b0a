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
