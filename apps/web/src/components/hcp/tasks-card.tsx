import { formatCalendarDate } from "~/lib/format";
import { ListTodo } from "lucide-react";

import { Card, CardHeader, CardTitle, cn, EmptyState } from "@pharmacrm/ui";

import { TenantSource } from "./source-footer";
import type { HcpProfile } from "./types";

export function TasksCard({
  tasks,
  orgName,
  isDemo,
  today,
}: {
  tasks: HcpProfile["openTasks"];
  orgName: string;
  isDemo: boolean;
  today: string;
}) {
  return (
    <Card aria-labelledby="tasks-title" data-testid="open-tasks">
      <CardHeader>
        <CardTitle id="tasks-title">
          Open tasks {tasks.length > 0 ? <span className="ml-1 font-normal text-slate-400">{tasks.length}</span> : null}
        </CardTitle>
      </CardHeader>
      {tasks.length === 0 ? (
        <EmptyState icon={<ListTodo />} title="No open tasks" className="py-5" />
      ) : (
        <ul className="divide-y divide-slate-100">
          {tasks.map((t) => {
            const overdue = t.dueDate != null && t.dueDate < today;
            return (
              <li key={t.id} className="px-4 py-2.5">
                <p className="text-sm text-slate-900">{t.title}</p>
                <p className="mt-0.5 text-xs text-slate-500">
                  {t.ownerName}
                  {t.dueDate ? (
                    <>
                      {" · "}
                      <span className={cn(overdue && "font-medium text-red-600")}>
                        {overdue ? "Overdue since" : "Due"} {formatCalendarDate(t.dueDate)}
                      </span>
                    </>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <TenantSource orgName={orgName} isDemo={isDemo} />
    </Card>
  );
}
