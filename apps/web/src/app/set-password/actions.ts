"use server";

import { redirect } from "next/navigation";

import { hashPassword } from "@pharmacrm/auth/password";
import { getDb } from "@pharmacrm/db";
import {
  DomainError,
  LINK_REFUSALS,
  newPasswordInput,
  passwordLinkState,
  setPasswordFromLink,
} from "@pharmacrm/domain";

export interface SetPasswordState {
  error: string | null;
  fieldErrors: { password?: string; confirm?: string };
}

/** Checks the new password, then sets it through the link (once); on success, on to sign in with it. */
export async function setPassword(_previous: SetPasswordState, form: FormData): Promise<SetPasswordState> {
  const parsed = newPasswordInput.safeParse({
    token: String(form.get("token") ?? ""),
    password: String(form.get("password") ?? ""),
    confirm: String(form.get("confirm") ?? ""),
  });
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const on = (field: string) => issues.find((i) => i.path[0] === field)?.message;
    const tokenProblem = on("token");
    return { error: tokenProblem ?? null, fieldErrors: { password: on("password"), confirm: on("confirm") } };
  }
  const db = await getDb();
  // A link that cannot be used costs no password hash (scrypt is deliberately expensive).
  const link = await passwordLinkState(db, parsed.data.token);
  if (link.state !== "valid") return { error: LINK_REFUSALS[link.state], fieldErrors: {} };
  try {
    await setPasswordFromLink(db, {
      token: parsed.data.token,
      passwordHash: await hashPassword(parsed.data.password),
    });
  } catch (error) {
    if (error instanceof DomainError) return { error: error.message, fieldErrors: {} };
    throw error;
  }
  redirect("/sign-in?password=set");
}
