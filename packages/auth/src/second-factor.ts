// The second sign-in step: a TOTP or recovery code for a session that owes one, under its own throttle.
import type { Db } from "@pharmacrm/db";
import { markSecondFactor, recordAudit, throttleSubject, type SessionViewer } from "@pharmacrm/domain";

import { confirmEnrolment, verifySecondFactor, type SecondFactorMethod } from "./mfa";
import type { MfaKeys } from "./mfa-crypto";
import { signInThrottle, THROTTLE_RULES } from "./throttle";

export type SecondFactorCheck =
  | { outcome: "ok"; method: SecondFactorMethod }
  | { outcome: "invalid" }
  | { outcome: "throttled"; retryAfterMs: number };

export async function checkSecondFactor(
  db: Db,
  session: SessionViewer,
  code: string,
  request: { ip: string | null },
  keys: MfaKeys,
  now = Date.now(),
): Promise<SecondFactorCheck> {
  if (session.secondFactor !== "verify") return { outcome: "invalid" };
  const { viewer } = session;
  const throttle = signInThrottle(db);
  const subject = throttleSubject.secondFactor(viewer.userId);
  const ip = request.ip ? throttleSubject.ip(request.ip) : null;
  const hold = await throttle.holdOn(ip ? [subject, ip] : [subject]);
  if (hold) return { outcome: "throttled", retryAfterMs: hold.retryAfterMs };

  const user = { userId: viewer.userId, orgId: viewer.orgId, email: viewer.email };
  const scope = { orgId: viewer.orgId, userId: viewer.userId, role: viewer.role, territoryIds: [] };
  const method = await verifySecondFactor(db, user, code, keys, now);
  if (method) {
    await throttle.reset(subject);
    await markSecondFactor(db, session.sessionId);
    await db.transaction((tx) =>
      recordAudit(tx, scope, {
        action: "auth.second_factor",
        entityType: "app_user",
        entityId: viewer.userId,
        after: { method, ip: request.ip },
      }),
    );
    return { outcome: "ok", method };
  }

  const [failure] = await Promise.all([
    throttle.recordFailure(subject, THROTTLE_RULES.secondFactor),
    ip ? throttle.recordFailure(ip, THROTTLE_RULES.ip) : null,
  ]);
  await db.transaction(async (tx) => {
    await recordAudit(tx, scope, {
      action: "auth.second_factor_failed",
      entityType: "app_user",
      entityId: viewer.userId,
      after: { ip: request.ip, failures: failure.failures },
    });
    if (failure.lockedOut) {
      const until = new Date(Date.now() + THROTTLE_RULES.secondFactor.lockoutSeconds * 1000);
      await recordAudit(tx, scope, {
        action: "auth.locked",
        entityType: "app_user",
        entityId: viewer.userId,
        after: { ip: request.ip, step: "second_factor", until },
      });
    }
  });
  return { outcome: "invalid" };
}

/**
 * Finishes enrolment from a session (one that must set up a second factor, or a signed-in one adding it): the code
 * proves the app works, and it counts as this session's second factor. Returns the recovery codes, or null.
 */
export async function confirmEnrolmentForSession(
  db: Db,
  session: SessionViewer,
  code: string,
  keys: MfaKeys,
  now = Date.now(),
): Promise<string[] | null> {
  if (session.secondFactor === "verify") return null;
  const { viewer } = session;
  const codes = await confirmEnrolment(
    db,
    { userId: viewer.userId, orgId: viewer.orgId, email: viewer.email },
    code,
    keys,
    now,
  );
  if (codes) await markSecondFactor(db, session.sessionId, new Date(now));
  return codes;
}
