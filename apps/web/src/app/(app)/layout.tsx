import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getViewer } from "@pharmacrm/auth";
import { AppShell } from "~/components/shell/app-shell";
import { serverApi } from "~/trpc/server";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  if (!(await getViewer())) redirect("/sign-in");
  const me = await (await serverApi()).viewer.me();
  return <AppShell me={me}>{children}</AppShell>;
}
