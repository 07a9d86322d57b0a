import { AccountsScreen } from "~/components/accounts/accounts-screen";
import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";

import { getViewer } from "@pharmacrm/auth";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage() {
  // The layout has already sent signed-out visitors to /sign-in.
  const viewer = await getViewer();
  return (
    <NuqsAdapter>
      <AccountsScreen wholeOrg={viewer?.role === "admin"} />
    </NuqsAdapter>
  );
}
