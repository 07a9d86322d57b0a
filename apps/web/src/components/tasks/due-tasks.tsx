"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { ListTodo } from "lucide-react";
import Link from "next/link";

/** On the copilot home: the viewer's tasks due today or overdue, with a way to the tasks screen. Nothing when none. */
export function DueTasks() {
  const trpc = useTRPC();
  const board = useQuery(trpc.task.list.queryOptions({ status: "open", whose: "mine" }));
  if (!board.data) return null;
  const due = board.data.tasks.filter((t) => t.overdue || t.dueDate === board.data.today);
  if (due.length === 0) return null;
  const overdue = due.filter((t) => t.overdue).length;
  return (
    <div
      className="mt-6 w-full rounded-lg border border-amber-200 bg-amber-50/60 px-3 py-2.5 text-left"
      data-testid="due-tasks"
    >
      <p className="flex items-center gap-2 text-sm font-medium text-slate-900">
        <ListTodo className="size-4 text-amber-700" aria-hidden />
        {overdue > 0 ? `${overdue} overdue` : null}
        {overdue > 0 && due.length > overdue ? " · " : null}
        {due.length > overdue ? `${due.length - overdue} due today` : null}
        <Link
          href={overdue > 0 ? "/tasks?status=overdue" : "/tasks"}
          className="ml-auto text-xs text-brand-700 hover:underline"
        >
          Open tasks
        </Link>
      </p>
      <ul className="mt-1 space-y-0.5 text-sm text-slate-700">
        {due.slice(0, 3).map((t) => (
          <li key={t.id} className="truncate">
            {t.title}
            {t.physician ? <span className="text-slate-500"> · {t.physician}</span> : null}
          </li>
        ))}
        {due.length > 3 ? <li className="text-xs text-slate-500">and {due.length - 3} more</li> : null}
      </ul>
    </div>
  );
}
