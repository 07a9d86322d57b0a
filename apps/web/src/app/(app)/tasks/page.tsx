import { TasksScreen } from "~/components/tasks/tasks-screen";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NuqsAdapter } from "nuqs/adapters/next/app";

import { getViewer } from "@pharmacrm/auth";

export const metadata: Metadata = { title: "Tasks" };

export default async function TasksPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  return (
    <NuqsAdapter>
      <TasksScreen role={viewer.role} />
    </NuqsAdapter>
  );
}
