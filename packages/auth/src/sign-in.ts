// Credential checks, kept apart from Auth.js so they can be tested without a request.
// Order matters: throttle holds first (a held attempt costs no password hash), then the hash, then the counters.
import { z } from "zod";

import type { Db } from "@pharmacrm/db";
import { findActiveUserByEmail, recordAudit, throttleSubject } from "@pharmacrm/domain";

import { verifyPassword } from "./password";
import { signInThrottle, THROTTLE_RULES } from "./throttle";
import { pruneExpiredThrottleRows } from "./throttle-store";

export const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(320)),
  password: z.string().min(1, "Enter your password.").max(200),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

export interface SignInRequest {
  /** The client address (see clientIp); null when unknown, which skips the per-address counters. */
  ip: string | null;
}

export type PasswordCheck =
  { outcome: "ok"; user: SignedInUser } | { outcome: "invalid" } | { outcome: "throttled"; retryAfterMs: number };

/**
 * Checks an email and password under the sign-in throttle: per account (also for emails that do not exist, so a
 * lockout reveals nothing) and per client address. Wrong passwords for a real account are audited in its org.
 */
export async function checkPassword(db: Db, raw: unknown, request: SignInRequest): Promise<PasswordCheck> {
  const parsed = credentialsInput.safeParse(raw);
  if (!parsed.success) return { outcome: "invalid" };
  const { email, password } = parsed.data;
  const throttle = signInThrottle(db);
  const account = throttleSubject.account(email);
  const ip = request.ip ? throttleSubject.ip(request.ip) : null;

  const hold = await throttle.holdOn(ip ? [account, ip] : [account]);
  if (hold) return { outcome: "throttled", retryAfterMs: hold.retryAfterMs };

  const user = await findActiveUserByEmail(db, email);
  // Hash something even for unknown users so response time does not reveal which emails exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (user && ok) {
    await throttle.reset(account);
    // Counters of emails tried once and never again would pile up; sign-ins are a steady moment to sweep them.
    await pruneExpiredThrottleRows(db);
    return { outcome: "ok", user: { id: user.userId, email: user.email, name: user.name } };
  }

  const [byAccount] = await Promise.all([
    throttle.recordFailure(account, THROTTLE_RULES.account),
    ip ? throttle.recordFailure(ip, THROTTLE_RULES.ip) : null,
  ]);
  if (user) {
    const scope = { orgId: user.orgId, userId: user.userId, role: user.role, territoryIds: [] };
    await db.transaction(async (tx) => {
      await recordAudit(tx, scope, {
        action: "auth.sign_in_failed",
        entityType: "app_user",
        entityId: user.userId,
        after: { ip: request.ip, reason: "wrong_password", failures: byAccount.failures },
      });
      if (byAccount.lockedOut) {
        const until = new Date(Date.now() + THROTTLE_RULES.account.lockoutSeconds * 1000);
        await recordAudit(tx, scope, {
          action: "auth.locked",
          entityType: "app_user",
          entityId: user.userId,
          after: { ip: request.ip, until },
        });
      }
    });
  }
  return { outcome: "invalid" };
}

/** The user for valid credentials; null for unknown email, wrong password, a disabled account or a held attempt. */
export async function verifyCredentials(
  db: Db,
  raw: unknown,
  request: SignInRequest = { ip: null },
): Promise<SignedInUser | null> {
  const result = await checkPassword(db, raw, request);
  return result.outcome === "ok" ? result.user : null;
}

const DUMMY_HASH =
  "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
