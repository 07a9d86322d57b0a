"use server";

import { signOut } from "@pharmacrm/auth";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
