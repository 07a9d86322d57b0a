"use server";

import { safeRedirectPath } from "~/lib/safe-redirect";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";

import { signIn, SignInThrottled, tooManyAttemptsMessage } from "@pharmacrm/auth";
import { getDb } from "@pharmacrm/db";
import { secondFactorStageAfterSignIn } from "@pharmacrm/domain";

import { secondStepPath } from "./second-step-path";

export interface SignInState {
  error: string | null;
  email: string;
}

export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const callbackUrl = safeRedirectPath(form.get("callbackUrl"));
  if (!email || !password) return { error: "Enter your email and password.", email };
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof SignInThrottled) return { error: tooManyAttemptsMessage(error.retryAfterMs), email };
    if (error instanceof AuthError) {
      const message =
        error.type === "CredentialsSignin" ? "Wrong email or password." : "We could not sign you in. Please try again.";
      return { error: message, email };
    }
    throw error;
  }
  // The password was right; a second factor may still be owed (or have to be set up first).
  const stage = await secondFactorStageAfterSignIn(await getDb(), email);
  redirect(secondStepPath(stage, callbackUrl));
}

export async function signInWithSso(form: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: safeRedirectPath(form.get("callbackUrl")) });
}
