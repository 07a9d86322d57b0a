"use server";

import { safeRedirectPath } from "~/lib/safe-redirect";
import { headers } from "next/headers";
import { redirect } from "next/navigation";

import {
  checkSecondFactor,
  getSessionViewer,
  mfaKeys,
  requestClientIp,
  secondFactorCodeInput,
  tooManyAttemptsMessage,
} from "@pharmacrm/auth";
import { getDb } from "@pharmacrm/db";

export interface CodeState {
  error: string | null;
}

export async function verifySecondFactorAction(_previous: CodeState, form: FormData): Promise<CodeState> {
  const session = await getSessionViewer();
  if (!session) redirect("/sign-in");
  const callbackUrl = safeRedirectPath(form.get("callbackUrl"));
  if (session.secondFactor === "done") redirect(callbackUrl);
  const code = secondFactorCodeInput.safeParse(form.get("code"));
  if (!code.success) return { error: code.error.issues[0]?.message ?? "Enter a code." };
  const result = await checkSecondFactor(
    await getDb(),
    session,
    code.data,
    { ip: requestClientIp(await headers()) },
    mfaKeys(),
  );
  if (result.outcome === "throttled") return { error: tooManyAttemptsMessage(result.retryAfterMs) };
  if (result.outcome === "invalid")
    return { error: "That code did not work. Check that your phone's clock is right, or use a recovery code." };
  redirect(callbackUrl);
}
