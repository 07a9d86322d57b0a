// The server side of every session token: a row per sign-in (revoked at sign-out) and the user's session version
// (bumped to end all of a user's sessions at once: sign out everywhere, a role change, disabling the account).
import { and, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";

import { appUser, authSession, type Db } from "@pharmacrm/db";

import { recordAudit } from "../audit";
import type { Scope } from "../scope";

/** A token not used for this long expires (Auth.js renews it on use). */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** However active, a session ends this long after sign-in: a working day, then sign in again. */
export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;

export type SignInMethod = "password" | "oidc";

export interface SessionClaims {
  userId: string;
  sessionId: string;
  sessionVersion: number;
}

export interface SignInContext {
  ip: string | null;
  userAgent: string | null;
}

/** Who a sign-in event is about: the account, acting as itself. */
/** A person acting on their own account (signing in, setting their password): the audit's actor. */
export const selfScope = (user: { userId: string; orgId: string }): Scope => ({
  orgId: user.orgId,
  userId: user.userId,
  role: "rep",
  territoryIds: [],
});

/** Opens a session for an active user (audited) and returns what the token carries; null when the user is gone. */
export async function startAuthSession(
  db: Db,
  userId: string,
  method: SignInMethod,
  context: SignInContext,
  now = new Date(),
): Promise<SessionClaims | null> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ userId: appUser.id, orgId: appUser.orgId, sessionVersion: appUser.sessionVersion })
      .from(appUser)
      .where(and(eq(appUser.id, userId), isNull(appUser.disabledAt)))
      .limit(1);
    if (!user) return null;
    // Old rows only matter until they expire; a sign-in is a natural moment to drop the user's stale ones.
    await tx.delete(authSession).where(and(eq(authSession.userId, userId), lt(authSession.expiresAt, now)));
    const [session] = await tx
      .insert(authSession)
      .values({
        orgId: user.orgId,
        userId,
        method,
        ip: context.ip?.slice(0, 64) ?? null,
        userAgent: context.userAgent?.slice(0, 300) ?? null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SESSION_LIFETIME_SECONDS * 1000),
      })
      .returning({ id: authSession.id });
    await recordAudit(tx, selfScope(user), {
      action: "auth.sign_in",
      entityType: "app_user",
      entityId: userId,
      after: { method, ip: context.ip, sessionId: session!.id },
    });
    return { userId, sessionId: session!.id, sessionVersion: user.sessionVersion };
  });
}

/** Sign-out on this device: the session's token stops working at once. Audited; a no-op for an unknown session. */
export async function endAuthSession(db: Db, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [ended] = await tx
      .update(authSession)
      .set({ revokedAt: new Date() })
      .where(and(eq(authSession.id, sessionId), isNull(authSession.revokedAt)))
      .returning({ userId: authSession.userId, orgId: authSession.orgId });
    if (ended)
      await recordAudit(tx, selfScope(ended), {
        action: "auth.sign_out",
        entityType: "app_user",
        entityId: ended.userId,
        after: { sessionId },
      });
  });
}

/**
 * Ends every session of a user at their next request, by bumping the session version that each token must match.
 * Call inside the transaction of the change that requires it (role change, disable) or on its own (sign out everywhere).
 */
export async function bumpSessionVersion(tx: Db, userId: string): Promise<void> {
  await tx
    .update(appUser)
    .set({ sessionVersion: sql`${appUser.sessionVersion} + 1` })
    .where(eq(appUser.id, userId));
  await tx
    .update(authSession)
    .set({ revokedAt: new Date() })
    .where(and(eq(authSession.userId, userId), isNull(authSession.revokedAt)));
}

/** "Sign out everywhere": every device of this user, this one included. */
export async function signOutEverywhere(db: Db, user: { userId: string; orgId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await bumpSessionVersion(tx, user.userId);
    await recordAudit(tx, selfScope(user), {
      action: "auth.sign_out_everywhere",
      entityType: "app_user",
      entityId: user.userId,
    });
  });
}

/** The session passed its second factor (TOTP or a recovery code). */
export async function markSecondFactor(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db.update(authSession).set({ secondFactorAt: now }).where(eq(authSession.id, sessionId));
}

export interface ActiveSession {
  id: string;
  method: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** A user's sessions that still work, newest first (for the account security page). */
export async function listActiveSessions(db: Db, userId: string, now = new Date()): Promise<ActiveSession[]> {
  return db
    .select({
      id: authSession.id,
      method: authSession.method,
      ip: authSession.ip,
      userAgent: authSession.userAgent,
      createdAt: authSession.createdAt,
      expiresAt: authSession.expiresAt,
    })
    .from(authSession)
    .where(and(eq(authSession.userId, userId), isNull(authSession.revokedAt), gt(authSession.expiresAt, now)))
    .orderBy(desc(authSession.createdAt))
    .limit(50);
}
