// A signed-in person changes their own password: the current one is checked under the sign-in throttle (so this
// form is no way around it), the new one replaces it, and every session ends — this one too — so a stolen session
// does not outlive the change. Audited; the passwords never are.
import { eq } from "drizzle-orm";

import { appUser, type Db } from "@pharmacrm/db";
import { bumpSessionVersion, recordAudit, selfScope, throttleSubject } from "@pharmacrm/domain";

import { hashPassword, verifyPassword } from "./password";
import { signInThrottle, THROTTLE_RULES, tooManyAttemptsMessage } from "./throttle";

export type PasswordChange =
  { outcome: "changed" } | { outcome: "refused"; field: "current" | "password"; message: string };

export async function changeOwnPassword(
  db: Db,
  user: { userId: string; orgId: string; email: string },
  passwords: { current: string; password: string },
): Promise<PasswordChange> {
  const throttle = signInThrottle(db);
  const account = throttleSubject.account(user.email);
  const hold = await throttle.holdOn([account]);
  if (hold) return { outcome: "refused", field: "current", message: tooManyAttemptsMessage(hold.retryAfterMs) };
  const [row] = await db.select({ hash: appUser.passwordHash }).from(appUser).where(eq(appUser.id, user.userId));
  if (!row?.hash)
    return {
      outcome: "refused",
      field: "current",
      message: "Your account has no password to change (you sign in with single sign-on).",
    };
  if (!(await verifyPassword(passwords.current, row.hash))) {
    await throttle.recordFailure(account, THROTTLE_RULES.account);
    return { outcome: "refused", field: "current", message: "That is not your current password." };
  }
  if (passwords.current === passwords.password)
    return { outcome: "refused", field: "password", message: "Choose a password different from the current one." };
  const hash = await hashPassword(passwords.password);
  await db.transaction(async (tx) => {
    await tx.update(appUser).set({ passwordHash: hash }).where(eq(appUser.id, user.userId));
    await bumpSessionVersion(tx, user.userId);
    await recordAudit(tx, selfScope(user), {
      action: "user.password_change",
      entityType: "app_user",
      entityId: user.userId,
    });
  });
  await throttle.reset(account);
  return { outcome: "changed" };
}

/** Whether the person has a password of their own to change (people who sign in only with SSO have none). */
export async function hasOwnPassword(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ hash: appUser.passwordHash }).from(appUser).where(eq(appUser.id, userId));
  return Boolean(row?.hash);
}
