"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import {
  cancelEnrolment,
  changeOwnPassword,
  confirmEnrolmentForSession,
  disableMfa,
  getSessionViewer,
  getViewer,
  mfaKeys,
  regenerateRecoveryCodes,
  secondFactorCodeInput,
  signOut,
  startEnrolment,
} from "@pharmacrm/auth";
import { getDb } from "@pharmacrm/db";
import { changePasswordInput, signOutEverywhere } from "@pharmacrm/domain";

import { messagesByField } from "./password-field";

export interface CodeActionState {
  error: string | null;
  /** Shown once, right after they are made. */
  recoveryCodes: string[] | null;
}

const SECURITY_PAGE = "/account/security";
const WRONG_CODE = "That code did not work. Check that your phone's clock is right and try the newest code.";

function parseCode(form: FormData): { code: string } | { error: string } {
  const parsed = secondFactorCodeInput.safeParse(form.get("code"));
  return parsed.success ? { code: parsed.data } : { error: parsed.error.issues[0]?.message ?? "Enter a code." };
}

async function signedInUser() {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  return { userId: viewer.userId, orgId: viewer.orgId, email: viewer.email };
}

/** Confirms the authenticator being set up (from the required setup after sign-in, or from the security page). */
export async function confirmEnrolmentAction(_previous: CodeActionState, form: FormData): Promise<CodeActionState> {
  const session = await getSessionViewer();
  if (!session) redirect("/sign-in");
  const code = parseCode(form);
  if ("error" in code) return { error: code.error, recoveryCodes: null };
  const recoveryCodes = await confirmEnrolmentForSession(await getDb(), session, code.code, mfaKeys());
  if (!recoveryCodes) return { error: WRONG_CODE, recoveryCodes: null };
  return { error: null, recoveryCodes };
}

export async function startEnrolmentAction(): Promise<void> {
  const user = await signedInUser();
  await startEnrolment(await getDb(), user, mfaKeys());
  revalidatePath(SECURITY_PAGE);
}

export async function cancelEnrolmentAction(): Promise<void> {
  const user = await signedInUser();
  await cancelEnrolment(await getDb(), user.userId);
  revalidatePath(SECURITY_PAGE);
}

export async function regenerateRecoveryCodesAction(
  _previous: CodeActionState,
  form: FormData,
): Promise<CodeActionState> {
  const user = await signedInUser();
  const code = parseCode(form);
  if ("error" in code) return { error: code.error, recoveryCodes: null };
  const recoveryCodes = await regenerateRecoveryCodes(await getDb(), user, code.code, mfaKeys());
  if (!recoveryCodes) return { error: WRONG_CODE, recoveryCodes: null };
  revalidatePath(SECURITY_PAGE);
  return { error: null, recoveryCodes };
}

export async function disableMfaAction(_previous: CodeActionState, form: FormData): Promise<CodeActionState> {
  const user = await signedInUser();
  const code = parseCode(form);
  if ("error" in code) return { error: code.error, recoveryCodes: null };
  if (!(await disableMfa(await getDb(), user, code.code, mfaKeys()))) return { error: WRONG_CODE, recoveryCodes: null };
  revalidatePath(SECURITY_PAGE);
  return { error: null, recoveryCodes: null };
}

/** Ends every session of this person, on every device, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const session = await getSessionViewer();
  if (session) await signOutEverywhere(await getDb(), { userId: session.viewer.userId, orgId: session.viewer.orgId });
  await signOut({ redirectTo: "/sign-in" });
}

export interface PasswordChangeState {
  fieldErrors: { current?: string; password?: string; confirm?: string };
}

/** Changes the signed-in person's password; every session ends, so they sign in again with the new one. */
export async function changePasswordAction(
  _previous: PasswordChangeState,
  form: FormData,
): Promise<PasswordChangeState> {
  const user = await signedInUser();
  const parsed = changePasswordInput.safeParse({
    current: String(form.get("current") ?? ""),
    password: String(form.get("password") ?? ""),
    confirm: String(form.get("confirm") ?? ""),
  });
  if (!parsed.success) {
    return { fieldErrors: messagesByField(parsed.error, ["current", "password", "confirm"]) };
  }
  const result = await changeOwnPassword(await getDb(), user, parsed.data);
  if (result.outcome === "refused") return { fieldErrors: { [result.field]: result.message } };
  redirect("/sign-in?password=set");
}
