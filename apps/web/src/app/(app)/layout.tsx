import { AppShell } from "~/components/shell/app-shell";
import { serverApi } from "~/trpc/server";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";

import { getSessionViewer } from "@pharmacrm/auth";

import { secondStepPath } from "../sign-in/second-step-path";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await getSessionViewer();
  if (!session) redirect("/sign-in");
  // A session that still owes a second factor (or its setup) can do nothing else.
  if (session.secondFactor !== "done") redirect(secondStepPath(session.secondFactor, "/"));
  const me = await (await serverApi()).viewer.me();
  return <AppShell me={me}>{children}</AppShell>;
}
