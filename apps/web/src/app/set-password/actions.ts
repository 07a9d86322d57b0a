"use server";

import { messagesByField } from "~/components/account/password-field";
import { redirect } from "next/navigation";

import { hashPassword } from "@pharmacrm/auth/password";
import { getDb } from "@pharmacrm/db";
import {
  claimPasswordLink,
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
    const { token, ...fieldErrors } = messagesByField(parsed.error, ["token", "password", "confirm"]);
    return { error: token ?? null, fieldErrors };
  }
  const db = await getDb();
  // A link that cannot be used costs no password hash (scrypt is deliberately expensive).
  const link = await passwordLinkState(db, parsed.data.token);
  if (link.state !== "valid") return { error: LINK_REFUSALS[link.state], fieldErrors: {} };
  if (!(await claimPasswordLink(db, parsed.data.token)))
    return { error: "This link is being used in another window. Try again in a minute.", fieldErrors: {} };
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
