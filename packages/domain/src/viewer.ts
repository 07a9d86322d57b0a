// The signed-in person as every layer sees them, loaded fresh from the database on each request
// so that a disabled user loses access at once.
import { and, eq, gt, inArray, isNull } from "drizzle-orm";

import { appUser, authSession, org, userMfa, type Db } from "@pharmacrm/db";

import { secondFactorStage, type SecondFactorStage } from "./account/second-factor-policy";
import type { SessionClaims } from "./account/sessions";

export type Role = "rep" | "manager" | "admin";

export interface Viewer {
  userId: string;
  orgId: string;
  role: Role;
  name: string;
  email: string;
  /** A manager's region. */
  regionId: string | null;
  orgName: string;
  orgIsDemo: boolean;
  /** May load the shared public reference data for every org (a role above orgs). */
  platformOperator: boolean;
}

const viewerColumns = {
  userId: appUser.id,
  orgId: appUser.orgId,
  role: appUser.role,
  name: appUser.name,
  email: appUser.email,
  regionId: appUser.regionId,
  orgName: org.name,
  orgIsDemo: org.isDemo,
  platformOperator: appUser.platformOperator,
};

export interface SessionViewer {
  viewer: Viewer;
  sessionId: string;
  /** "done": signed in. "verify": owes this session's second factor. "enrol": must set up a second factor first. */
  secondFactor: SecondFactorStage;
}

/**
 * The person behind a session token, checked against the server on every request: the session was not signed out,
 * the user's session version still matches (sign out everywhere, role change, disable), the user is active.
 */
export async function loadSessionViewer(
  db: Db,
  claims: SessionClaims,
  now = new Date(),
): Promise<SessionViewer | null> {
  const [row] = await db
    .select({
      ...viewerColumns,
      sessionId: authSession.id,
      secondFactorAt: authSession.secondFactorAt,
      mfaConfirmedAt: userMfa.confirmedAt,
      mfaRequiredForAdmins: org.mfaRequiredForAdmins,
    })
    .from(appUser)
    .innerJoin(org, eq(org.id, appUser.orgId))
    .innerJoin(authSession, and(eq(authSession.id, claims.sessionId), eq(authSession.userId, appUser.id)))
    .leftJoin(userMfa, eq(userMfa.userId, appUser.id))
    .where(
      and(
        eq(appUser.id, claims.userId),
        isNull(appUser.disabledAt),
        eq(appUser.sessionVersion, claims.sessionVersion),
        isNull(authSession.revokedAt),
        gt(authSession.expiresAt, now),
      ),
    )
    .limit(1);
  if (!row) return null;
  const { sessionId, secondFactorAt, mfaConfirmedAt, mfaRequiredForAdmins, ...viewer } = row;
  const secondFactor = secondFactorStage({
    role: viewer.role,
    platformOperator: viewer.platformOperator,
    mfaRequiredForAdmins,
    enrolled: mfaConfirmedAt !== null,
    passedThisSession: secondFactorAt !== null,
  });
  return { viewer, sessionId, secondFactor };
}

/** Active user by email (case-insensitive), with the password hash for sign-in. */
export async function findActiveUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ ...viewerColumns, passwordHash: appUser.passwordHash })
    .from(appUser)
    .innerJoin(org, eq(org.id, appUser.orgId))
    .where(and(eq(appUser.email, email.trim().toLowerCase()), isNull(appUser.disabledAt)))
    .limit(1);
  return row ?? null;
}

/** Which of these emails belong to active users (lower-cased), e.g. to offer only the demo sign-ins that exist. */
export async function activeEmails(db: Db, emails: readonly string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db
    .select({ email: appUser.email })
    .from(appUser)
    .where(
      and(
        inArray(
          appUser.email,
          emails.map((email) => email.toLowerCase()),
        ),
        isNull(appUser.disabledAt),
      ),
    );
  return new Set(rows.map((row) => row.email));
}

/** What a fresh sign-in of this (active) user owes next: nothing, a code, or setting up an authenticator first. */
export async function secondFactorStageAfterSignIn(db: Db, email: string): Promise<SecondFactorStage> {
  const [row] = await db
    .select({
      role: appUser.role,
      platformOperator: appUser.platformOperator,
      mfaRequiredForAdmins: org.mfaRequiredForAdmins,
      mfaConfirmedAt: userMfa.confirmedAt,
    })
    .from(appUser)
    .innerJoin(org, eq(org.id, appUser.orgId))
    .leftJoin(userMfa, eq(userMfa.userId, appUser.id))
    .where(and(eq(appUser.email, email.trim().toLowerCase()), isNull(appUser.disabledAt)))
    .limit(1);
  if (!row) return "done";
  return secondFactorStage({ ...row, enrolled: row.mfaConfirmedAt !== null, passedThisSession: false });
}
