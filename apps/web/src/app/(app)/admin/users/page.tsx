import { AdminsOnly } from "~/components/data/admins-only";
import { UsersScreen } from "~/components/users/users-screen";
import type { Metadata } from "next";

import { getViewer } from "@pharmacrm/auth";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  // The layout has already sent signed-out visitors to /sign-in.
  const viewer = await getViewer();
  return viewer?.role === "admin" ? <UsersScreen /> : <AdminsOnly what="Managing users" />;
}
