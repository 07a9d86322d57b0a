"use server";

import { AuthError } from "next-auth";
import { signIn } from "@pharmacrm/auth";
import { safeRedirectPath } from "~/lib/safe-redirect";

export interface SignInState {
  error: string | null;
  email: string;
}

export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { error: "Enter your email and password.", email };
  try {
    await signIn("credentials", { email, password, redirectTo: safeRedirectPath(form.get("callbackUrl")) });
    return { error: null, email };
  } catch (error) {
    if (error instanceof AuthError) {
      const message = error.type === "CredentialsSignin" ? "Wrong email or password." : "We could not sign you in. Please try again.";
      return { error: message, email };
    }
    // Success arrives as a NEXT_REDIRECT, which must propagate.
    throw error;
  }
}

export async function signInWithSso(form: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: safeRedirectPath(form.get("callbackUrl")) });
}
