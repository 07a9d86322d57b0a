import { AppShell } from "~/components/shell/app-shell";
import { requestedPath } from "~/lib/request-path";
import { serverApi } from "~/trpc/server";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";

import { getSessionViewer } from "@pharmacrm/auth";

import { secondStepPath } from "../sign-in/second-step-path";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await getSessionViewer();
  if (!session) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: await requestedPath() })}`);
  // A session that still owes a second factor (or its setup) can do nothing else; then it goes where it asked to.
  if (session.secondFactor !== "done") redirect(secondStepPath(session.secondFactor, await requestedPath()));
  const me = await (await serverApi()).viewer.me();
  return <AppShell me={me}>{children}</AppShell>;
}
